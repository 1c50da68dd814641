// The line markup that templates produce (templates/README.md): each non-blank line is a
// paragraph; `@style text` picks a style; `\` makes the next character literal. Every string from
// the plan reaches a template already escaped (escapeText), so user text can never open a style,
// split a table row or start a new paragraph, whatever characters it holds.
import type { StyleId } from './layout.js';

export const TEXT_STYLES = {
  section: 'Heading1',
  clause: 'Heading2',
  basis: 'Basis',
  doctype: 'DocType',
  title: 'DocTitle',
  appendix: 'AppendixLabel',
  'appendix-title': 'AppendixTitle',
  'appendix-note': 'AppendixNote',
} as const satisfies Record<string, StyleId>;

export const STYLE_NAMES = [...Object.keys(TEXT_STYLES), 'rule', 'columns'];

export type Line =
  { kind: 'para'; style: StyleId; text: string } | { kind: 'rule' } | { kind: 'columns'; cells: string[] };

export class MarkupError extends Error {
  /** The offending output line, to find it in the template source. */
  readonly line: string;
  /** The style word (without @) when the line used one. */
  readonly style: string | undefined;
  constructor(message: string, line: string, style?: string) {
    super(message);
    this.line = line;
    this.style = style;
  }
}

/** Makes any text print as itself: markup characters get a backslash, breaks become spaces. */
export function escapeText(text: string): string {
  return text.replace(/[\\@|]/g, '\\$&').replace(/[\r\n\t\f\v\u2028\u2029]/g, ' ');
}

export function unescapeText(text: string): string {
  return text.replace(/\\(.)/gsu, '$1');
}

/** Splits on `|` that no backslash escapes. */
function splitCells(text: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length) {
      current += char + text[i + 1];
      i++;
    } else if (char === '|') {
      cells.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  cells.push(current);
  return cells.map((c) => unescapeText(c.trim()));
}

function isStyle(word: string): word is keyof typeof TEXT_STYLES {
  return Object.hasOwn(TEXT_STYLES, word);
}

export function parseMarkup(output: string): Line[] {
  const lines: Line[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    if (!line.startsWith('@')) {
      lines.push({ kind: 'para', style: 'Normal', text: unescapeText(line) });
      continue;
    }
    const match = /^@(\S*)(?:\s+(.*))?$/su.exec(line);
    const word = match?.[1] ?? '';
    const rest = (match?.[2] ?? '').trim();
    if (word === 'rule') {
      if (rest !== '') throw new MarkupError('@rule đứng một mình, không có chữ theo sau', line, word);
      lines.push({ kind: 'rule' });
    } else if (word === 'columns') {
      lines.push({ kind: 'columns', cells: splitCells(rest) });
    } else if (isStyle(word)) {
      if (rest === '') throw new MarkupError(`@${word} cần có chữ theo sau`, line, word);
      lines.push({ kind: 'para', style: TEXT_STYLES[word], text: unescapeText(rest) });
    } else {
      throw new MarkupError(
        `không có kiểu đoạn «@${word}»; các kiểu có: ${STYLE_NAMES.map((s) => `@${s}`).join(', ')} ` +
          '(muốn in dấu @ ở đầu dòng thì viết \\@)',
        line,
        word,
      );
    }
  }
  return lines;
}
