// The fast path of the loader. The `yaml` package gives exact positions but parses about eight
// times slower than js-yaml, and `check` must get through a thousand plans in a few seconds. Most
// files are clean, and a clean file needs no position: js-yaml reads it, and only a file with a
// problem (or anything js-yaml might read differently) goes through `yaml`.
//
// The fast path may only ever say "clean" when the slow path would say the same with the same
// data: test/plan-quick-parse.test.ts checks that on the fixtures, the examples and thousands of
// mutated copies. So js-yaml gets YAML 1.2 core exactly as `yaml` resolves it, and every
// construct where the two could differ is left to `yaml`.
import jsyaml from 'js-yaml';
import { lineStartOf } from '../text/line-start.js';
import { closingQuote } from './indent-lines.js';

// The same tests, in the same order, as the `yaml` package's core schema.
const PLAIN_TYPES: ReadonlyArray<{ tag: string; test: RegExp; construct: (source: string) => unknown }> = [
  { tag: 'null', test: /^(?:~|[Nn]ull|NULL)?$/u, construct: () => null },
  { tag: 'bool', test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/u, construct: (s) => s[0] === 't' || s[0] === 'T' },
  {
    tag: 'int',
    test: /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/u,
    construct: (s) =>
      s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10),
  },
  {
    tag: 'float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/u,
    construct: (s) =>
      /nan$/iu.test(s) ? NaN : /inf$/iu.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : parseFloat(s),
  },
];

const CORE = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: PLAIN_TYPES.map(
    ({ tag, test, construct }) =>
      new jsyaml.Type(`tag:yaml.org,2002:${tag}`, {
        kind: 'scalar',
        resolve: (data: string) => test.test(data),
        construct,
      }),
  ),
});

// With local tags let through (localTag): `yaml` makes a scalar with a tag it does not know its
// text as written, a string (`!foo 1` is "1"), and a flow collection with one as it is, so
// js-yaml is given the same for any such tag.
const WITH_LOCAL_TAGS = CORE.extend({
  explicit: (['scalar', 'sequence', 'mapping'] as const).map(
    (kind) => new jsyaml.Type('!', { kind, multi: true, construct: (data: unknown) => data }),
  ),
});

// Where the tag of each node js-yaml made with a local tag starts, found by its listener: the
// first `!` from where the node opens (only blanks stand before it: TAG_LEAD). These must be the
// tags localTag found, no more and no fewer. (js-yaml makes some twice, trying a tagged scalar
// as a key first, from the tag; a plain one over lines then ends elsewhere, but starts there.)
function localTagListener(text: string, starts: Set<number>): NodeListener {
  const opened: number[] = [];
  return (event, state) => {
    // The loader's state has the node's tag, which its typings leave out.
    const { kind, tag, position } = state as unknown as { kind: string | null; tag: unknown; position: number };
    if (event === 'open') {
      opened.push(position);
      return;
    }
    const open = opened.pop() ?? 0;
    if (kind !== null && typeof tag === 'string' && tag.startsWith('!')) starts.add(text.indexOf('!', open));
  };
}

/** What a plain scalar written `source` (on one line, trimmed) is to either parser. */
export function plainScalar(source: string): unknown {
  for (const { test, construct } of PLAIN_TYPES) if (test.test(source)) return construct(source);
  return source;
}

