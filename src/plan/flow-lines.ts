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
// on, each line is judged as before: a line with a bracket is sure only with no quote or `#` on it
// and its brackets balanced, which holds whatever the lexer is in at the line's start.

const SPECIAL_LINE = /^.*["'[\]{}].*$/gmu;
const QUOTE_OR_COMMENT = /["'#]/u;
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
  SPECIAL_LINE.lastIndex = 0;
  for (let match = SPECIAL_LINE.exec(text); match !== null; match = SPECIAL_LINE.exec(text)) {
    const line = match[0];
    // Balanced brackets with no quote or `#` close on the line whatever the lexer is in at its start,
    // and counting them is quicker (a 2 MB flow list on one line: 15 ms, not 75).
    if (!QUOTE_OR_COMMENT.test(line) && bracketsBalanced(line)) continue;
    if (!quoteOverLines) {
      const token = readLine(line, true);
      const plain = readLine(line, false);
      if (token === 'unsure' || plain === 'unsure') return match.index;
      if (token === 'closes' && plain === 'closes') continue;
      quoteOverLines = true;
    }
    if (!bracketsBalanced(line)) return match.index;
  }
  return text.length;
}

/** Whether a line holds no bracket, or balanced brackets and no quote or `#` that could hide one. */
function bracketsBalanced(line: string): boolean {
  if (!/[[\]{}]/u.test(line)) return true;
  if (QUOTE_OR_COMMENT.test(line)) return false;
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
function readLine(line: string, token: boolean): 'closes' | 'opens' | 'unsure' {
  const closers: string[] = [];
  let i = 0;
  // In a flow collection, `:` right after a quoted scalar or a closing bracket is an indicator
  // whatever follows it (`{"a":"b"}`).
  let flowKey = false;
  if (!token) i = plainEnd(line, 0, false);
  else {
    // A marker after blanks too: past a block scalar, `yaml` takes blanks and a Tab for the start
    // of a line at column 0 (found by fuzzing: `k: >`, then a Tab and `--- [a`).
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (DOCUMENT_MARKER.test(line.slice(i, i + 4))) i += 3;
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
      const close = quoteClose(line, i);
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
  return closers.length === 0 ? 'closes' : 'unsure';
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

/** Where the quoted scalar opening at `open` in `line` closes, as `yaml`'s lexer finds its close; -1 if not on the line. */
function quoteClose(line: string, open: number): number {
  const quote = line[open]!;
  let end = line.indexOf(quote, open + 1);
  if (quote === "'") {
    while (end !== -1 && line[end + 1] === "'") end = line.indexOf("'", end + 2);
    return end;
  }
  while (end !== -1) {
    let backslashes = 0;
    while (line[end - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return end;
    end = line.indexOf('"', end + 1);
  }
  return end;
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
