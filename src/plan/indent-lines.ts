// A plan file cut into the lines that carry block structure: what starts where, and which lines
// only continue a value (block scalars, multi-line quotes and flow lists, comments). Deliberately
// approximate: it only locates mistakes the yaml parser has already found.

export type EntryKind = 'seq' | 'key' | 'scalar';

export interface Entry {
  kind: EntryKind;
  /** 0-based column in UTF-16 code units; indentation is ASCII, so it is the editor's column - 1. */
  col: number;
  /** The key, or what follows a `-`, for messages. */
  label: string;
}

export interface StructLine {
  /** 1-based. */
  line: number;
  entries: Entry[];
  /** The line ends with `key:` or `-` and nothing else: the next deeper lines belong to it. */
  opens: boolean;
  /** Leading whitespace holds a tab (only where a tab can be indentation). */
  tabAt?: number;
  /** A `[`, `{` or quote opened on this line and still open where the block goes on. */
  unclosed?: { col: number; char: string };
}

const QUOTED_KEY = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*:(?=[ \t]|$)/u;
// A plain key runs to the first `: ` (or a final `:`); it cannot start with an indicator.
const PLAIN_KEY = /^[^\s#'"[\]{},|>&*!%@`?-][^]*?(?=[ \t]*:(?:[ \t]|$))/u;
const DASH_KEY = /^-[^\s][^]*?(?=[ \t]*:(?:[ \t]|$))/u;
const OPENER_REST = /^(?:[&!][^\s]*[ \t]*)?(?:#.*)?$/u;
const BLOCK_SCALAR = /^(?:[&!][^\s]*[ \t]+)?[|>][0-9+-]*[ \t]*(?:#.*)?$/u;

interface Opened {
  /** 0-based column of the `[`, `{` or quote that opened the value. */
  at: number;
  char: string;
}
// A quote opened inside a flow collection keeps the collection's depth, to go on with it once closed.
type Open = ({ type: 'flow'; depth: number } | { type: 'quote'; quote: '"' | "'"; depth?: number }) & Opened;
type Pending = { type: 'block'; col: number } | (Open & { owner: number; index: number });

/** The structural lines of `text`, in order. */
export function structLines(text: string): StructLine[] {
  const out: StructLine[] = [];
  const lines = text.split('\n');
  let pending: Pending | undefined;
  // Where in `out` the line holding the document's root value will be, and the last line not blank.
  let rootAt = 0;
  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/u, '');
    const indent = raw.length - raw.replace(/^ +/u, '').length;
    const blank = raw.trim() === '';
    const before = previous;
    if (!blank) previous = raw;
    if (pending?.type === 'block') {
      if (blank || indent > pending.col) continue;
      pending = undefined;
    } else if (pending !== undefined) {
      if (
        blank ||
        indent > pending.owner ||
        closesAtOwner(raw, indent, pending) ||
        inRootFlow(raw, pending, pending.index === rootAt, before)
      ) {
        const next =
          pending.type === 'flow'
            ? continueFlow(raw, 0, pending.depth, { at: pending.at, char: pending.char })
            : afterQuote(raw, pending);
        pending = next === undefined ? undefined : pendingOf(next, pending.owner, pending.index);
        continue;
      }
      // The block goes on at the owner's column or left of it: the value was never closed.
      out[pending.index]!.unclosed = { col: pending.at, char: pending.char };
      pending = undefined;
    }
    if (blank || raw.trimStart().startsWith('#')) continue;
    if (/^(?:---|\.\.\.)(?:\s|$)/u.test(raw) || raw.startsWith('%')) {
      rootAt = out.length;
      continue;
    }
    const lead = /^[ \t]*/u.exec(raw)![0];
    const tab = lead.indexOf('\t');
    const parsed = parseLine(raw, lead.length);
    const struct: StructLine = { line: i + 1, entries: parsed.entries, opens: parsed.opens };
    if (tab !== -1) struct.tabAt = tab;
    out.push(struct);
    if (parsed.open !== undefined) pending = pendingOf(parsed.open, parsed.owner, out.length - 1);
    else if (parsed.block !== undefined) pending = { type: 'block', col: parsed.block };
    else pending = undefined;
  }
  // The text ends inside the value: it was never closed either. `yaml` says so at the end of the
  // text, a line past the last one; the fault names the line that opened it.
  if (pending !== undefined && pending.type !== 'block')
    out[pending.index]!.unclosed = { col: pending.at, char: pending.char };
  return out;
}

/**
 * Whether a line at the owner's column closes the value left open, as `yaml` reads it: the bracket
 * closing the outermost flow collection (`key: [1,` then `]`, a JSON file's last `}`). It was
 * taken for a value never closed, whose message then hid the file's real mistake (a comma left
 * out). Only the matching bracket: `key: [1,` then `}` is still a list left open.
 */
function closesAtOwner(raw: string, indent: number, pending: Open & { owner: number }): boolean {
  return (
    pending.type === 'flow' &&
    pending.depth === 1 &&
    indent === pending.owner &&
    raw[indent] === (pending.char === '[' ? ']' : '}')
  );
}

/**
 * Whether a line at or left of the bracket's column belongs to a flow collection that is the
 * document's root value, opened first on its line at any column (a JSON file written without
 * indentation, or with its `{` indented), as `yaml` reads it: a line of a string inside it, one
 * that starts as JSON items do (a quote, a bracket, a comma), or one after a line that ends with a
 * comma or the bracket. Otherwise a stray `[` before the first key
 * (`[version: 1` then `kind: …`) would take in the whole file (found by a review); a document
 * marker ends it in any case.
 */
function inRootFlow(raw: string, pending: Open & { owner: number }, root: boolean, before: string): boolean {
  if (!root || pending.at !== pending.owner || (pending.char !== '[' && pending.char !== '{')) return false;
  if (/^(?:---|\.\.\.)(?:[ \t]|$)/u.test(raw)) return false;
  return pending.type === 'quote' || /^[ \t]*["'[{\]},]/u.test(raw) || /[,[{][ \t]*$/u.test(before);
}

// Built field by field: object spreads here cost a second on a 2 MB file with a quote on every line.
function pendingOf(open: Open, owner: number, index: number): Pending {
  return open.type === 'flow'
    ? { type: 'flow', depth: open.depth, at: open.at, char: open.char, owner, index }
    : open.depth === undefined
      ? { type: 'quote', quote: open.quote, at: open.at, char: open.char, owner, index }
      : { type: 'quote', quote: open.quote, depth: open.depth, at: open.at, char: open.char, owner, index };
}

interface Parsed {
  entries: Entry[];
  opens: boolean;
  /** Column of the entry whose value this is. */
  owner: number;
  /** A block scalar (`|`, `>`) follows, deeper than this column. */
  block?: number;
  /** A quote or flow collection opened and not closed on this line. */
  open?: Open;
}

function parseLine(raw: string, start: number): Parsed {
  const entries: Entry[] = [];
  let pos = start;
  for (;;) {
    const rest = raw.slice(pos);
    if (rest.startsWith('-') && (rest.length === 1 || rest[1] === ' ' || rest[1] === '\t')) {
      const after = rest.slice(1).replace(/^[ \t]+/u, '');
      entries.push({ kind: 'seq', col: pos, label: `- ${after}`.trim() });
      pos = raw.length - after.length;
      if (after === '' || after.startsWith('#')) return { entries, opens: true, owner: pos };
      continue;
    }
    const key = QUOTED_KEY.exec(rest) ?? PLAIN_KEY.exec(rest) ?? DASH_KEY.exec(rest);
    if (key !== null && !/[ \t]#/u.test(key[0])) {
      entries.push({ kind: 'key', col: pos, label: key[0].replace(/[ \t]*:$/u, '').trim() });
      const valueStart = raw.indexOf(':', pos + key[0].length) + 1;
      const value = raw.slice(valueStart).trim();
      if (BLOCK_SCALAR.test(value)) return { entries, opens: false, owner: pos, block: pos };
      if (OPENER_REST.test(value)) return { entries, opens: true, owner: pos };
      return withOpen({ entries, opens: false, owner: pos }, tailState(raw, valueStart));
    }
    const owner = entries[entries.length - 1]?.col ?? pos;
    entries.push({ kind: 'scalar', col: pos, label: rest.trim() });
    if (BLOCK_SCALAR.test(rest.trim())) return { entries, opens: false, owner, block: owner };
    return withOpen({ entries, opens: false, owner }, tailState(raw, pos));
  }
}

function withOpen(parsed: Parsed, open: Open | undefined): Parsed {
  if (open !== undefined) parsed.open = open;
  return parsed;
}

/** Whether a value starting at `from` runs on past this line: an open quote or flow collection. */
function tailState(raw: string, from: number): Open | undefined {
  let pos = from;
  while (raw[pos] === ' ' || raw[pos] === '\t') pos++;
  const first = raw[pos];
  const opened = { at: pos, char: first ?? '' };
  if (first === '"' || first === "'") {
    return closingQuote(raw, pos + 1, first) === -1 ? { type: 'quote', quote: first, at: pos, char: first } : undefined;
  }
  if (first === '[' || first === '{') return continueFlow(raw, pos, 0, opened);
  return undefined;
}

// The rest of a line inside a quoted value: where the quote closes, what may open after it.
function afterQuote(raw: string, open: Open & { type: 'quote' }): Open | undefined {
  const end = closingQuote(raw, 0, open.quote);
  if (end === -1) return open;
  // Closed inside a flow collection over lines (a JSON file's string): the collection goes on.
  return open.depth === undefined
    ? tailState(raw, end + 1)
    : continueFlow(raw, end + 1, open.depth, { at: open.at, char: open.char });
}

/** Index of the quote that closes a scalar opened before `from`, looking up to `end`; or -1. */
export function closingQuote(raw: string, from: number, quote: '"' | "'", end = raw.length): number {
  for (let i = from; i < end; i++) {
    const ch = raw[i];
    if (quote === '"' && ch === '\\') i++;
    else if (ch === quote) {
      if (quote === "'" && raw[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * Whether a value may start at `at` of a line: only blanks before it, back to the line's start or
 * a `[`, `{`, `,` or `:`. Looked at backwards from `at`: a pattern anchored at the end of
 * `raw.slice(0, at)` read the line from its start for every quote, and a 2 MB line of JSON took
 * twenty seconds.
 */
function valueMayStart(raw: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (raw[i] === ' ' || raw[i] === '\t')) i--;
  return i < 0 || raw[i] === '[' || raw[i] === '{' || raw[i] === ',' || raw[i] === ':';
}

function continueFlow(raw: string, from: number, depth: number, opened: Opened): Open | undefined {
  let d = depth;
  // The outermost bracket still open: a new one once the first has closed (`[x] {` names the `{`).
  let open = opened;
  for (let i = from; i < raw.length; i++) {
    const ch = raw[i]!;
    // A quote opens a value only where one starts: `it's` inside a plain value is a letter.
    if ((ch === '"' || ch === "'") && valueMayStart(raw, i)) {
      const end = closingQuote(raw, i + 1, ch);
      if (end === -1) return { type: 'quote', quote: ch, depth: d, at: open.at, char: open.char };
      i = end;
    } else if (ch === '!' && raw[i + 1] === '<' && valueMayStart(raw, i)) {
      // A verbatim tag runs to a blank or `>`, brackets and all (found by a review: `{!<}>`
      // leaves the `{` open, and every line after it is an error).
      i += 2;
      while (i < raw.length && raw[i] !== '>' && !/[ \t]/u.test(raw[i]!)) i++;
    } else if (ch === '#' && (i === 0 || raw[i - 1] === ' ')) break;
    else if (ch === '[' || ch === '{') {
      if (d <= 0) open = { at: i, char: ch };
      d++;
    } else if (ch === ']' || ch === '}') d--;
  }
  return d > 0 ? { type: 'flow', depth: d, at: open.at, char: open.char } : undefined;
}
