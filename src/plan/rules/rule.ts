import type { IssuePath } from '../issue.js';
import type { ValidateOptions } from '../options.js';
import type { Severity } from '../problem.js';

export interface Finding {
  path: IssuePath;
  message: string;
  at?: 'key' | 'value';
  /** The wizard's voice (see Issue.ask); without it the wizard rewords `message`. */
  ask?: string;
}

/**
 * Plan data that may not have passed the schema yet (the wizard checks half-written drafts), so a
 * rule looks at a value only after checking its type and stays silent where the schema speaks.
 */
export type Draft = Readonly<Record<string, unknown>>;

export interface Rule {
  /** Stable: reports, tests and users' CI filters refer to it. */
  readonly id: string;
  readonly severity: Severity;
  /** Vietnamese, one sentence: what the rule asks of a plan. */
  readonly description: string;
  check(plan: Draft, options: ValidateOptions): Finding[];
}
