import pc from 'picocolors';
import type { FileResult } from '../plan/problem.js';
import { visible } from '../text/visible.js';
import { SEVERITY_LABEL, summarize, summaryLine } from './summary.js';

export interface StylishOptions {
  /** Decided by the caller (TTY, NO_COLOR, --output); picocolors' own detection is never used. */
  color: boolean;
}

// Code points, not UTF-16 units: after NFC a Vietnamese letter is one code point and one column.
function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function padEnd(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Grouped by file like eslint's stylish: the file, its problems (position and severity aligned), a verdict. */
export function formatStylish(results: readonly FileResult[], options: StylishOptions): string {
  const c = pc.createColors(options.color);
  const summary = summarize(results);
  let out = '';

  for (const result of results) {
    if (result.problems.length === 0) continue;
    const rows = result.problems.map((p) => ({
      position: `${p.line}:${p.column}`,
      severity: p.severity,
      label: SEVERITY_LABEL[p.severity],
      // Messages quote the user's keys and values: nothing in them may act on the terminal.
      message: visible(oneLine(p.message)),
      rule: p.rule,
    }));
    const positionWidth = Math.max(...rows.map((r) => width(r.position)));
    const labelWidth = Math.max(...rows.map((r) => width(r.label)));

    out += `\n${c.underline(visible(result.file))}\n`;
    for (const row of rows) {
      const colour = row.severity === 'error' ? c.red : c.yellow;
      out +=
        `  ${c.dim(padEnd(row.position, positionWidth))}` +
        `  ${colour(padEnd(row.label, labelWidth))}` +
        // Messages are long sentences: padding them to a common width would push the rule id
        // far right and make every line wrap on an ordinary terminal.
        `  ${row.message}` +
        `  ${c.dim(row.rule)}\n`;
    }
  }

  if (summary.errors + summary.warnings === 0) return `${summaryLine(summary)}\n`;
  const verdict =
    summary.errors > 0 ? c.bold(c.red(`✖ ${summaryLine(summary)}`)) : c.bold(c.yellow(`⚠ ${summaryLine(summary)}`));
  return `${out}\n${verdict}\n`;
}
