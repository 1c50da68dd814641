// Where a flow collection may run over lines (chunks.ts, rootMayClose). A line is read token by
// token as `yaml`'s lexer reads it, so that a bracket inside a quoted scalar (`"Kế hoạch [2026]"`)
// counts for nothing; wherever the reading is not sure, the line counts as one where a flow
// collection may not close (which costs only a slower route). Before, any line with a bracket and a
// quote counted so, and a large file with such a line and a `>` in prose after it was not cut (3 s
// for 2 MB instead of 1 s).
//
// A quoted scalar starts only where the lexer starts a token: at a line's first character, after
// the indicators `- `, `? `, `: `, a document marker, after `[`, `{`, `,` in a flow collection, and
// after a tag or an anchor. Anywhere else a quote is part of a plain scalar (`it's`, `a "b`). A
// plain scalar out of a flow collection is text up to its `: ` or ` #`, as the lexer reads it. Right
// after a token that is no plain scalar (a quoted scalar, an alias, a closing bracket) the lexer
// starts another, so a quote there is unsure.
//
// The lexer may also be inside a plain scalar from the lines before, which goes on over a line up
// to its first `: ` or ` #`: quotes and a `#` before them are text. Each line is read both ways
// (found by fuzzing against the lexer: in `z"` then `"q"#["a": [b`, the second line is text up to
// its `: `, then a flow collection).
//
// A quoted scalar not closed on its line goes on over lines that are then not read as the lexer
// reads them (`k: "a` then `   "[x`: the quote closes, and a flow collection opens). From its line
// on, each line is judged as before: a line with a bracket is sure only with nothing on it that may
// hide one (a quote, `#`, a verbatim tag) and its brackets balanced, which holds whatever the lexer
// is in at the line's start.

import { closingQuote } from './indent-lines.js';