// Left to `yaml`: aliases and tags (`*a`, `!t` where a node may start), directives, flow keys (a
// line that opens with `[` or `{`), and line breaks other than LF and CRLF, or a BOM inside the
// text. Three constructs are let through to js-yaml in the forms where it reads them as `yaml`
// does (a file with one on every line would otherwise go to `yaml` whole, at ten times the cost):
// - an anchor with a plain name, in a file that has no alias: no alias can then read it, so the
//   data is the same with it or without it;
// - the tag `!!str` before a value on its line (js-yaml drops it when the value is on the next);
// - an explicit key (`? k` on its line, `: v` on the next) whose key is a plain scalar other than
//   null, and whose value is a plain scalar on its line or a block below: a key that is a list or
//   a map is turned into text by each parser its own way, and a null key named otherwise.
// A fourth only for a caller that makes `yaml`'s warning for it (chunks.ts): a local tag before a
// scalar on its line (LOCAL_TAG).
// Where they differ even so, the construct is left to `yaml`: a property first on its line or
// after a tab (see spaceBefore), or followed on its line by a key (`a: &x b: 1`, `- &x : 1`,
// which js-yaml reads and `yaml` refuses); and QUOTED_SPANS looks past a property to its quote.
// test/plan-quick-parse.test.ts holds them to `yaml` on thousands of files with such properties
// put where a node, a key or an item may start, and such keys in place of plain ones.
// Matched at the property's first character; a bare `!` (the non-specific tag) is one too.
const PROPERTY = /(?<=^|[\s[{,:])(?:[&*][^\s,\]}]|!)/gmu;
const LET_THROUGH = /&[\p{L}\p{N}_-]+(?=[ \t]|\r?$)|!!str(?=[ \t]+(?:&[\p{L}\p{N}_-]+[ \t]+)*[^\s#&!])/muy;
const ALIAS = /(?:^|[\s[{,:])\*[^\s,\]}]/mu;
const OTHER_UNSURE = /^%|^[ \t-]*[[{]|\r(?!\n)|[\u0085\u2028\u2029\ufeff]/mu;
// A key on the rest of a line (`b: 1`, or `: 1` for an empty one).
const KEY_AFTER = /:(?:[ \t]|\r?$)/u;
// An explicit key or value, and the forms let through: a plain scalar that ends on its line, and
// for the value also nothing (a block below).
const EXPLICIT = /^[ \t-]*[?:](?=[ \t]|\r?$)/gmu;
const PLAIN_ON_LINE = /[ \t]+([^\s[\]{}&*!|>"'#?:,%@`-][^\n\r:#]*?)[ \t]*(?:[ \t]#.*)?\r?$/muy;
const EMPTY_ON_LINE = /[ \t]*(?:#.*)?\r?$/muy;
const NULL_WORD = /^(?:~|null|Null|NULL)$/u;
// Every match of an unsure construct holds one of these characters; a plain class finds them
// several times faster than the patterns, which try a branch after every space.
const MAYBE_UNSURE = /[&*!%?[{\r\u0085\u2028\u2029\ufeff]/u;

// A local tag (`!foo`) js-yaml may read, for a caller that reports `yaml`'s warning for it
// (chunks.ts): a 2 MB file with one on every line went to `yaml` whole (4.6 s). Only where `yaml`
// reads it as a node's tag and js-yaml reads it alike: after `key: ` or `- ` on its line (never
// first on it, see spaceBefore), blanks being spaces; its name in ASCII letters, digits, `_` and
// `-` (`yaml` ends a tag at the first other letter, `!lưu` is `!l`); and before a plain scalar, a
// quoted one or a flow collection, no key after it on its line. What only looks like one (inside
// a block scalar, a plain value over lines) js-yaml does not make: quickParse checks those it made.
const TAG_NAME = '![A-Za-z0-9_-]+';
const LOCAL_TAG = new RegExp(`${TAG_NAME}(?= +[^\\s#&!*\\]}|>,?:%@${'`'}-])`, 'uy');
/** Whether `tag` (as `yaml` keeps one it does not know) is of the form localTag lets through. */
export const LOCAL_TAG_NAME = new RegExp(`^${TAG_NAME}$`, 'u');
const TAG_LEAD = /^ *(?:(?:- +)+|(?:- +)*[\p{L}_][\p{L}\p{N}_-]*: +)$/u;

// Also left to `yaml`: a quoted value that goes on past its line. js-yaml reads the next line
// wherever it starts; `yaml` requires it indented past the key, and is then the one whose error the
// user must see. (Anything else, even a correctly indented continuation, simply takes the exact path.)
// After `:` no space is needed: in a flow map `{"a":"x` opens a quote too.
// Properties may stand between the indicator and the quote (`a: &x "…`).
const QUOTED_SPANS =
  /(?:^[ \t]*(?:-[ \t]+)*|:[ \t]*|[[{,][ \t]*)(?:[&!]\S*[ \t]+)*(?:"(?:[^"\\\n]|\\.)*\\?|'(?:[^'\n]|'')*)$/mu;

// What else the two parsers read differently (found by comparing them), each looked for only where
// a plain test shows it possible, since every plan is checked:
// - a key js-yaml reads as the string "null" and `yaml` as the empty string;
const NULL_KEY = /(?:~|null|Null|NULL)[ \t]*:(?=[ \t\r\n]|$)/gu;
// (an anchor before such a key is followed by a key on its line, which firstUnsure refuses);
const KEY_LEAD = /^[ \t]*(?:-[ \t]+)*$|[{,][ \t]*$/u;
// - a blank or comment line indented with a tab, a line that ends in `-` (an empty item, also
//   inside another item: `- -`), and an item holding only a comment (`- #`) whose value does not
//   follow on a deeper line;
const TAB_BLANK = /^[ \t]*\t[ \t]*(?:#.*)?\r?$/mu;
const DASH_END = /-[ \t]*\r?$/gmu;
const DASH_COMMENT = /-[ \t]+#.*$/gmu;
const DASH_LEAD = /^[ \t]*(?:-[ \t]+(?:&\S+[ \t]+)?)*$/u;
// - a comment glued to a closing quote or bracket (`"x"#c`), which js-yaml takes for a comment;
//   but for a line of plainFlow's forms, which has none (its quotes are read in turn, and a `#`
//   follows one only inside it: `k: {a: 1, b: "#"}`, a 2 MB line of which went to `yaml`: 4.8 s);
const GLUED_COMMENT = /["'\]}]#/gu;
// - a marker with something glued to it (`---#`, `...x`), or after a Tab (`\t---`), which js-yaml
//   takes for a marker and `yaml` for text or a Tab's error (found by a review);
const GLUED_MARKER = /^(?:---|\.\.\.)[^ \t\r\n]|^[ \t]*\t[ \t]*(?:---|\.\.\.)/mu;
// - a block scalar with an indentation indicator (`|2`, `>-1`), but for the one form both read
//   alike (compared on thousands of generated texts; a 2 MB file of `kN: |2` went to `yaml` whole,
//   2.1 s): after a plain key first on its line, nothing after the header (a CR neither), no line
//   of its content of blanks alone (INDICATED_HEADER, indicatorsDiffer);
const INDENT_INDICATOR = /(?:^|[ \t])[|>][-+]?[1-9]/gmu;
const INDICATED_HEADER = /^( *)[\p{L}_][\p{L}\p{N}_-]*: +[|>](?:[1-9][-+]?|[-+][1-9]) *$/u;
// - an implicit key longer than `yaml` accepts (its `:` more than 1024 characters after its start);
const LONGEST_KEY = 1024;
// Found by a third review comparing the two parsers:
// - a `\U` escape past U+10FFFF, which js-yaml turns into two surrogates and `yaml` refuses;
const BAD_U_ESCAPE = /\\U(?!00(?:0[0-9a-fA-F]|10)[0-9a-fA-F]{4})/u;
// - a block scalar whose first lines are blank and one of them holds spaces (`yaml` asks for an
//   indentation indicator when such a line is deeper than the content).
const BLANK_AFTER_BLOCK = /[|>][-+]?[ \t]*(?:[ \t]#.*)?\r?\n(?:\r?\n)*[ \t]+(?:\r?\n|$)/u;

/** Whether js-yaml might read `text` otherwise than `yaml` does. */
function readDifferently(text: string): boolean {
  return readDifferentlyOnLines(text) || unbalancedFlow(text);
}

// A blank or comment line indented with a Tab is a blank line to both between two entries, but
// `yaml` refuses it after a key with no value (TAB_AS_INDENT), in a block scalar or a plain value
// over lines (BAD_INDENT), where js-yaml reads on. So it is let through only after a key or item
// whose value, plain or quoted, is whole on its line (no comment, property or indicator), and
// before a line indented no deeper than that one, in a text with no block scalar. A 2 MB file with such a line after every entry
// went to `yaml` chunk by chunk (3.7 s). (test/plan-quick-parse.test.ts compares the two parsers
// on thousands of files with such lines put anywhere.)
const WHOLE_VALUE_LINE =
  /^( *)(?:- +)*(?:[\p{L}_][\p{L}\p{N}_ -]*: +)?(?:[^\s|>&!*[\]{}#"',?:%@`-][^\n#:]*|"[^"\\\n]*"|'[^'\n]*') *$/u;
const SKIPPED_LINE = /^[ \t]*(?:#.*)?$/u;
const BLOCK_HEADERS = /[|>][0-9+-]*[ \t]*(?:[ \t]#.*)?\r?$/mu;

/** Whether a blank or comment line indented with a Tab stands where the two parsers might differ. */
function tabBlankDiffers(text: string): boolean {
  // Content of a block scalar looks like a value whole on its line: none is let through with one.
  if ((text.includes('|') || text.includes('>')) && BLOCK_HEADERS.test(text)) return true;
  // One pass over the lines: the last line with content, and whether such a line came after it.
  let whole: RegExpExecArray | null | undefined;
  let pending = false;
  for (let start = 0; start < text.length;) {
    const end = lineEndAt(text, start);
    const line = text.slice(start, text[end - 1] === '\r' ? end - 1 : end);
    if (SKIPPED_LINE.test(line)) {
      if (line.includes('\t')) {
        if (whole === null || whole === undefined) return true;
        pending = true;
      }
    } else {
      if (pending) {
        let indent = 0;
        while (line[indent] === ' ') indent++;
        if (indent > whole![1]!.length) return true;
        pending = false;
      }
      whole = WHOLE_VALUE_LINE.exec(line);
    }
    start = end + 1;
  }
  return false;
}

/** readDifferently, but for collections that do not close on their line. */
function readDifferentlyOnLines(text: string): boolean {
  if ((text.includes('"') || text.includes("'")) && QUOTED_SPANS.test(text)) return true;
  // Each pattern starts with a literal, which the engine finds quickly; what stands before it on
  // its line is then checked by hand.
  if (matchAfter(text, NULL_KEY, (before) => KEY_LEAD.test(before))) return true;
  if (text.includes('\t') && TAB_BLANK.test(text) && tabBlankDiffers(text)) return true;
  if (text.includes('\\U') && BAD_U_ESCAPE.test(text)) return true;
  if ((text.includes('---') || text.includes('...')) && GLUED_MARKER.test(text)) return true;
  if ((text.includes('|') || text.includes('>')) && BLANK_AFTER_BLOCK.test(text)) return true;
  if (emptyItemsDiffer(text)) return true;
  if (text.includes('#') && emptyCommentedItem(text)) return true;
  if (text.includes('#') && gluedComment(text)) return true;
  if ((text.includes('|') || text.includes('>')) && indicatorsDiffer(text)) return true;
  let from = 0;
  while (from < text.length) {
    const end = text.indexOf('\n', from);
    const stop = end === -1 ? text.length : end;
    // A key starts on its line (js-yaml's text has no flow with `:` in it, see unbalancedFlow), so
    // only a `:` that far along the line can end one that long: a 2 MB line `big: [1, 1, …]` is no such key.
    // Nor is a key of a flow map on a line of plainFlow's forms (`yaml` limits the keys of block
    // maps and of pairs in flow lists, which plainFlow has none of): a 2 MB line `k: {a: 1, …}`.
    if (stop - from > LONGEST_KEY) {
      const colon = text.indexOf(':', from + LONGEST_KEY);
      if (colon !== -1 && colon < stop && !longFlowLine(text.slice(from, stop))) return true;
    }
    from = stop + 1;
  }
  return false;
}

/** Whether a block scalar with an indentation indicator is not of the form both read alike (above). */
function indicatorsDiffer(text: string): boolean {
  INDENT_INDICATOR.lastIndex = 0;
  for (let match = INDENT_INDICATOR.exec(text); match !== null; match = INDENT_INDICATOR.exec(text)) {
    const end = lineEndAt(text, match.index);
    const header = INDICATED_HEADER.exec(text.slice(lineStartOf(text, match.index), end));
    if (header === null) return true;
    const column = header[1]!.length;
    let line = end + 1;
    for (; line < text.length;) {
      const lineEnd = lineEndAt(text, line);
      let first = line;
      while (text[first] === ' ') first++;
      if (lineEnd > line) {
        // Blanks alone, wherever they stand before the scalar ends (found by a review: a line of
        // them no deeper than the key was taken for its end).
        if (first === lineEnd) return true;
        // A line as far in as the key ends the scalar. (One further in, but less than the
        // indicator says, js-yaml refuses as `yaml` does.)
        if (first - line <= column) break;
      }
      line = lineEnd + 1;
    }
    INDENT_INDICATOR.lastIndex = line;
  }
  return false;
}

// An empty item read alike by both: a lone `-` indented by spaces, whose next line with content is
// an item beside it (`-` at its column) or is further left and no item (a key of an outer map), or
// none. A 2 MB list of empty items went to `yaml` whole (three seconds). Any other empty item,
// nested (`- -`), with a property, or followed by an item elsewhere, is left to `yaml`: js-yaml
// takes items at other columns into the list where `yaml` refuses them.
function emptyItemsDiffer(text: string): boolean {
  DASH_END.lastIndex = 0;
  for (let match = DASH_END.exec(text); match !== null; match = DASH_END.exec(text)) {
    const lead = text.slice(lineStartOf(text, match.index), match.index);
    if (!DASH_LEAD.test(lead)) continue;
    if (!/^ *$/u.test(lead)) return true;
    const next = nextContentLine(text, match.index + match[0].length);
    if (next === undefined) continue;
    const space = /^[ \t]*/u.exec(next)![0];
    if (space.includes('\t')) return true;
    const item = /^-(?:[ \t]|$)/u.test(next.slice(space.length));
    if (item ? space.length !== lead.length : space.length >= lead.length) return true;
  }
  return false;
}

/** The first line after `from` that is not blank or only a comment, without its CR; undefined at the end. */
function nextContentLine(text: string, from: number): string | undefined {
  for (let start = text.indexOf('\n', from) + 1; start > 0; start = text.indexOf('\n', start) + 1) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/u, '');
    const content = line.trim();
    if (content !== '' && !content.startsWith('#')) return line;
    if (end === -1) break;
  }
  return undefined;
}

function emptyCommentedItem(text: string): boolean {
  DASH_COMMENT.lastIndex = 0;
  for (let match = DASH_COMMENT.exec(text); match !== null; match = DASH_COMMENT.exec(text)) {
    const lineStart = lineStartOf(text, match.index);
    if (!DASH_LEAD.test(text.slice(lineStart, match.index))) continue;
    if (nextContentIndent(text, match.index + match[0].length) <= match.index - lineStart) return true;
  }
  return false;
}

/** The indentation of the first line after `from` that is not blank or only a comment; -1 at the end. */
function nextContentIndent(text: string, from: number): number {
  const line = nextContentLine(text, from);
  return line === undefined ? -1 : line.length - line.trimStart().length;
}

function matchAfter(text: string, pattern: RegExp, lead: (before: string) => boolean): boolean {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (lead(text.slice(lineStartOf(text, match.index), match.index))) return true;
  }
  return false;
}

// - a flow collection that does not close on its line, or holds a comment, a `:` (`[: ]`) or a
//   `?` (`[? ~]`), or a flow map other than `{}` and plainFlow's forms.
//   Quotes are skipped, so that `["]"` is seen open; a quote that does not close on its line (an
//   apostrophe in a plain value, say) sends the file the exact way.
function unbalancedFlow(text: string): boolean {
  const checked = new Set<number>();
  for (const open of ['[', '{']) {
    // The end of the line last looked at: each line is found once, not once per bracket (a 2 MB
    // line of brackets looked back to its start from each, found by a review: two minutes).
    let lineEnd = -1;
    for (let at = text.indexOf(open); at !== -1; at = text.indexOf(open, at + 1)) {
      if (at < lineEnd) continue;
      const start = text.lastIndexOf('\n', at) + 1;
      const end = text.indexOf('\n', at);
      lineEnd = end === -1 ? text.length : end;
      if (checked.has(start)) continue;
      checked.add(start);
      const line = text.slice(start, lineEnd);
      if (line.trimStart().startsWith('#')) continue;
      if (!flowClosesOnLine(line)) return true;
    }
  }
  return false;
}

// `{}`, looked for where a `{` stands (not in a copy of the rest of the line: a long line of them).
const EMPTY_MAP = /\{[ \t]*\}/uy;

function flowClosesOnLine(line: string): boolean {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"' || char === "'") {
      const close = closingQuote(line, i + 1, char);
      if (close === -1) return false;
      i = close;
    } else if (char === '{') {
      // `{}`, or a value of plain keys and values (plainFlow). Another flow map may have an entry
      // with no `:`, a key, which js-yaml names otherwise than `yaml` when it is null (`{~}`) or a
      // list or map (`{[1]}`).
      EMPTY_MAP.lastIndex = i;
      if (!EMPTY_MAP.test(line)) return plainFlow(line);
      depth++;
    } else if (char === '[') depth++;
    else if (char === ']' || char === '}') {
      // A closer with nothing open (`x}: [` then `1]` below) would hide the bracket left open.
      if (depth === 0) return false;
      depth--;
    } else if ((char === '#' || char === ':' || char === '?') && depth > 0) return false;
  }
  return depth === 0;
}

// A block key whose whole value is one flow collection (`k: {a: 1, b: [2, {c: x}]}`), with a
// comment or nothing after it: each map entry a plain key (a letter or `_` first, never null),
// `: ` and a value; each value a plain scalar of letters, digits and `_ .+-`, a quoted one, or a
// collection of the same. A null key (`{null: 1}`) is left to `yaml` by NULL_KEY. Both parsers read
// such lines alike (a test compares them on thousands of generated ones); a 2 MB file of them went
// to `yaml` whole, six seconds.
// (A local tag may stand before it, for a caller that takes them: localTag.)
// (Or an item's: `- {a: 1}`, `- k: {a: 1}`.)
const FLOW_HEAD = new RegExp(
  String.raw`^[ \t]*(?:(?:- +)+(?:[\p{L}_][\p{L}\p{N}_-]*:[ \t]+)?|[\p{L}_][\p{L}\p{N}_-]*:[ \t]+)(?:${TAG_NAME} +)?`,
  'u',
);
const FLOW_KEY = /[\p{L}_][\p{L}\p{N}_-]*/uy;
const FLOW_PLAIN = /[\p{L}\p{N}_.+][\p{L}\p{N}_ .+-]*/uy;

/** Whether a line of `text` has a GLUED_COMMENT and is not of plainFlow's forms (each line looked at once). */
function gluedComment(text: string): boolean {
  GLUED_COMMENT.lastIndex = 0;
  for (let match = GLUED_COMMENT.exec(text); match !== null; match = GLUED_COMMENT.exec(text)) {
    const start = text.lastIndexOf('\n', match.index) + 1;
    const newline = text.indexOf('\n', match.index);
    const end = newline === -1 ? text.length : newline;
    if (!plainFlow(text.slice(start, end))) return true;
    GLUED_COMMENT.lastIndex = end;
  }
  return false;
}

/** Whether `line` is of plainFlow's forms, its block key's `:` within LONGEST_KEY of the line's start. */
function longFlowLine(line: string): boolean {
  const head = FLOW_HEAD.exec(line);
  return head !== null && head[0].length <= LONGEST_KEY && plainFlow(line);
}

// The last line plainFlow was asked of, and its answer: three checks ask of a long line in turn
// (unbalancedFlow, the long-line rule, gluedComment), and a 2 MB one took 0.1 s each time.
let lastFlowLine: { line: string; plain: boolean } | undefined;

function plainFlow(line: string): boolean {
  if (lastFlowLine?.line === line) return lastFlowLine.plain;
  const head = FLOW_HEAD.exec(line);
  const end = head === null ? -1 : flowEnd(line, head[0].length, 0);
  const plain = end !== -1 && /^[ \t]*(?:[ \t]#.*)?$/u.test(line.slice(end));
  if (line.length > LONGEST_KEY) lastFlowLine = { line, plain };
  return plain;
}

/**
 * The index after the collection that opens at `at`, or -1 when it is not of plainFlow's forms.
 * `tags`: where a caller takes them, a local tag may stand before a value (LOCAL_TAG); where each
 * one starts and ends is added to it.
 */
function flowEnd(line: string, at: number, depth: number, tags?: Array<[number, number]>): number {
  const open = line[at];
  if ((open !== '[' && open !== '{') || depth > 20) return -1;
  const close = open === '[' ? ']' : '}';
  let i = skipBlanks(line, at + 1);
  if (line[i] === close) return i + 1;
  for (;;) {
    if (open === '{') {
      const quote = line[i];
      if (quote === '"' || quote === "'") {
        // A quoted key (`{"a": 1}`, as JSON writes one), on its line.
        const close = closingQuote(line, i + 1, quote);
        if (close === -1) return -1;
        i = close + 1;
      } else {
        FLOW_KEY.lastIndex = i;
        const key = FLOW_KEY.exec(line);
        if (key === null) return -1;
        i += key[0].length;
      }
      if (line[i] !== ':' || line[i + 1] !== ' ') return -1;
      i = skipBlanks(line, i + 1);
    }
    i = flowValue(line, i, depth, tags);
    if (i === -1) return -1;
    i = skipBlanks(line, i);
    if (line[i] === close) return i + 1;
    if (line[i] !== ',') return -1;
    i = skipBlanks(line, i + 1);
    if (line[i] === close) return -1;
  }
}

function flowValue(line: string, at: number, depth: number, tags?: Array<[number, number]>): number {
  let start = at;
  if (tags !== undefined && line[at] === '!') {
    LOCAL_TAG.lastIndex = at;
    const tag = LOCAL_TAG.exec(line);
    if (tag === null) return -1;
    tags.push([at, at + tag[0].length]);
    start = skipBlanks(line, at + tag[0].length);
  }
  const char = line[start];
  if (char === '[' || char === '{') return flowEnd(line, start, depth + 1, tags);
  if (char === '"' || char === "'") {
    const close = closingQuote(line, start + 1, char);
    return close === -1 ? -1 : close + 1;
  }
  FLOW_PLAIN.lastIndex = start;
  const plain = FLOW_PLAIN.exec(line);
  return plain === null ? -1 : start + plain[0].length;
}

function skipBlanks(line: string, from: number): number {
  let i = from;
  while (line[i] === ' ') i++;
  return i;
}

/** How many properties (`&a`, `*a`, `!t` where a node may start) `text` holds, counting to `most + 1` at most. */
export function propertyCount(text: string, most: number): number {
  let count = 0;
  PROPERTY.lastIndex = 0;
  while (count <= most && PROPERTY.exec(text) !== null) count++;
  return count;
}

/** Whether `text` has an alias (`*a` where a node may start): then no anchor is let through. */
export function hasAlias(text: string): boolean {
  return text.includes('*') && ALIAS.test(text);
}

/**
 * Where the first construct left to `yaml` (an alias, a tag, a directive…) is in `text`; -1 if
 * none. `anchors`: whether anchors may be let through, which only the whole file can tell
 * (hasAlias of the file).
 */
export function firstUnsure(text: string, anchors: boolean, tags?: Array<[number, number]>): number {
  if (!MAYBE_UNSURE.test(text)) return -1;
  const end = Math.min(OTHER_UNSURE.exec(text)?.index ?? text.length, firstUnsureExplicit(text));
  const keyAfter = keysAfter(text);
  PROPERTY.lastIndex = 0;
  for (let match = PROPERTY.exec(text); match !== null && match.index < end; match = PROPERTY.exec(text)) {
    const at = match.index;
    LET_THROUGH.lastIndex = at;
    const through = LET_THROUGH.exec(text);
    if (through === null || (!anchors && text[at] === '&')) {
      const tagEnd = tags === undefined ? -1 : localTag(text, at);
      if (tagEnd === -1) return at;
      tags!.push([at, tagEnd]);
      PROPERTY.lastIndex = tagEnd;
      continue;
    }
    const after = at + through[0].length;
    if (!spaceBefore(text, at) || keyAfter(after)) return at;
    PROPERTY.lastIndex = after;
  }
  return end === text.length ? -1 : end;
}

// Where a key may end (`:` then a blank or the line's end), for places asked in order.
const KEY_COLONS = /:(?=[ \t]|\r?(?:\n|$))/gu;

/**
 * Whether a key ends on the line of `from`, at or after it (KEY_AFTER on the rest of the line),
 * for `from` asked in increasing order: each line is looked at once. Asked of the rest of the
 * line each time, a 2 MB line of `!!str` values took a copy of it for each (found by a review).
 */
function keysAfter(text: string): (from: number) => boolean {
  let lineEnd = -1;
  let lastColon = -1;
  return (from) => {
    if (from > lineEnd) {
      lineEnd = lineEndAt(text, from);
      lastColon = -1;
      KEY_COLONS.lastIndex = from;
      for (let match = KEY_COLONS.exec(text); match !== null && match.index < lineEnd; match = KEY_COLONS.exec(text))
        lastColon = match.index;
    }
    return lastColon >= from;
  };
}

/** Where the local tag at `at` ends, when it is one js-yaml may read (LOCAL_TAG); else -1. */
function localTag(text: string, at: number): number {
  LOCAL_TAG.lastIndex = at;
  const tag = LOCAL_TAG.exec(text);
  if (tag === null || !TAG_LEAD.test(text.slice(lineStartOf(text, at), at))) return -1;
  const end = at + tag[0].length;
  // A flow collection's own entries have keys: what follows its last closer on the line must not.
  const rest = restOfLine(text, end);
  const after = /^ *[[{]/u.test(rest) ? rest.slice(Math.max(rest.lastIndexOf(']'), rest.lastIndexOf('}')) + 1) : rest;
  return KEY_AFTER.test(after) ? -1 : end;
}

// Whether only spaces stand between the property and something before it on its line. A
// property first on its line is left to `yaml`: js-yaml gives it to the node of the line before
// when that line ends in a property of the other kind (`p: &x` then `!!str q: 2` makes `p` an
// empty text and `q` untagged), where `yaml` tags the key `q`. After a tab, `yaml` may see
// indentation (`-\t&x b` is an error to it).
function spaceBefore(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text[i] === ' ') i--;
  return i >= 0 && text[i] !== '\n' && text[i] !== '\t';
}

function restOfLine(text: string, from: number): string {
  const end = text.indexOf('\n', from);
  return text.slice(from, end === -1 ? text.length : end);
}

/** Where the first explicit key or value not let through starts; the text's length if none. */
function firstUnsureExplicit(text: string): number {
  if (!text.includes('?')) return text.length;
  EXPLICIT.lastIndex = 0;
  for (let match = EXPLICIT.exec(text); match !== null; match = EXPLICIT.exec(text)) {
    const mark = match.index + match[0].length - 1;
    const lineStart = text.lastIndexOf('\n', mark) + 1;
    if (text[mark] === ':') {
      // A value: not in a list item (`- : 1` is an empty key), and plain or a block below.
      if (text.slice(lineStart, mark).includes('-')) return match.index;
      EMPTY_ON_LINE.lastIndex = mark + 1;
      if (EMPTY_ON_LINE.test(text)) continue;
      PLAIN_ON_LINE.lastIndex = mark + 1;
      if (!PLAIN_ON_LINE.test(text)) return match.index;
      continue;
    }
    PLAIN_ON_LINE.lastIndex = mark + 1;
    const key = PLAIN_ON_LINE.exec(text);
    if (key === null || NULL_WORD.test(key[1]!)) return match.index;
    // A deeper line after it would go on with the key (`? a` then `  b` is the key "a b").
    if (nextContentIndent(text, mark) > mark - lineStart) return match.index;
  }
  return text.length;
}

// A key at the margin that is a flow collection on its line (`[a, b]: 1`, `{a: 1}: x`): `yaml`
// names it by writing the collection out (`[ a, b ]`), js-yaml by joining its items (`a,b`). A
// 2 MB file of such keys went to `yaml` chunk by chunk, six seconds. So where the collection
// holds only words (a letter or `_` first; `null` and `true` too, which `yaml` writes as they
// were written), whole numbers written plainly and such collections, where `:` follows it, and
// where its name is short enough that `yaml` writes it on one line (60 characters, under the 80
// it folds at), js-yaml is given the name quoted in its place
// (test/plan-quick-parse.test.ts compares the two on thousands of generated keys and places).
// At the margin the line can only be a root key (a block scalar's or a quoted value's lines of
// a root key are indented; a top-level scalar is refused as no map); other places are left to
// `yaml`. A key repeated inside the collection is an error to `yaml`, and is left to it; two
// keys of the same name are an error to js-yaml, which leaves the file to `yaml` too.
// A plain key as plainFlow takes one, or a whole number written plainly.
const FLOW_WORD = new RegExp(
  String.raw`${FLOW_KEY.source}|0(?![\p{L}\p{N}_.-])|[1-9][0-9]{0,9}(?![\p{L}\p{N}_.-])`,
  'uy',
);
export const LONGEST_FLOW_NAME = 60;
// What must follow the key: blanks, `:`, then a blank or the line's end.
export const KEY_COLON = /[ ]*:(?:[ \t]|\r?\n|$)/uy;

/** `text` with each root key that is a flow collection of flowKeyName's forms written as `yaml` names it, quoted. */
function nameFlowKeys(text: string): string {
  const parts: string[] = [];
  let done = 0;
  // The next line opening with each bracket, each looked for again only once passed (looking
  // from every line for a bracket the text lacks was quadratic).
  let list = text[0] === '[' ? 0 : lineOpening(text, '[', 0);
  let map = text[0] === '{' ? 0 : lineOpening(text, '{', 0);
  while (list !== -1 || map !== -1) {
    const at = list === -1 ? map : map === -1 ? list : Math.min(list, map);
    if (at === list) list = lineOpening(text, '[', at);
    else map = lineOpening(text, '{', at);
    // After a blank or comment line, `yaml` refuses a flow key that is not the map's first
    // (found by a review: "Map comment with trailing content"): left to it.
    if (at > 0 && /^[ \t]*(?:#.*)?\r?$/u.test(text.slice(lineStartOf(text, at - 1), at - 1))) continue;
    const key = flowKeyName(text, at, 0);
    if (key === undefined || key.name.length > LONGEST_FLOW_NAME) continue;
    KEY_COLON.lastIndex = key.end;
    if (!KEY_COLON.test(text)) continue;
    parts.push(text.slice(done, at), JSON.stringify(key.name));
    done = key.end;
  }
  if (done === 0) return text;
  parts.push(text.slice(done));
  return parts.join('');
}

/** Where the next line after `from` that opens with `bracket` starts; -1 if none. */
function lineOpening(text: string, bracket: string, from: number): number {
  const at = text.indexOf(`\n${bracket}`, from);
  return at === -1 ? -1 : at + 1;
}

/** The name `yaml` gives the collection that opens at `at`, and the index after it; undefined when not of the forms above. */
export function flowKeyName(text: string, at: number, depth: number): { name: string; end: number } | undefined {
  const open = text[at];
  if (depth > 3 || (open !== '[' && open !== '{')) return undefined;
  const close = open === '[' ? ']' : '}';
  const entries: string[] = [];
  const keys = new Set<string>();
  let i = skipBlanks(text, at + 1);
  if (text[i] !== close) {
    for (;;) {
      let key = '';
      if (open === '{') {
        const word = flowWord(text, i);
        // `null` and `Null` are one key to `yaml`, as `true` and `True` are: a repeat.
        const same = word === undefined ? undefined : String(plainScalar(word));
        if (word === undefined || keys.has(same!)) return undefined;
        keys.add(same!);
        i += word.length;
        if (text[i] !== ':' || text[i + 1] !== ' ') return undefined;
        i = skipBlanks(text, i + 1);
        key = `${word}: `;
      }
      let value: string;
      if (text[i] === '[' || text[i] === '{') {
        const inner = flowKeyName(text, i, depth + 1);
        if (inner === undefined) return undefined;
        value = inner.name;
        i = inner.end;
      } else {
        const word = flowWord(text, i);
        if (word === undefined) return undefined;
        value = word;
        i += word.length;
      }
      entries.push(key + value);
      i = skipBlanks(text, i);
      if (text[i] === close) break;
      if (text[i] !== ',') return undefined;
      i = skipBlanks(text, i + 1);
    }
  }
  const name = entries.length === 0 ? `${open}${close}` : `${open} ${entries.join(', ')} ${close}`;
  return { name, end: i + 1 };
}

function flowWord(text: string, at: number): string | undefined {
  FLOW_WORD.lastIndex = at;
  return FLOW_WORD.exec(text)?.[0];
}

// A file written as JSON, a map: JSON is YAML, and JSON.parse reads 2 MB in a few hundredths of
// a second, where js-yaml refuses a flow collection over lines (unbalancedFlow) and `yaml` took
// two seconds. The two read a JSON text alike (a test compares them on thousands of generated
// ones) but for a key repeated, which JSON.parse keeps the last of and `yaml` refuses: each key
// written in the text is counted, and the data must hold as many; and a lone CR, a line break to
// `yaml` but a blank to JSON. Depth is bounded before (depth.ts).
const JSON_START = /^[ \t\r\n]*\{/u;
const LONE_CR = /\r(?!\n)/u;

/** The data of `text` when it is a JSON map both parsers read alike; else undefined. */
export function jsonData(text: string): Record<string, unknown> | undefined {
  if (!JSON_START.test(text) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  return writtenKeys(text) === heldKeys(data) ? (data as Record<string, unknown>) : undefined;
}

/** How many keys a JSON text writes: strings followed by `:` (the text is known to be JSON). */
function writtenKeys(text: string): number {
  let count = 0;
  for (let open = text.indexOf('"'); open !== -1;) {
    const close = stringEnd(text, open);
    if (close === -1) break;
    let after = close + 1;
    while (text[after] === ' ' || text[after] === '\n' || text[after] === '\r' || text[after] === '\t') after++;
    if (text[after] === ':') count++;
    open = text.indexOf('"', close + 1);
  }
  return count;
}

/** Where the JSON string opened by the quote at `open` closes; -1 if nowhere. */
function stringEnd(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  while (escaped(text, close)) close = text.indexOf('"', close + 1);
  return close;
}

/** Whether the character at `at` follows an odd run of backslashes. */
function escaped(text: string, at: number): boolean {
  let slashes = 0;
  while (text[at - 1 - slashes] === '\\') slashes++;
  return slashes % 2 === 1;
}

// A block key whose value is a flow collection over several lines, as a program writes JSON
// (`k: {`, then `  "a": 1,` … `}`) or a person a list (`k: [`, then `  Sở Tài chính,` … `]`). Both
// parsers read it alike where `yaml` takes its lines, which its lexer does when each is indented
// past the key, or, for the outermost closing bracket alone, at the key's own column; and where,
// once comments at the ends of its lines are taken out, it is JSON, or of plainFlow's forms with
// its line breaks read as blanks (a plain scalar over lines, which both fold alike, included; a
// quoted one is left to `yaml`). Such a value is hidden from the checks (a bracket left open on
// its line sends a text to `yaml`), and js-yaml reads it. The key is a plain word at the start of
// its line (no `- `); a CR inside is left to `yaml` (a lone one breaks a line to it, not to
// js-yaml). A 2 MB file of them went to `yaml` whole (4.4 s).
// (test/plan-quick-parse.test.ts compares the two parsers on thousands of generated values.)
// (A local tag may stand before it, for a caller that takes them: localTag.)
// An item's collection (`- [!foo a, b]`, after `- ` and a key or not) is taken only when it
// closes on its line, for the local tags it holds: a list of them went to `yaml` whole (3 s).
const OVER_LINES_HEAD = new RegExp(
  String.raw`^( *)(?:(- +(?:- +)*)(?:[\p{L}_][\p{L}\p{N}_-]*: +)?|[\p{L}_][\p{L}\p{N}_-]*: +)(?:${TAG_NAME} +)?(?=[[{])`,
  'gmu',
);
const AFTER_COLLECTION = /(?: +#[^\n]*)? *(?:\n|$)/uy;
// The root itself a collection over lines, as a JSON file with comments (2 MB of which went to
// `yaml` whole: 2.3 s): its lines may start at any column, but for a document marker or a
// directive at the first (ROOT_MARK), which end the document to `yaml`.
const ROOT_OPEN = /(?:[ \t]*(?:#[^\n]*)?\n)* *(?=[[{])/uy;
const ROOT_MARK = /(?:---|\.\.\.)(?=[ \t\r\n]|$)|%/uy;
// A line break and the blank lines and indentation after it. (Blanks before it stay: matched
// from every blank of a long run, they made the search quadratic, found by a review.)
const LINE_BREAK = /\n[ \n]*/gu;

/** `text` with each of `values` written as `x` and blanks, line breaks kept; `text` itself if none. */
function hideCollectionsOverLines(text: string, values: ReadonlyArray<[number, number]> | undefined): string {
  if (values === undefined || values.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const [open, end] of values) {
    parts.push(text.slice(from, open), 'x');
    // Blanks for the rest, line by line (a pattern that replaced each character took as long as
    // the rest of the hiding together).
    for (let line = open + 1; line < end;) {
      const lineEnd = text.indexOf('\n', line);
      const stop = lineEnd === -1 || lineEnd >= end ? end : lineEnd;
      parts.push(' '.repeat(stop - line));
      if (stop < end) parts.push('\n');
      line = stop + 1;
    }
    from = end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * Where each such value of `text` starts and ends, in order; undefined when a collection runs
 * over lines otherwise (the text then goes to `yaml`: unbalancedFlow). `tags`: given by a caller
 * that takes local tags (quickParse), which may then stand before a value inside (plainFlow's
 * forms only); where each one starts and ends is added to it.
 */
export function collectionsOverLines(
  text: string,
  tags?: Array<[number, number]>,
): Array<[number, number]> | undefined {
  const values: Array<[number, number]> = [];
  const inside: Array<[number, number]> | undefined = tags === undefined ? undefined : [];
  ROOT_OPEN.lastIndex = 0;
  if (ROOT_OPEN.test(text)) {
    const end = collectionEnd(text, ROOT_OPEN.lastIndex, -1, inside);
    if (end === -1) return undefined;
    if (end > 0) {
      if (inside !== undefined) for (const tag of inside) tags!.push(tag);
      return [[ROOT_OPEN.lastIndex, end]];
    }
  }
  const lookedFor = text.includes('\n ') || (tags !== undefined && text.includes('!'));
  if (!lookedFor || (!text.includes('[') && !text.includes('{'))) return values;
  OVER_LINES_HEAD.lastIndex = 0;
  for (let head = OVER_LINES_HEAD.exec(text); head !== null; head = OVER_LINES_HEAD.exec(text)) {
    const open = head.index + head[0].length;
    const end = collectionEnd(text, open, head[1]!.length, inside, head[2] !== undefined);
    if (end === 0) continue;
    // Looking further, from each key inside a collection this scan cannot take to its end, could
    // cost time quadratic in the text.
    if (end === -1) return undefined;
    values.push([open, end]);
    OVER_LINES_HEAD.lastIndex = end;
  }
  if (inside !== undefined) for (const tag of inside) tags!.push(tag);
  return values;
}

/**
 * Where the collection opening at `open`, the value of a key `column` spaces in (-1: the root),
 * ends (after its closing bracket), when it runs over lines as hideCollectionsOverLines takes them; 0 when it closes on its
 * line; else -1. An `item`'s (`- [`) is taken only on its line.
 */
function collectionEnd(
  text: string,
  open: number,
  column: number,
  tags?: Array<[number, number]>,
  item = false,
): number {
  let depth = 0;
  let lines = 0;
  let lineEnd = lineEndAt(text, open);
  // Comments to the ends of lines, each where it starts.
  const comments: number[] = [];
  let i = open;
  for (; i < text.length; i++) {
    const char = text[i];
    if (char === '#') {
      // After a blank, a comment to the line's end, which both parsers skip; glued to what is
      // before it, text to `yaml` (`1#`), left to it.
      if (text[i - 1] !== ' ' && text[i - 1] !== '\t') return -1;
      // A CR inside it breaks the line to js-yaml, not to `yaml` (found by a review: `# \r, "c": 2`).
      // Looked for within the comment only: a search to the text's end for each comment of a
      // 2 MB JSON file with one on every line took 1.7 s.
      for (let at = i; at < lineEnd; at++) if (text.charCodeAt(at) === 13) return -1;
      comments.push(i);
      i = lineEnd - 1;
    } else if (char === '"' || char === "'") {
      // On its line: a quoted scalar over lines is left to `yaml`.
      i = closingQuote(text, i + 1, char, lineEnd);
      if (i === -1) return -1;
    } else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') {
      depth--;
      if (depth === 0) break;
    } else if (char === '\n') {
      lines++;
      let first = i + 1;
      while (text[first] === ' ') first++;
      const lead = text[first];
      lineEnd = lineEndAt(text, first);
      if (lead === '\n') continue;
      const indent = first - i - 1;
      const closes = indent === column && depth === 1 && (lead === ']' || lead === '}');
      if (lead === undefined || (indent <= column && !closes)) return -1;
      if (column === -1 && indent === 0) {
        ROOT_MARK.lastIndex = first;
        if (ROOT_MARK.test(text)) return -1;
      }
      i = first - 1;
    } else if (char === '\r') return -1;
  }
  if (i >= text.length || (item && lines > 0)) return -1;
  const end = i + 1;
  // One that closes on its line is taken only for the local tags it holds (the checks would
  // leave them to `yaml`), when it is of plainFlow's forms; else it is left to the checks.
  const oneLine = lines === 0;
  if (oneLine && (tags === undefined || !text.slice(open, end).includes('!'))) return 0;
  AFTER_COLLECTION.lastIndex = end;
  if (!AFTER_COLLECTION.test(text)) return oneLine ? 0 : -1;
  const value = comments.length === 0 ? text.slice(open, end) : withoutComments(text, open, end, comments);
  const found: Array<[number, number]> | undefined = tags === undefined || !value.includes('!') ? undefined : [];
  if (plainOverLines(value, found)) {
    if (found !== undefined) for (const [start, stop] of found) tags!.push([open + start, open + stop]);
    return end;
  }
  if (oneLine) return 0;
  return isJson(value.replace(LAST_COMMAS, '')) ? end : -1;
}

// A quoted value that runs over lines (`mo_ta: "Triển khai …` then `  … năm 2030."`), as a long
// text in a plan often is. Both parsers fold its lines alike where `yaml` takes them: each line
// after the first indented past the key (or, for an item, to the quote's column) with spaces,
// blank lines aside, no line break escaped; the value opens after `key: ` or `- ` on its line
// and nothing but a comment follows it. A text with one went to `yaml` whole, chunk by chunk (2.8 s for 2 MB of them). Such
// a value is hidden from the checks, as a collection over lines is, but for what they look for
// inside quotes (a `\U` escape past U+10FFFF). Else the text goes to `yaml` (QUOTED_SPANS).
// (test/plan-quick-parse.test.ts compares the two parsers on thousands of generated values.)
const QUOTED_HEAD = /^( *)((?:- +)*)([\p{L}_][\p{L}\p{N}_-]*: +)?(["'])/gmu;
const AFTER_QUOTE = /(?: +#[^\n]*)? *(?:\n|$)/uy;
// A line break escaped by a backslash (an odd run of them): before a blank line the two fold
// it otherwise (found by the comparison).
const ESCAPED_BREAK = /(?<!\\)(?:\\\\)*\\\n/u;

/** `text` with each quoted value over lines written as `x` and blanks, line breaks kept; undefined if one is not of the form above. */
function hideQuotedOverLines(text: string): string | undefined {
  if (!QUOTED_SPANS.test(text)) return text;
  const spans: Array<[number, number]> = [];
  QUOTED_HEAD.lastIndex = 0;
  for (let head = QUOTED_HEAD.exec(text); head !== null; head = QUOTED_HEAD.exec(text)) {
    const open = head.index + head[0].length - 1;
    const quote = head[4] as '"' | "'";
    const close = closingQuote(text, open + 1, quote);
    if (close === -1) return undefined;
    const lineEnd = lineEndAt(text, open);
    QUOTED_HEAD.lastIndex = close + 1;
    if (close < lineEnd) continue;
    // Past the key, or for an item at the quote's column.
    const least = head[3] === undefined ? open - head.index : head[1]!.length + head[2]!.length + 1;
    const value = text.slice(open, close + 1);
    AFTER_QUOTE.lastIndex = close + 1;
    if (!AFTER_QUOTE.test(text) || value.includes('\r')) return undefined;
    if (quote === '"' && (BAD_U_ESCAPE.test(value) || ESCAPED_BREAK.test(value))) return undefined;
    for (let line = lineEnd + 1; line <= close; line = lineEndAt(text, line) + 1) {
      let first = line;
      while (text[first] === ' ') first++;
      if (text[first] === '\n') continue;
      if (first - line < least) return undefined;
    }
    spans.push([open, close + 1]);
  }
  return spans.length === 0 ? undefined : hideCollectionsOverLines(text, spans);
}

// A comma before a closing bracket, which a hand or a program often leaves after the last entry
// (`k: {` … `  "b": 2,` then `}`): both parsers read the collection as without it, and JSON.parse
// refuses it. A 2 MB file of such values went to `yaml` whole (4.7 s). (After an opener or another
// comma, `[,]`, it is a mistake to `yaml`, and js-yaml refuses it too.) Taken out for the test of
// form only, also from a string, which stays one.
const LAST_COMMAS = /,(?=[ \t\n]*[\]}])/gu;

/** text[open, end) with the comments that start at `comments`, each to its line's end, blanked (places kept). */
function withoutComments(text: string, open: number, end: number, comments: readonly number[]): string {
  const parts: string[] = [];
  let from = open;
  for (const at of comments) {
    parts.push(text.slice(from, at));
    from = lineEndAt(text, at);
    parts.push(' '.repeat(from - at));
  }
  parts.push(text.slice(from, end));
  return parts.join('');
}

function lineEndAt(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a collection over lines is of plainFlow's forms, its line breaks and indentation read as
 * blanks. `tags` as for flowEnd, each place that of the value.
 */
function plainOverLines(value: string, tags?: Array<[number, number]>): boolean {
  // As many blanks as it had characters: the places of tags are kept.
  const read = value.replace(LINE_BREAK, (lineBreak) => ' '.repeat(lineBreak.length));
  const found: Array<[number, number]> | undefined = tags === undefined ? undefined : [];
  if (flowEnd(read, 0, 0, found) !== read.length) return false;
  // Tags are blanked: the checks below leave any to `yaml`.
  const line = found === undefined || found.length === 0 ? read : blanked(read, found);
  // What the checks look for on one line (a null key, a `\U` escape past U+10FFFF…), looked for
  // on the value written on one line: the value is hidden from them (found by a review).
  // (Not whether it closes on its line, or is of plainFlow's forms: flowEnd told.)
  const alone = `k: ${line}\n`;
  if (firstUnsure(alone, true) !== -1 || readDifferentlyOnLines(alone)) return false;
  for (const tag of found ?? []) tags!.push(tag);
  return true;
}

/** `text` with each of `spans` (in order) written as blanks. */
function blanked(text: string, spans: ReadonlyArray<[number, number]>): string {
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of spans) {
    parts.push(text.slice(from, start), ' '.repeat(end - start));
    from = end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * A prefix of a text whose root is a flow map (JSON, or YAML's flow forms: plain and single-quoted
 * scalars, comments) that `yaml` reads without a complaint, and in which every node that starts
 * there is at its place: the text up to the first comma outside quotes and comments at or past
 * `from`, inside the root, then what closes the collections left open (`{"a": [1, 2,` and `]}`:
 * YAML takes a comma before a closing bracket). Every entry before that comma is whole, so all
 * of the prefix is trusted, even on a one-line file. Undefined when no such comma follows, or
 * when a quote does not close. A quote opens a scalar only where a token starts (YAML's plain
 * scalars may hold quotes: `a"b`), a `#` a comment only after a blank; a misreading still leaves
 * a prefix `yaml` complains of, which the caller refuses. A 2 MB JSON map with a comment on every
 * line was read whole by `yaml` to place its first 200 problems (2.3 s).
 */
export function flowPrefix(text: string, from: number): { cut: number; closed: string } | undefined {
  const open: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if ((char === '"' || char === "'") && tokenStarts(text, i)) {
      i = char === '"' ? stringEnd(text, i) : singleQuotedEnd(text, i);
      if (i === -1) return undefined;
    } else if (char === '#' && (i === 0 || BLANK.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end === -1) return undefined;
      i = end;
    } else if (char === '{') open.push('}');
    else if (char === '[') open.push(']');
    else if (char === '}' || char === ']') {
      open.pop();
      // The root closed before the cut: a block map whose first key is a flow collection
      // (`{a: 1}: x`), which no such prefix stands for (found by a review).
      if (open.length === 0) return undefined;
    } else if (char === ',' && i >= from && open.length > 0) {
      return { cut: i + 1, closed: text.slice(0, i + 1) + open.reverse().join('') };
    }
  }
  return undefined;
}

const BLANK = /[ \t\r\n]/u;

// Whether a quote at `at` opens a quoted scalar: first in the text, after a blank or a flow
// indicator, or after the `:` of a key that is itself quoted (`"a":"b"`, JSON's form).
function tokenStarts(text: string, at: number): boolean {
  const before = text[at - 1];
  if (before === undefined || BLANK.test(before) || before === '{' || before === '[' || before === ',') return true;
  return before === ':' && (text[at - 2] === '"' || text[at - 2] === "'");
}

/** Where the single-quoted scalar opened at `open` closes (`''` is a quote inside it); -1 if nowhere. */
function singleQuotedEnd(text: string, open: number): number {
  let close = text.indexOf("'", open + 1);
  while (close !== -1 && text[close + 1] === "'") close = text.indexOf("'", close + 2);
  return close;
}

// Aliases counted without `yaml`. A file with more aliases than the limit (to-data.ts) is reported
// for that alone, at its first alias, when `yaml` finds no mistake in it; a 2 MB file with `*a` on
// every line had `yaml` read all of it to say so (3.5 s). An alias after `key: ` or `- ` (as a
// local tag, TAG_LEAD: not after an anchor or a tag, even on the line before, which `yaml` refuses)
// that is a whole value is one to `yaml` with no complaint, whether its anchor is there or not.
// Written as a plain scalar of the same length (`*a` as U+E000 `a`), it leaves a text js-yaml
// reads clean where `yaml` reads the file clean, and each must come back as a whole value, which
// one inside a block scalar, a plain value over lines, a key or with text after it does not. The
// data is of no use; only the aliases and where they are.
const ALIAS_START = /(?<=^|[\s[{,:])\*/gmu;
const ALIAS_NAME = /\*[\p{L}\p{N}_-]+/uy;
const STAND_IN = '\u{E000}';
const EMPTY_LINE = /^[ \t]*(?:#.*)?\r?$/u;
const STOOD_IN = /^\u{E000}[\p{L}\p{N}_-]+$/u;

/** How many `*` in `text` may start an alias, counting to `most + 1` at most. */
export function aliasCount(text: string, most: number): number {
  let count = 0;
  ALIAS_START.lastIndex = 0;
  while (count <= most && ALIAS_START.exec(text) !== null) count++;
  return count;
}

/**
 * The aliases of `text` (where each starts) and the data of the text with each written as such a
 * scalar; undefined unless every alias is of that form and js-yaml reads the text so written.
 * `tags` as for quickParse.
 */
export function aliasesAlone(
  text: string,
  tags?: Array<[number, number]>,
): { aliases: number[]; data: Record<string, unknown> } | undefined {
  if (text.includes(STAND_IN)) return undefined;
  // A chunk of comments alone (the file's first lines, say), which is no map.
  if (text.split('\n').every((line) => EMPTY_LINE.test(line))) return { aliases: [], data: {} };
  const aliases: number[] = [];
  const parts: string[] = [];
  let done = 0;
  ALIAS_START.lastIndex = 0;
  for (let match = ALIAS_START.exec(text); match !== null; match = ALIAS_START.exec(text)) {
    const at = match.index;
    ALIAS_NAME.lastIndex = at;
    if (!ALIAS_NAME.test(text) || !TAG_LEAD.test(text.slice(lineStartOf(text, at), at))) return undefined;
    aliases.push(at);
    parts.push(text.slice(done, at), STAND_IN);
    done = at + 1;
  }
  parts.push(text.slice(done));
  const data = quickParse(parts.join(''), true, false, tags);
  return data !== undefined && standIns(data) === aliases.length ? { aliases, data } : undefined;
}

/** How many values in `value` are such scalars (keys are not counted). */
function standIns(value: unknown): number {
  if (typeof value === 'string') return STOOD_IN.test(value) ? 1 : 0;
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  for (const item of Object.values(value)) count += standIns(item);
  return count;
}

/** How many keys the maps in `value` hold, all levels. */
function heldKeys(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) count += heldKeys(item);
    return count;
  }
  for (const key of Object.keys(value)) count += 1 + heldKeys((value as Record<string, unknown>)[key]);
  return count;
}

/** What js-yaml's loader tells of each node it opens and closes (its state holds the kind and the place). */
export type NodeListener = (event: 'open' | 'close', state: jsyaml.State) => void;

/**
 * The data of a plain, single-document YAML file, or undefined when `yaml` must read it.
 * `anchors` as for firstUnsure: a chunk of a file is told whether the file has an alias.
 * `json`: whether to try it as JSON first (jsonData), which a caller that has may skip.
 * `tags`: given by a caller that reports a warning for each local tag `yaml` would warn of, where
 * each one js-yaml read goes (start and end); else a text with one is left to `yaml`.
 * `listen.nodes`: told of every node js-yaml makes (flow-keys.ts, repeated-keys.ts), the text
 * being read as given; `listen.repeats`: a key repeated in a map is let through, the later value
 * kept (js-yaml's `json` mode), for a caller that finds each repeat from the nodes.
 */
export function quickParse(
  text: string,
  anchors = !hasAlias(text),
  json = true,
  tags?: Array<[number, number]>,
  listen?: { nodes: NodeListener; repeats?: boolean },
): Record<string, unknown> | undefined {
  const nodes = listen?.nodes;
  const asJson = json ? jsonData(text) : undefined;
  if (asJson !== undefined) return asJson;
  const read = text.includes('\n[') || text.includes('\n{') || /^[[{]/u.test(text) ? nameFlowKeys(text) : text;
  // Local tags inside collections over lines, which the checks do not see, then those they find.
  const found: Array<[number, number]> | undefined = tags === undefined ? undefined : [];
  const flowHidden = hideCollectionsOverLines(read, collectionsOverLines(read, found));
  const checked = flowHidden.includes('"') || flowHidden.includes("'") ? hideQuotedOverLines(flowHidden) : flowHidden;
  if (checked === undefined) return undefined;
  const inside = found?.length ?? 0;
  if (firstUnsure(checked, anchors, found) !== -1 || readDifferently(checked)) return undefined;
  const tagged = found !== undefined && found.length > 0;
  if (tagged && inside > 0) found.sort((a, b) => a[0] - b[0]);
  // Flow keys renamed moved the text after them: the places of tags and nodes would be wrong.
  if ((tagged || nodes !== undefined) && read !== text) return undefined;
  let data: unknown;
  const starts = new Set<number>();
  try {
    const onTag = tagged ? localTagListener(read, starts) : undefined;
    const listener: NodeListener | undefined =
      onTag === undefined || nodes === undefined
        ? (onTag ?? nodes)
        : (event, state) => {
            onTag(event, state);
            nodes(event, state);
          };
    data = jsyaml.load(read, { schema: tagged ? WITH_LOCAL_TAGS : CORE, listener, json: listen?.repeats === true });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  if (tagged) {
    if (starts.size !== found.length || found.some(([start]) => !starts.has(start))) return undefined;
    for (const tag of found) tags!.push(tag);
  }
  return data as Record<string, unknown>;
}
