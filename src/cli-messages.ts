// Commander writes its usage errors and help headings in English; clerks read Vietnamese.
// These pure functions rewrite commander's fixed phrases. A phrase they do not know passes
// through unchanged, so a commander upgrade degrades to English rather than to nothing.

import { visible } from './text/visible.js';

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
  'Global Options:': 'Tùy chọn chung:',
};

export function translateHelp(text: string): string {
  return realignCommands(
    text
      .replace(/^Usage: .*$/gm, (line) => line.replace('[options]', '[tùy-chọn]').replace('[command]', '[lệnh]'))
      .replace(/^(Usage:|Options:|Commands:|Arguments:|Global Options:)/gm, (title) => TITLES[title] ?? title)
      .replace(/\(choices: /g, '(chọn: ')
      .replace(/([(,] )default: /g, '$1mặc định: '),
  );
}

// The command list names each command's usage (`check [options] <đường-dẫn...>`). Translating a
// term changes its width, so the description column is computed again, continuation lines too.
function realignCommands(text: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf('Lệnh:');
  if (start === -1 || !lines.slice(start).some((l) => l.includes('[options]'))) return text;
  let end = start + 1;
  while (end < lines.length && lines[end] !== '') end++;
  const rows = lines.slice(start + 1, end);
  const first = /^( {2})(\S.*?\S) {2,}(?=\S)/.exec(rows[0] ?? '');
  if (first === null) return text;
  const oldColumn = first[0].length;
  const terms = rows.map((row) =>
    row.startsWith(' '.repeat(oldColumn)) ? undefined : row.slice(2, oldColumn).trimEnd(),
  );
  const translated = terms.map((t) => t?.replace('[options]', '[tùy-chọn]'));
  const width = Math.max(...translated.map((t) => t?.length ?? 0));
  const newColumn = 2 + width + 2;
  const realigned = rows.map((row, i) => {
    const term = translated[i];
    const rest = row.slice(oldColumn);
    return term === undefined ? ' '.repeat(newColumn) + rest : `  ${term.padEnd(width)}  ${rest}`;
  });
  return [...lines.slice(0, start + 1), ...realigned, ...lines.slice(end)].join('\n');
}

const ERRORS: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [/^error: unknown command '(.*)'/, (name) => `không có lệnh «${name}». Xem các lệnh: kehoach --help`],
  [/^error: unknown option '(.*)'/, (flag) => `không có tùy chọn «${flag}». Xem các tùy chọn: kehoach <lệnh> --help`],
  [/^error: missing required argument '(.*)'/, (name) => `thiếu tham số bắt buộc «${name}».`],
  [/^error: option '(.*)' argument missing/, (flags) => `tùy chọn «${flags}» cần một giá trị.`],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (flags, value, choices) => `tùy chọn «${flags}» không nhận giá trị «${value}»; hãy chọn một trong: ${choices}.`,
  ],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\./,
    (name, expected, got) =>
      `thừa tham số${name ? ` cho lệnh «${name}»` : ''}: lệnh nhận ${expected} tham số nhưng được cho ${got}.`,
  ],
];

/** One of commander's error outputs (may span lines, e.g. with a suggestion) in Vietnamese. */
export function translateError(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  const out = lines.map((line) => {
    const suggestion = /^\(Did you mean (one of )?(.*)\?\)$/.exec(line);
    if (suggestion) return `(có phải ý bạn là ${suggestion[2]}?)`;
    for (const [pattern, render] of ERRORS) {
      const match = pattern.exec(line);
      if (match) return `kehoach: ${render(...match.slice(1).map((g) => g ?? ''))}`;
    }
    return line.replace(/^error: /, 'kehoach: lỗi: ');
  });
  // Commander quotes the user's argument (an unknown command may hold escape sequences).
  return `${visible(out.join('\n'))}\n`;
}
