import { tasks, text } from './draft.js';
import type { Draft, Finding } from './rule.js';

// Four-digit numbers from 1800 to 2999 read as years; "1000 lượt khách" is not one.
const YEAR = /(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)/gu;

/** The years a period names, in order, without repeats. */
export function yearsIn(period: string): number[] {
  return [...new Set([...period.matchAll(YEAR)].map((m) => Number(m[0])))];
}

/** One finding per task period that names a year `outside` picks out. */
export function periodFindings(
  plan: Draft,
  outside: (year: number) => boolean,
  message: (period: string, years: number[]) => string,
): Finding[] {
  const findings: Finding[] = [];
  for (const { task, path } of tasks(plan)) {
    const period = text(task['period']);
    if (period === undefined) continue;
    const bad = yearsIn(period).filter(outside);
    if (bad.length > 0) findings.push({ path: [...path, 'period'], message: message(period, bad) });
  }
  return findings;
}
