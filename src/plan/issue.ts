import type { Severity } from './problem.js';

/** A finding about plan data, located by its path in the data (the loader turns it into line:column). */
export interface Issue {
  rule: string;
  severity: Severity;
  /** Vietnamese (NFC): what is wrong and what to write instead. */
  message: string;
  /** Keys and indexes from the root, e.g. ['tasks', 'pillars', 0, 'period']. */
  path: (string | number)[];
  /** Point at the key of the last path segment instead of its value. */
  at?: 'key' | 'value';
  /**
   * The same finding in the wizard's voice: no keys or YAML, the field named by its question's
   * label, examples in the form the question asks for (20/3/2027, not `date: 2027-03-20`).
   */
  ask?: string;
}

export type IssuePath = Issue['path'];

/** `issue` as a plain object, its message an own field: what spreading or JSON of it keeps. */
export function plainIssue(issue: Issue): Issue {
  if (Object.getPrototypeOf(issue) === Object.prototype) return issue;
  const { rule, severity, message, path, at, ask } = issue;
  return { rule, severity, message, path, ...(at === undefined ? {} : { at }), ...(ask === undefined ? {} : { ask }) };
}

/** `/tasks/pillars/0/period` (RFC 6901). */
export function toPointer(path: IssuePath): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** 4000 → 4.000, as Vietnamese writes numbers. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Upper-case the first letter of a sentence that begins with a field name. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
