// A file nested far deeper than any plan is refused before a parser reads it. Both parsers recurse
// once or more per level: `yaml` reported its own stack running out at a place that depended on
// how much stack was left (column 1895, 1903 or 1977 of one line), and in a process that had read
// a few deep files, V8 aborted the whole process while compiling a regular expression near the end
// of the stack (`loadPlan` of `a:` and 10,000 `- `). A plan has about six levels.
import { lineStartOf } from '../text/line-start.js';
import { closingQuote } from './indent-lines.js';
import type { Problem } from './problem.js';

/** More levels than this, by the bound below, and a file is too deep to read. */
export const MAX_NESTING = 200;

export const TOO_DEEP_MESSAGE =
  'Tệp lồng nhau quá sâu để đọc: một tệp kế hoạch chỉ có vài cấp thụt lề, hãy kiểm tra lại cấu trúc tệp.';

/** The problem of a file nested too deep, at the first place it passes MAX_NESTING; undefined if it does not. */
export function nestingProblem(text: string): Problem | undefined {
  const at = tooDeepAt(text);
  return at === -1 ? undefined : tooDeepProblem(text, at);
}

function tooDeepProblem(text: string, at: number): Problem {
  let line = 1;
  for (let n = text.indexOf('\n'); n !== -1 && n < at; n = text.indexOf('\n', n + 1)) line++;
  return {
    rule: 'yaml-too-deep',
    severity: 'error',
    path: '',
    line,
    column: at - lineStartOf(text, at) + 1,
    message: TOO_DEEP_MESSAGE,
  };
}

/**
 * The problem of a file a parser's stack ran out on though tooDeepAt did not foresee it: at its
 * first flow bracket outside a comment, where `yaml`'s nesting of such a file begins (a map per line inside a flow
 * collection), else at its start.
 */
export function stackProblem(text: string): Problem {
  const bracket = FIRST_BRACKET.exec(text);
  return tooDeepProblem(text, bracket === null ? 0 : bracket.index + bracket[0].length - 1);
}

// A flow bracket before any `#` on its line (not in a comment, such as a wizard draft's first line).
const FIRST_BRACKET = /^[^#\n]*?[[{]/mu;

// Cheap signs that the bound could pass MAX_NESTING: it is 2 × block levels + compact indicators
// + open flow brackets, so one of the three passes a third of it. Block levels each sit one column
// deeper at least, so a line indented that far; compact indicators stand in a row on one line;
// brackets are that many in the text.
const THIRD = Math.floor(MAX_NESTING / 3);
const DEEP_SIGNS = new RegExp(`^[ \\t]{${THIRD}}|(?:[-?:][ \\t]+){${THIRD}}`, 'mu');

/**
 * Where `text` nests deeper than `limit`, as an offset, or -1. The count is an upper bound of
 * YAML's nesting (so a file under it never runs a parser's stack out): twice the block levels
 * open (a list may sit at its key's own column), the compact `- `, `? ` and `: ` opening their
 * lines, and the flow brackets open where a node may start (quoted text and comments skipped).
 */
export function tooDeepAt(text: string, limit = MAX_NESTING): number {
  // The signs are worked out for MAX_NESTING; the tests try smaller limits.
  if (limit === MAX_NESTING && !DEEP_SIGNS.test(text) && bracketsAtMost(text, THIRD)) return -1;
  // The block levels open, each with what it adds: two (a list may sit at its key's own column)
  // and one for each compact indicator its line opens with, which stay open below it.
  const levels: Array<{ indent: number; adds: number }> = [];
  let open = 0;
  const state: FlowState = { flow: 0, quote: undefined };
  let flowIndent = -1;
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    let i = start;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    const indent = i - start;
    const blank = i === end || (text[i] === '\r' && i + 1 === end);
    const marker =
      indent === 0 &&
      (text[i] === '-' || text[i] === '.') &&
      /^(?:---|\.\.\.)(?=[ \t\r]|$)/u.test(text.slice(i, i + 4));
    // A quoted value ends, for `yaml`, at a line less indented than it may go on at; that is never
    // past the quote's own column, so taking it as ended there only counts more.
    if (state.quote !== undefined && !blank && (indent < state.quote.column || marker)) state.quote = undefined;
    if (state.quote !== undefined) {
      const close = blank ? -1 : closingQuote(text, i, state.quote.char, end);
      if (close !== -1) {
        const depth = state.quote.depth;
        state.quote = undefined;
        const scanned = scanFlow(text, close + 1, end, depth, state, limit, false);
        if (scanned !== -1) return scanned;
      }
    } else if (!blank && text[i] !== '#') {
      // `yaml` ends a flow collection opened after a key or indicator at a line no deeper than
      // the one it opened on.
      if (state.flow > 0 && indent <= flowIndent) state.flow = 0;
      while (levels.length > 0 && levels[levels.length - 1]!.indent >= indent) open -= levels.pop()!.adds;
      let depth = open + 2;
      if (depth + state.flow > limit) return i;
      if (marker) i += 3;
      while (i < end && '-?:'.includes(text[i]!) && (i + 1 === end || ' \t\r'.includes(text[i + 1]!))) {
        depth++;
        if (depth + state.flow > limit) return i;
        i += 1;
        while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
      }
      levels.push({ indent, adds: depth - open });
      open = depth;
      const before = state.flow;
      const scanned = scanFlow(text, i, end, depth, state, limit, true);
      if (scanned !== -1) return scanned;
      // A flow opened by a line's first character may go on at that line's own column (a flow at
      // the root, or a value below its key), so it is never taken as ended.
      const opensLine = text[start + indent] === '[' || text[start + indent] === '{';
      if (before === 0 && state.flow > 0) flowIndent = opensLine ? -1 : indent;
    }
    start = end + 1;
  }
  return -1;
}