const SPECIAL_LINE = /^.*["'[\]{}].*$/gmu;
// What may hide a bracket from counting: a quote, a comment, a verbatim tag (`!<…>` runs to a blank
// or `>`, brackets and all: found by a review).
const HIDES_BRACKETS = /["'#]|!</u;
const TAG_CHARS = /[0-9A-Za-z\-#;/?:@&=+$_.!~*'()]/u;
const HEX = /^[0-9A-Fa-f]{2}$/u;
const NOT_ANCHOR = new Set([' ', ',', '[', ']', '{', '}', '\n', '\r', '\t']);
const FLOW_INDICATORS = new Set([',', '[', ']', '{', '}']);
// A block scalar's header with nothing but a comment after it.
const BARE_HEADER = /^[|>][-+0-9]*[ \t]*(?:#.*)?$/u;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/u;

function isBlank(char: string | undefined): boolean {
  return char === undefined || char === ' ' || char === '\t' || char === '\r' || char === '\n';
}

/** Where the first line of `text` starts that may hold a flow collection not closed on it; the text's length if none. */
export function flowOverLines(text: string): number {
  let quoteOverLines = false;
  const deepest = new DeepestIndent(text);
  SPECIAL_LINE.lastIndex = 0;
  for (let match = SPECIAL_LINE.exec(text); match !== null; match = SPECIAL_LINE.exec(text)) {
    const line = match[0];
    // Balanced brackets with nothing to hide one close on the line whatever the lexer is in at its start,
    // and counting them is quicker (a 2 MB flow list on one line: 15 ms, not 75).
    if (!HIDES_BRACKETS.test(line) && bracketsBalanced(line)) continue;
    if (!quoteOverLines) {
      const token = readLine(line, true);
      const plain = readLine(line, false);
      if (typeof token === 'object') {
        // Read as a plain scalar going on from a line before, the line opens the same flow or none;
        // the lexer's indentation then is that of a line before (plainStartIndent).
        const same = typeof plain === 'object' && plain.closers.join('') === token.closers.join('');
        if (plain !== 'closes' && !same) return match.index;
        const least = same
          ? Math.max(token.indentNext, plainStartIndent(text, match.index, deepest) + 1)
          : token.indentNext;
        const end = containedFlowEnd(text, match.index + line.length + 1, token.closers, least);
        if (end === -1) return match.index;
        SPECIAL_LINE.lastIndex = end;
        continue;
      }
      if (token !== 'closes' && token !== 'opens') return match.index;
      if (plain === 'unsure') return match.index;
      if (token === 'closes' && plain === 'closes') continue;
      quoteOverLines = true;
    }
    if (!bracketsBalanced(line)) return match.index;
  }
  return text.length;
}

/** Whether a line holds no bracket, or balanced brackets and nothing that could hide one. */
function bracketsBalanced(line: string): boolean {
  if (!/[[\]{}]/u.test(line)) return true;
  if (HIDES_BRACKETS.test(line)) return false;
  const closers: string[] = [];
  for (const char of line) {
    if (char === '[' || char === '{') closers.push(char === '[' ? ']' : '}');
    else if ((char === ']' || char === '}') && closers.pop() !== char) return false;
  }
  return closers.length === 0;
}

/**
 * How `line` reads when a token starts at its start (`token`), or a plain scalar from the lines
 * before goes on there: whether every flow collection and quoted scalar opened on it surely closes
 * on it, or a quoted scalar opens on it that does not close on it, out of any flow collection.
 * Each turn of the loop starts at a token's start, as the lexer's do; plain scalars are passed over.
 */
function readLine(line: string, token: boolean): 'closes' | 'opens' | 'unsure' | OpenFlow {
  const closers: string[] = [];
  let i = 0;
  // In a flow collection, `:` right after a quoted scalar or a closing bracket is an indicator
  // whatever follows it (`{"a":"b"}`).
  let flowKey = false;
  let indentNext = -1;
  if (!token) i = plainEnd(line, 0, false);
  else {
    // A marker after blanks too: past a block scalar, `yaml` takes blanks and a Tab for the start
    // of a line at column 0 (found by fuzzing: `k: >`, then a Tab and `--- [a`).
    // A byte order mark at a line's start before a document is dropped (found by a review).
    if (line[0] === '\uFEFF') i = 1;
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (DOCUMENT_MARKER.test(line.slice(i, i + 4))) i += 3;
    indentNext = line[0] === '\uFEFF' ? -1 : indentBound(line);
  }
  while (i < line.length) {
    const char = line[i]!;
    if (isBlank(char)) {
      i++;
      continue;
    }
    const inFlow = closers.length > 0;
    if (char === '#') break;
    if (char === '"' || char === "'") {
      const close = closingQuote(line, i + 1, char);
      if (close === -1) return inFlow ? 'unsure' : 'opens';
      i = close + 1;
      flowKey = true;
      continue;
    }
    if (char === '[' || char === '{') {
      closers.push(char === '[' ? ']' : '}');
      flowKey = false;
      i++;
      continue;
    }
    if (char === ']' || char === '}') {
      if (closers.pop() !== char) return 'unsure';
      flowKey = true;
      i++;
      continue;
    }
    const next = line[i + 1];
    const indicator = isBlank(next) || (inFlow && FLOW_INDICATORS.has(next!));
    if (
      (char === ',' && inFlow) ||
      ((char === '-' || char === '?' || char === ':') && indicator) ||
      (char === ':' && inFlow && flowKey)
    ) {
      flowKey = false;
      i++;
      continue;
    }
    if (char === '!') {
      i = tagEnd(line, i);
      continue;
    }
    if (char === '&' || char === '*') {
      i++;
      while (i < line.length && !NOT_ANCHOR.has(line[i]!)) i++;
      continue;
    }
    // A block scalar's header: the lines after it are text. Text after it on its line is read
    // otherwise (chunks.ts, HEADER_WITH_TEXT).
    if ((char === '|' || char === '>') && !inFlow) return BARE_HEADER.test(line.slice(i)) ? 'closes' : 'unsure';
    flowKey = false;
    i = plainEnd(line, i, inFlow);
  }
  if (closers.length === 0) return 'closes';
  return token && indentNext === -1 ? 'unsure' : { closers, indentNext };
}

/**
 * A flow collection left open at a line's end: the brackets that close it, innermost last, and
 * (read from a token at the line's start) the most the lexer's `indentNext` can be for it.
 */
interface OpenFlow {
  closers: readonly string[];
  indentNext: number;
}

/** Past this many lines back, the plain scalar's first line is not looked for (plainStartIndent). */
const PLAIN_LINES_BACK = 200;

/**
 * The most indentation, with block indicators, that the line a plain scalar going on over the line
 * at `start` started on can have: past such a scalar the lexer's indentation is that of its first
 * line, and a flow collection opened after a `: ` then needs its later lines one further in than
 * that (found by fuzzing against the lexer: a line of `- abc`, then ` k: [a,`). The scalar goes on
 * over the lines before back to one with a `: ` on it, where it started at the latest; a comment
 * line before `start` ends any (-1: none goes on). Past PLAIN_LINES_BACK lines, the most of all
 * lines before.
 */
function plainStartIndent(text: string, start: number, deepest: DeepestIndent): number {
  let most = -1;
  for (let end = start - 1, lines = 0; end > 0; lines++) {
    if (lines === PLAIN_LINES_BACK) return deepest.before(start);
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(lineStart, end);
    end = lineStart - 1;
    const content = line.search(/[^ \t\r]/u);
    if (content === -1) continue;
    if (line[content] === '#') return most;
    most = Math.max(most, lineIndent(text, lineStart));
    if (/:(?:[ \t\r]|$)/u.test(line)) return most;
  }
  return most;
}

/** The most indentation, with block indicators, of the lines before a place, found once. */
class DeepestIndent {
  private measured = 0;
  private deepest = 0;

  constructor(private readonly text: string) {}

  before(at: number): number {
    while (this.measured < at) {
      const end = this.text.indexOf('\n', this.measured);
      this.deepest = Math.max(this.deepest, lineIndent(this.text, this.measured));
      this.measured = end === -1 ? this.text.length : end + 1;
    }
    return this.deepest;
  }
}

/** The indentation of the line starting at `start` as the lexer counts it at a line's start: spaces, then block indicators and the blanks after them. */
function lineIndent(text: string, start: number): number {
  let i = start;
  while (text[i] === ' ') i++;
  while ((text[i] === '-' || text[i] === '?' || text[i] === ':') && isBlank(text[i + 1])) {
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
  }
  return i - start;
}

/**
 * The most the lexer's `indentNext` can be for a flow collection opened on `line` read from a
 * token at its start; -1 when the line does not tell. The lexer sets it to the line's indentation
 * and its block indicators (`- `, `? `, `: `) and one more at an indicator, and at a line's start
 * lowers it to the indentation unless the first character after it is followed by a blank (`! [a`,
 * a lone `[`): then it may stay as a line before left it. A Tab in the indentation: not told.
 */
function indentBound(line: string): number {
  let i = 0;
  while (line[i] === ' ') i++;
  if (line[i] === '\t' || DOCUMENT_MARKER.test(line.slice(i, i + 4))) return i === 0 && line[0] === '-' ? 1 : -1;
  const first = i;
  while ((line[i] === '-' || line[i] === '?' || line[i] === ':') && isBlank(line[i + 1])) {
    i++;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
  if (i === first && isBlank(line[i + 1])) return -1;
  return i + 1;
}

// A flow collection over lines is read as ever when each of its later lines is as far in as the
// lexer's `indentNext` or further: a line less indented ends it with an error, and the lexer then
// counts that line's indentation as 0 (the root may close there: chunks.ts). Such a flow, with no
// quote or `#` in its later lines and nothing after its last bracket, does not count. Its lines
// are then also read as if no flow were open there (the line that opened it may be text of a
// block scalar or of a plain value): none may leave a bracket of its own open.

/** Where the line ends on which the flow collection left open by `open` closes, its later lines starting at `from` and as far in as `indentNext`, when it counts for nothing (see above); -1 otherwise. */
function containedFlowEnd(text: string, from: number, open: readonly string[], indentNext: number): number {
  const closers = [...open];
  for (let start = from; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, text[end - 1] === '\r' ? end - 1 : end);
    let i = 0;
    while (line[i] === ' ') i++;
    if (i < line.length) {
      if (i < indentNext || line[i] === '\t' || HIDES_BRACKETS.test(line)) return -1;
      const own: string[] = [];
      for (; i < line.length; i++) {
        const char = line[i]!;
        if (char === '[' || char === '{') {
          own.push(char);
          closers.push(char === '[' ? ']' : '}');
        } else if (char === ']' || char === '}') {
          own.pop();
          if (closers.pop() !== char) return -1;
          if (closers.length === 0) return own.length === 0 && line.slice(i + 1).trim() === '' ? end : -1;
        }
      }
      if (own.length > 0) return -1;
    }
    start = end + 1;
  }
  return -1;
}

/**
 * Where a plain scalar that goes on at `from` in `line` ends, as the lexer ends one: at `: ` or
 * ` #`, and in a flow collection at a flow indicator or a `:` before one; else at the line's end.
 */
function plainEnd(line: string, from: number, inFlow: boolean): number {
  for (let i = from; i < line.length; i++) {
    const char = line[i]!;
    const next = line[i + 1];
    if (char === ':' && (isBlank(next) || (inFlow && FLOW_INDICATORS.has(next!)))) return i;
    if (char === '#' && isBlank(line[i - 1])) return i;
    if (inFlow && FLOW_INDICATORS.has(char)) return i;
  }
  return line.length;
}

/** Where the tag starting at `start` ends, as the lexer reads one. */
function tagEnd(line: string, start: number): number {
  let i = start + 1;
  if (line[i] === '<') {
    while (i < line.length && !isBlank(line[i]) && line[i] !== '>') i++;
    return line[i] === '>' ? i + 1 : i;
  }
  while (i < line.length) {
    if (TAG_CHARS.test(line[i]!)) i++;
    else if (line[i] === '%' && HEX.test(line.slice(i + 1, i + 3))) i += 3;
    else break;
  }
  return i;
}
