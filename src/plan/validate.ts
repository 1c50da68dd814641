// One validated object for the loader, `check` and the wizard: schema first, then the rules of the
// spec that a schema cannot say. Pure: the clock comes in through options.
import type { ErrorObject } from 'ajv';
import type { Issue } from './issue.js';
import type { ValidateOptions } from './options.js';
import { RULES } from './rules/index.js';
import type { Draft } from './rules/rule.js';
import { planValidator } from './schema.js';
import { schemaIssues } from './schema-messages.js';
import type { Plan } from './types.js';

export type { Issue } from './issue.js';
export type { ValidateOptions } from './options.js';

/** data must already be NFC (the loader does it); returns plan only when there is no error. */
export function validatePlan(data: unknown, options: ValidateOptions): { plan?: Plan; issues: Issue[] } {
  const validate = planValidator();
  return validateWith(data, options, validate(data) ? [] : (validate.errors ?? []));
}

/** validatePlan for data the schema validator has already judged: `errors` is what it said. */
export function validateWith(
  data: unknown,
  options: ValidateOptions,
  errors: readonly ErrorObject[],
): { plan?: Plan; issues: Issue[] } {
  // Not push(...): a file of 200,000 unknown keys has as many issues, past the argument limit.
  const issues: Issue[] = errors.length === 0 ? [] : schemaIssues(errors, data);
  // Rules read drafts too (the wizard validates as it goes), so they run whatever the schema said.
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    for (const rule of RULES) {
      for (const finding of rule.check(data as Draft, options)) {
        issues.push({ rule: rule.id, severity: rule.severity, ...finding });
      }
    }
  }
  if (issues.some((i) => i.severity === 'error')) return { issues };
  // The schema accepted it and no rule objected: this is the one place raw data becomes a Plan.
  return { plan: data as Plan, issues };
}