/** Flow brackets open, and a quoted value left open at a line's end. */
interface FlowState {
  flow: number;
  quote: { char: '"' | "'"; column: number; depth: number } | undefined;
}

/** Whether `text` holds at most `most` of `[` and `{`. */
function bracketsAtMost(text: string, most: number): boolean {
  let count = 0;
  for (const open of ['[', '{']) {
    for (let at = text.indexOf(open); at !== -1; at = text.indexOf(open, at + 1)) if (++count > most) return false;
  }
  return true;
}

// Scans [from, end) of one line for the flow brackets it opens and closes, and for a quote it
// leaves open; the offset where the bound passes `limit`, else -1.
function scanFlow(
  text: string,
  from: number,
  end: number,
  depth: number,
  state: FlowState,
  limit: number,
  startsNode: boolean,
): number {
  let nodeStart = startsNode;
  for (let i = from; i < end; i++) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t') continue;
    if (ch === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
    if ((ch === '"' || ch === "'") && nodeStart) {
      const close = closingQuote(text, i + 1, ch, end);
      if (close === -1) {
        state.quote = { char: ch, column: i - lineStartOf(text, i), depth };
        break;
      }
      i = close;
      nodeStart = false;
    } else if (ch === '[' || ch === '{') {
      if (!nodeStart) continue;
      state.flow++;
      if (depth + state.flow > limit) return i;
    } else if (ch === ']' || ch === '}') {
      if (state.flow > 0) state.flow--;
      nodeStart = false;
    } else if ((ch === '&' || ch === '!') && nodeStart) {
      // An anchor or a tag comes before the node it names: `&x [` still opens a flow.
      while (i + 1 < end && !' \t,[]{}'.includes(text[i + 1]!)) i++;
    } else if (ch === ',') nodeStart = state.flow > 0;
    // In a flow, `"a":[` nests as JSON does; `? ` opens an explicit key there too.
    else if (ch === ':' && (state.flow > 0 || spacedAfter(text, i, end))) nodeStart = true;
    else if (ch === '?' && spacedAfter(text, i, end)) nodeStart = true;
    else nodeStart = false;
  }
  return -1;
}

/** Whether the line ends after `at`, or a space follows. */
function spacedAfter(text: string, at: number, end: number): boolean {
  const next = text[at + 1];
  return at + 1 === end || next === ' ' || next === '\t' || next === '\r';
}
