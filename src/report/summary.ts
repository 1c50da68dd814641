import type { FileResult, Severity } from '../plan/problem.js';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  /** Files with at least one problem of either severity. */
  filesWithProblems: number;
}

export function summarize(results: readonly FileResult[]): Summary {
  let errors = 0;
  let warnings = 0;
  let filesWithProblems = 0;
  for (const result of results) {
    if (result.problems.length > 0) filesWithProblems++;
    for (const problem of result.problems) {
      if (problem.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { files: results.length, errors, warnings, filesWithProblems };
}

/** Whether a problem of this severity makes `check` exit 1 under `--fail-on`. */
export function fails(severity: Severity, failOn: Severity): boolean {
  return severity === 'error' || failOn === 'warning';
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'lỗi', warning: 'cảnh báo' };

/** "3 lỗi, 1 cảnh báo" / "2 cảnh báo" / "1 lỗi"; the zero counts are left out. */
export function countText(summary: Pick<Summary, 'errors' | 'warnings'>): string {
  const parts: string[] = [];
  if (summary.errors > 0) parts.push(`${summary.errors} lỗi`);
  if (summary.warnings > 0) parts.push(`${summary.warnings} cảnh báo`);
  return parts.join(', ');
}

/** The one-line verdict shared by stylish and the `--output` notice. */
export function summaryLine(summary: Summary): string {
  if (summary.errors + summary.warnings === 0) return `Không có vấn đề nào trong ${summary.files} tệp.`;
  const checked = summary.filesWithProblems === summary.files ? '' : ` (đã kiểm tra ${summary.files} tệp)`;
  return `${countText(summary)} trong ${summary.filesWithProblems} tệp${checked}.`;
}
