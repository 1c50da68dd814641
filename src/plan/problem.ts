import { formatCount } from './issue.js';

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

/**
 * `problem` as a plain object, its message an own field: problems worded on demand (a class with a
 * getter, yaml-problems.ts) leave the loader as these, for reports, JSON and spreads.
 */
export function plainProblem(problem: Problem): Problem {
  if (Object.getPrototypeOf(problem) === Object.prototype) return problem;
  const { rule, severity, message, line, column, path, snippet } = problem;
  return { rule, severity, message, line, column, path, ...(snippet === undefined ? {} : { snippet }) };
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

/**
 * Sorted problems, each once: the first of those with one place, one rule and one message (the
 * parser can say the same thing twice at one place; a node behind several aliases is reached by
 * several paths). The sort is stable and puts such problems side by side, so each is compared
 * only with its neighbours at the same place: no key to build for each of 400,000 problems, and
 * messages, which may be worded only when read, are read only where two problems share a place.
 */
export function sortedOnce(sorted: readonly Problem[]): Problem[] {
  const kept: Problem[] = [];
  let run = 0;
  for (const problem of sorted) {
    const last = kept[kept.length - 1];
    if (last === undefined || !samePlace(last, problem)) run = kept.length;
    else {
      const text = problem.message;
      if (kept.slice(run).some((other) => other.message === text)) continue;
    }
    kept.push(problem);
  }
  return kept;
}

function samePlace(a: Problem, b: Problem): boolean {
  return a.line === b.line && a.column === b.column && a.rule === b.rule;
}

/**
 * Problems reported per file. Past this a file is not a plan with mistakes but the wrong file or
 * a generated one, and printing (or locating) thousands of lines helps nobody.
 */
export const MAX_PROBLEMS_PER_FILE = 200;

/**
 * The first MAX_PROBLEMS_PER_FILE of sorted problems, then one that says how many were left out,
 * placed at the first one left out so that it sorts last. Its severity is the worst it hides.
 * `beyond` counts further problems, all placed after `sorted`, that were counted but not located.
 * `stoppedAt` is the line from which the file was not read (yaml-chunks.ts): `sorted` holds every
 * problem before it, an error among them, and what lies past it is not known, so the line is an
 * error.
 */
export function capProblems(sorted: Problem[], beyond = { errors: 0, warnings: 0 }, stoppedAt?: number): Problem[] {
  if (sorted.length <= MAX_PROBLEMS_PER_FILE) return sorted.map(plainProblem);
  const shown = sorted.slice(0, MAX_PROBLEMS_PER_FILE).map(plainProblem);
  const hidden = sorted.slice(MAX_PROBLEMS_PER_FILE);
  const hiddenErrors = hidden.filter((p) => p.severity === 'error').length;
  const errors = hiddenErrors + beyond.errors;
  const warnings = hidden.length - hiddenErrors + beyond.warnings;
  const counts = [
    errors > 0 ? `${formatCount(errors)} lỗi` : '',
    warnings > 0 ? `${formatCount(warnings)} cảnh báo` : '',
  ]
    .filter(Boolean)
    .join(' và ');
  const why =
    stoppedAt === undefined
      ? `mỗi tệp chỉ báo ${MAX_PROBLEMS_PER_FILE} vấn đề đầu tiên`
      : `mỗi tệp chỉ báo ${MAX_PROBLEMS_PER_FILE} vấn đề đầu tiên, và tệp có quá nhiều lỗi YAML nên phần từ dòng ${formatCount(stoppedAt)} trở đi không được đọc`;
  const first = hidden[0]!;
  shown.push({
    rule: 'too-many-problems',
    severity: errors > 0 || stoppedAt !== undefined ? 'error' : 'warning',
    path: '',
    line: first.line,
    column: first.column,
    message: `… và ${stoppedAt === undefined ? '' : 'còn ít nhất '}${counts} khác không hiển thị (${why}): hãy sửa các lỗi trên rồi chạy lại \`kehoach check\`; nếu tệp có hàng nghìn lỗi, có lẽ đây không phải tệp kế hoạch.`,
  });
  return shown;
}
