export type Severity = 'error' | 'warning';

/** One finding about one plan file, located in the user's own text. */
export interface Problem {
  /** Stable id, e.g. `yaml-syntax`, `schema-required`, `period-beyond-2030`. */
  rule: string;
  severity: Severity;
  /** Vietnamese (NFC): what is wrong and what to write instead. */
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters of the line as the user sees it. */
  column: number;
  /** JSON pointer into the plan ("" for the whole document), e.g. `/tasks/pillars/0/period`; in a .docx, `/body/p[12]`. */
  path: string;
  /** The text at the location, when the location is a paragraph of a .docx (SARIF's region.snippet). */
  snippet?: string;
}

export interface FileResult {
  /** As the user named it (relative to cwd when it was found by a folder or glob). */
  file: string;
  valid: boolean;
  problems: Problem[];
}

export function isValid(problems: readonly Problem[]): boolean {
  return !problems.some((p) => p.severity === 'error');
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
