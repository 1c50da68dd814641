import type { FileResult } from '../plan/problem.js';
import { summarize } from './summary.js';

/**
 * The machine-readable contract. Objects are rebuilt field by field so that the key order and the
 * key set stay fixed whatever the loader attached to a problem.
 */
export function formatJson(results: readonly FileResult[]): string {
  const summary = summarize(results);
  const report = {
    files: results.map((r) => ({
      file: r.file,
      valid: r.valid,
      problems: r.problems.map((p) => ({
        rule: p.rule,
        severity: p.severity,
        message: p.message,
        line: p.line,
        column: p.column,
        path: p.path,
        ...(p.snippet !== undefined ? { snippet: p.snippet } : {}),
      })),
    })),
    summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
