import type { FileResult, Severity } from '../plan/problem.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { type RuleInfo, formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'junit', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];
export type { RuleInfo } from './sarif.js';
export { fails, summarize, summaryLine, type Summary } from './summary.js';

export interface ReportOptions {
  /** stylish only; the caller decides (TTY, NO_COLOR, --output). */
  color: boolean;
  /** junit: whether warnings fail a test case. */
  failOn: Severity;
  /** sarif: the tool version and the rules it describes. */
  version: string;
  rules: readonly RuleInfo[];
}

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

export function formatReport(name: FormatName, results: readonly FileResult[], options: ReportOptions): string {
  switch (name) {
    case 'stylish':
      return formatStylish(results, { color: options.color });
    case 'json':
      return formatJson(results);
    case 'junit':
      return formatJunit(results, { failOn: options.failOn });
    case 'sarif':
      return formatSarif(results, { version: options.version, rules: options.rules });
    case 'github':
      return formatGithub(results);
  }
}
