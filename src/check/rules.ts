import type { RuleInfo } from '../report/index.js';

/** Every rule id `check` can report, with its Vietnamese description (SARIF's rules[], the README's table). */
export async function ruleDescriptions(): Promise<RuleInfo[]> {
  const { RULES } = await import('../plan/rules/index.js');
  const { LOADER_RULES } = await import('../report/loader-rules.js');
  const { FORM_RULES, DOCX_FILE_RULES } = await import('../docx/rules/index.js');
  const describe = (rule: RuleInfo): RuleInfo => ({
    id: rule.id,
    ...(rule.severity ? { severity: rule.severity } : {}),
    description: rule.description,
  });
  return [...LOADER_RULES, ...RULES.map(describe), ...DOCX_FILE_RULES.map(describe), ...FORM_RULES.map(describe)];
}
