import type { RuleInfo } from '../report/index.js';

/** Every rule id `check` can report, with its Vietnamese description (SARIF's rules[], the README's table). */
export async function ruleDescriptions(): Promise<RuleInfo[]> {
  const { RULES } = await import('../plan/rules/index.js');
  const { LOADER_RULES } = await import('../report/loader-rules.js');
  const registry = RULES.map((rule) => ({ id: rule.id, severity: rule.severity, description: rule.description }));
  return [...LOADER_RULES, ...registry];
}
