// A large file cut into chunks at lines that can only be top-level keys, each read by js-yaml on
// its own. Where every chunk reads clean and no top-level key repeats, the chunks' data joined is
// what js-yaml reads in the whole file; where not, yaml-chunks.ts gives `yaml` only the chunks
// js-yaml refused. Why a cut is safe is told there. No `yaml` here: load-quick.ts uses this.
import { setOwn } from '../own-property.js';
import { firstUnsure, hasAlias, propertyCount, quickParse } from './quick-parse.js';
import { lineStartOf } from '../text/line-start.js';
import { flowOverLines } from './flow-lines.js';

/** Below this size the whole-file path is quick enough. */
export const CHUNKED_FROM_CHARS = 262_144;
/** The least size of a chunk; it ends at the next cut line. */
export const CHUNK_CHARS = 32_768;

// A line that can only be a plain top-level key of a root map at column 0: it starts with a
// letter, digit or `_` (no YAML indicator, no indentation), and has `:` then a space or the
// line's end before any `#` or quote. For a root map further in, the same after as many spaces
// (CutLines).
const KEY_LINE = String.raw`[\p{L}\p{N}_][^\n:#"']*:(?=[ \t\r\n]|$)`;
const MARKERS = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)|^%/mu;
const OTHER_BREAKS = /\r(?!\n)|[\u0085\u2028\u2029]/u;
// Text `yaml`'s reading of which may turn on much before or after it (found by reviews). A block
// scalar's header (`|`, `>`) with text after it on its line: the lexer hands that text on as a
// token of its own. `---` or `...` there starts or ends a document, and so does one after blanks,
// which `yaml` reads as at column 0 past a block scalar and a line of blanks and a Tab
// (FAR_DOCUMENT_LINES). Other text there, once the root is closed (rootMayClose), puts an error in
// the place of the whole document (HEADER_WITH_TEXT). A header may follow a quoted scalar, an
// alias, a flow collection or a tag with no blank before it (`"q"| x`, `!t| x`, `] | x`): any `|`
// or `>` is taken for one, which costs only a slower route where it is not.
const HEADER = String.raw`[|>][^ \t\r\n]*[ \t]+`;
const FAR_DOCUMENT_LINES = new RegExp(String.raw`${HEADER}(?:---|\.\.\.)|^[ \t]+(?:---|\.\.\.)`, 'gmu');
const HEADER_WITH_TEXT = new RegExp(String.raw`${HEADER}[^ \t\r\n#]`, 'gmu');

/** Whether `text` holds a line break other than LF or CRLF, which no cut line can be trusted across. */
export function hasOtherBreaks(text: string): boolean {
  return OTHER_BREAKS.test(text);
}

/** Where the last match of a global `pattern` in `text` starts; -1 if none. */
export function lastMatch(pattern: RegExp, text: string): number {
  let last = -1;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) last = match.index;
  return last;
}

/**
 * Where the last text starts from which on `yaml`'s reading of `text` may differ from that of
 * its parts (see above); -1 if none. `closes` is where the root may first be closed (rootMayClose).
 */
export function lastFarReading(text: string, closes: number): number {
  const header = lastMatch(HEADER_WITH_TEXT, text);
  return Math.max(lastMatch(FAR_DOCUMENT_LINES, text), header >= closes ? header : -1);
}

/**
 * Where the first line starts from which the root map of `text`, its first key `column` in at
 * `first`, may be closed before the text's end: a line less indented than an indented root, or
 * one with a flow collection not closed on it (flowOverLines); the text's length if none.
 */
export function rootMayClose(text: string, first: number, column: number): number {
  let outdent = text.length;
  if (column > 0) {
    // A Tab among a line's leading blanks counts too: past a block scalar, `yaml` takes a line of
    // blanks and a Tab, and the blanks after it, for the start of a line at column 0 (found by a
    // review: a header with text there put an error in the place of the whole document).
    const outdented = new RegExp(String.raw`^(?! {${column}}(?! *\t)| *\r?$)`, 'gmu');
    outdented.lastIndex = first;
    outdent = outdented.exec(text)?.index ?? text.length;
  }
  return Math.min(outdent, flowOverLines(text));
}

export interface Chunk {
  start: number;
  end: number;
  /** What js-yaml read; undefined when it refused the chunk (or left it to `yaml`). */
  data: Record<string, unknown> | undefined;
  /** A large top-level entry whose one anchor is on its value, which js-yaml read (anchoredEntry). */
  anchored?: AnchoredEntry;
  /**
   * The local tags (`!foo`) js-yaml read in `data`, where each starts and ends in the file: `yaml`
   * warns of each (quick-parse.ts, localTag), and yaml-chunks.ts makes its warning.
   */
  tags?: ReadonlyArray<readonly [number, number]>;
}

export interface AnchoredEntry {
  key: string;
  anchor: string;
  value: unknown;
}

/**
 * The chunks, each read by js-yaml; undefined when the text is not one to cut. An anchored entry of
 * `standInChars` or more is read by js-yaml too (anchoredEntry); the tests make that small.
 * `localTags`: whether js-yaml may read local tags (Chunk.tags), which only a caller whose text
 * declares no `%TAG` handle may ask (`%TAG ! tag:yaml.org,2002:` makes `!int` a known tag).
 */
export function cutChunks(
  text: string,
  chunkChars: number,
  standInChars = CHUNK_CHARS,
  localTags = false,
): Chunk[] | undefined {
  const root = rootCuts(text);
  if (root === undefined) return undefined;
  const { cuts, line } = root;
  const chunks: Chunk[] = [];
  // An anchor is read by js-yaml only when no alias in the whole file could name it.
  const anchors = !hasAlias(text);
  for (let start = 0; start < text.length;) {
    const end = cuts.next(text, Math.max(start + chunkChars, line + 1));
    readChunk(text, start, end, { anchors, localTags }, standInChars, cuts, chunks);
    start = end;
  }
  return chunks;
}

/**
 * The cut lines of a text whose root map starts `column` spaces in: that many spaces, then what
 * can only be a plain key (KEY_LINE). Such a line ends every block opened further in, as a line
 * at column 0 does when the root is there: `yaml` ends a block scalar, a plain or quoted value
 * and a flow collection at the first line less indented than their key's value
 * (its lexer's `indentNext`), and no line of such a text is less indented than the root
 * (rootCuts). yaml-chunks.ts tells the rest.
 */
export class CutLines {
  private readonly all: RegExp;
  private readonly here: RegExp;

  /** `until`: no line from there on is a cut line (rootCuts). */
  constructor(
    readonly column: number,
    private readonly until = Infinity,
  ) {
    this.all = new RegExp(`^ {${column}}${KEY_LINE}`, 'gmu');
    this.here = new RegExp(this.all.source, 'muy');
  }

  /** Where the first cut line at or after `from` starts; the text's end if none. */
  next(text: string, from: number): number {
    this.all.lastIndex = from;
    const at = this.all.exec(text)?.index;
    return at === undefined || at >= this.until ? text.length : at;
  }

  /** The last cut line that starts at or before `offset` and not before `from`; else `from`. */
  atOrBefore(text: string, from: number, offset: number): number {
    const last = offset < this.until ? offset : this.until - 1;
    for (let line = lineStartOf(text, last); line > from; line = lineStartOf(text, line - 1)) {
      this.here.lastIndex = line;
      if (this.here.test(text)) return line;
    }
    return from;
  }

  /** The cut lines in [start, end) of `text`: each key as written (trimmed) and where the key starts. */
  keys(text: string, start: number, end: number): Array<{ key: string; offset: number }> {
    const keys: Array<{ key: string; offset: number }> = [];
    this.all.lastIndex = start;
    const stop = Math.min(end, this.until);
    for (let match = this.all.exec(text); match !== null && match.index < stop; match = this.all.exec(text)) {
      keys.push({ key: keyOf(match[0].slice(this.column)), offset: match.index + this.column });
    }
    return keys;
  }
}

const cutLinesAt = new Map<number, CutLines>();

/**
 * The cut lines of `text` and where the first, the root map's first key, starts (`line`: its
 * line's start); undefined when the text is not one to cut. The root starts on the first line with
 * content, after blank and comment lines; a cut cannot be trusted where a line could mean
 * something else: document markers and directives (but a `...` that ends the file's one document:
 * trailingEnd), line breaks that are not LF. For a root further in than column 0, no line is a
 * cut line from the first line after its start that is less indented, blank lines aside (a
 * comment there, say, or Tabs), or that holds a flow collection not closed on it
 * (flowOverLines): the text before that line is such a root's alone, and the last chunk, read
 * from a cut line before it, is read from there as in the whole file.
 */
export function rootCuts(text: string): { cuts: CutLines; line: number } | undefined {
  if (OTHER_BREAKS.test(text)) return undefined;
  const marker = text.search(MARKERS);
  if (marker !== -1 && !trailingEnd(text, marker)) return undefined;
  FIRST_CONTENT.lastIndex = 0;
  const first = FIRST_CONTENT.exec(text);
  if (first === null || !onlyCommentsBefore(text, first.index)) return undefined;
  const column = first[1]!.length;
  let cuts = cutLinesAt.get(column);
  if (cuts === undefined) {
    cuts = new CutLines(column);
    cutLinesAt.set(column, cuts);
  }
  if (cuts.next(text, first.index) !== first.index && !(column === 0 && otherFirstKey(text, first.index)))
    return undefined;
  const closes = rootMayClose(text, first.index, column);
  if (lastFarReading(text, closes) !== -1) return undefined;
  if (column > 0) {
    // Lines from the first where the root may close on are no cut lines: from there on a line as
    // far in as the root may mean something else. The chunk before that line goes on to the end.
    // A 2 MB root indented by two columns with one line at column 0 at its end had `yaml` read
    // all of it (2.5 s).
    // With that line in the first half, the last chunk is most of the file: `yaml` reading it, then
    // the whole-file path reading it all again when the chunks give way (a warning to place among
    // the schema's problems), cost half as much again as the whole-file path alone (found by a
    // review).
    if (closes - first.index < (text.length - first.index) / 2) return undefined;
    if (closes < text.length) cuts = new CutLines(column, closes);
  }
  return { cuts, line: first.index };
}

// A first key at column 0 that is no cut line, but opens a block map there all the same: an
// explicit key (`? [a]`), a null one (`~:`), one quoted or a flow collection, closed on its line.
// (An indented root keeps to a plain first key.)
// The root map is then there as with a plain key, and the first chunk runs from it to the next cut
// line, which `yaml` checks when it reads the chunk (yaml-chunks.ts, readChunk); js-yaml reads one
// clean only where `yaml` reads it alike (quick-parse.ts), a block map, the line being a key. A
// 2 MB file opening with `? [a]` or `~: 1` had `yaml` read all of it (3.3-3.6 s).
const OTHER_FIRST_KEY = new RegExp(
  String.raw`^(?:\?(?:[ \t\r]|$)|(?:~|"[^"\\\n]*"|'[^'\n]*'|\[[^[\]{}"'#\n]*\]|\{[^[\]{}"'#\n]*\})[ \t]*:(?:[ \t\r]|$))`,
  'u',
);

/** Whether the line starting at `line` opens with such a key. */
function otherFirstKey(text: string, line: number): boolean {
  const end = text.indexOf('\n', line);
  return OTHER_FIRST_KEY.test(text.slice(line, end === -1 ? text.length : end));
}

// A document end line (`...`, perhaps with a comment) followed by nothing but blank and comment
// lines, as `yaml` counts blanks (no Tab): the file's one document ends there, and no cut line
// follows, so the last chunk holds it. js-yaml reads such a chunk as `yaml` does
// (test/plan-quick-parse.test.ts; 15,000 more while building this). Any other `...` may start a
// document.
const DOCUMENT_END = /^\.\.\.(?:[ \t]+(?:#.*)?)?\r?$/u;

/** Whether a `...` line starts at `marker` with nothing after it but blank and comment lines. */
function trailingEnd(text: string, marker: number): boolean {
  const lineEnd = text.indexOf('\n', marker);
  const line = text.slice(marker, lineEnd === -1 ? text.length : lineEnd);
  return DOCUMENT_END.test(line) && (lineEnd === -1 || blankOrComments(text.slice(lineEnd + 1)));
}

// Under an indented root, `yaml` reads a flow collection ended by a line as far in as the root
// otherwise than at column 0 (found by a review): its lexer counts that line's indentation as 0,
// so the value of the key there runs on over the cut lines after it. So an indented root is cut
// only before the first line that may hold a flow collection not closed on it (flow-lines.ts).

// The first line that starts, after spaces, with something other than a blank or a comment.
export const FIRST_CONTENT = /^( *)[^ \t\r\n#]/gmu;

// A chunk that holds a construct left to `yaml` (an alias, a tag other than `!!str` or a local tag
// before a scalar, an anchor in a file with aliases: quick-parse.ts) is refused by js-yaml whole, and `yaml` then reads all of
// it, ten times slower: a file with an alias in every chunk took `yaml`'s time for the whole
// file. So the top-level entry holding the first such construct becomes a chunk of its own, and
// js-yaml reads what stands before and after it; a few times per chunk, after which the rest is
// left to `yaml` as it is (a file with one on every line gains nothing from cutting).
const ISOLATED_PER_CHUNK = 4;

function readChunk(
  text: string,
  start: number,
  end: number,
  { anchors, localTags }: { anchors: boolean; localTags: boolean },
  standInChars: number,
  cuts: CutLines,
  chunks: Chunk[],
): void {
  // js-yaml's read of text[from, to), with the local tags it read, as a chunk.
  const chunkOf = (from: number, to: number): Chunk => {
    const tags: Array<[number, number]> | undefined = localTags ? [] : undefined;
    const data = quickParse(text.slice(from, to), anchors, true, tags);
    if (tags === undefined || tags.length === 0) return { start: from, end: to, data };
    return { start: from, end: to, data, tags: tags.map(([s, e]) => [from + s, from + e] as const) };
  };
  // The first construct js-yaml was not given; else, for a chunk it refused all the same, the first
  // property, as before local tags were let through: a `- !foo x` line inside a block scalar (no
  // tag to js-yaml) in every few chunks had each of them go to `yaml` whole (found by a review).
  const firstUnsureIn = (source: string): number => {
    const at = localTags ? firstUnsure(source, anchors, []) : -1;
    return at === -1 ? firstUnsure(source, anchors) : at;
  };
  for (let from = start, isolated = 0; from < end; isolated++) {
    const chunk = chunkOf(from, end);
    const unsure =
      chunk.data === undefined && isolated < ISOLATED_PER_CHUNK ? firstUnsureIn(text.slice(from, end)) : -1;
    if (unsure === -1) {
      chunks.push(chunk);
      return;
    }
    const entryStart = cuts.atOrBefore(text, from, from + unsure);
    const entryEnd = Math.min(end, cuts.next(text, from + unsure + 1));
    if (entryStart > from) chunks.push(chunkOf(from, entryStart));
    const anchored = anchors ? undefined : anchoredEntry(text.slice(entryStart, entryEnd), standInChars);
    chunks.push(
      anchored === undefined
        ? { start: entryStart, end: entryEnd, data: undefined }
        : { start: entryStart, end: entryEnd, data: undefined, anchored },
    );
    from = entryEnd;
  }
}

// In a file with aliases an anchor is left to `yaml`, which reads a 2 MB list that an alias
// names ten times slower than js-yaml (three seconds for a list an alias then blows past the
// limit of what aliases may add). But an entry `key: &name` whose anchor is the only property in
// it holds no alias: its data is the same with the anchor or without it, and js-yaml reads it
// as `yaml` does (quick-parse.ts). yaml-chunks.ts then puts the data in the document `yaml` reads
// for the rest, as the value the anchor names. Only for an entry as large as a chunk: `yaml` reads
// a small one quickly, and the data stands for nodes without positions (a problem inside the entry
// is placed in locateFirst's prefix instead: stand-ins.ts).
const ANCHORED_KEY = /^([\p{L}_][\p{L}\p{N}_-]*):[ \t]+&([\p{L}\p{N}_-]+)(?=[ \t]|\r?\n|$)/u;
// Plain keys that `yaml` reads as something other than text.
const NOT_TEXT = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/u;

/** A top-level entry of `least` characters or more with one anchor, on its value, read by js-yaml; else undefined. */
export function anchoredEntry(source: string, least: number): AnchoredEntry | undefined {
  if (source.length < least) return undefined;
  const head = ANCHORED_KEY.exec(source);
  if (head === null || NOT_TEXT.test(head[1]!) || propertyCount(source, 1) !== 1) return undefined;
  const data = quickParse(source, true);
  const key = head[1]!;
  if (data === undefined || Object.keys(data).length !== 1 || !Object.hasOwn(data, key)) return undefined;
  return { key, anchor: head[2]!, value: data[key] };
}

/** The key of a cut line's match: YAML trims spaces and Tabs around a plain key, not U+00A0 and the like. */
function keyOf(match: string): string {
  return match.slice(0, -1).replace(/[ \t]+$/u, '');
}

/**
 * Where the plain top-level keys of `text` start, by name (NFC), and where the root map starts:
 * the cut lines, which in a text js-yaml read clean can only be top-level keys. A name written on
 * two lines is left out. Undefined when the root map does not start on the first line with content.
 */
export function topKeyLines(text: string): { root: number; keys: Map<string, number> } | undefined {
  const root = rootCuts(text);
  if (root === undefined) return undefined;
  const keys = new Map<string, number>();
  const twice = new Set<string>();
  for (const { key, offset } of root.cuts.keys(text, 0, text.length)) {
    const name = key.normalize('NFC');
    if (keys.has(name)) twice.add(name);
    keys.set(name, offset);
  }
  for (const name of twice) keys.delete(name);
  return { root: root.line + root.cuts.column, keys };
}

/**
 * A text of YAML documents parted by `---` lines: where each such line starts, and whether the text
 * before the first holds a document of its own (else it is only blank and comment lines, which
 * `yaml` puts before the first marker's document).
 */
export interface DocumentSplit {
  markers: number[];
  /**
   * For each marker, whether nothing but a comment follows it on its line, or properties that
   * change nothing of its document's root (PROPERTIES_MARKER): blankMarker may blank it.
   */
  bare: boolean[];
  leading: boolean;
  /**
   * Where the directive lines before the first marker start, when there are any: a `%YAML 1.2` or
   * `1.1` (YAML_DIRECTIVE) and `%TAG` lines (TAG_DIRECTIVE).
   */
  directives?: number[];
  /**
   * The `%TAG` handles among the directives, with their prefixes: the text's reads are made with
   * them declared (parse-yaml.ts, withTagHandles). A handle no tag uses still names local tags
   * when `yaml` writes out a list key holding one (`? [!foo b]`), as the data names the key.
   */
  tags?: Record<string, string>;
  /**
   * The markers that are no `---`: where a document starts after an end line (`...`), at its first
   * line that is not blank or a comment, when there are any.
   */
  unmarked?: number[];
}

// A marker line as `yaml` reads one: `---` then a blank or the line's end. A bare one has at most a
// comment after it, so that blanking the `---` leaves a comment or blank line.
const MARKER = /^---(?:[ \t\r]|$)/u;
const BARE_MARKER = /^---(?:[ \t]+(?:#.*)?)?\r?$/u;
// A marker whose line holds only a `!!map` tag or anchors for the document's root, then perhaps a
// comment. On a block map, as the first line with content after it shows the root is, such a tag
// changes nothing, nor does an anchor no alias names: the marker reads as a bare one, its line
// blanked up to the comment (blankMarker). A 2 MB file opening with `--- !!map`, with one mistake
// at its end, had `yaml` read it all (3.2 s).
const PROPERTIES_MARKER = /^---((?:[ \t]+(?:!!map|&[\p{L}\p{N}_-]+))+)(?:[ \t]+#.*)?\r?$/u;
const ROOT_KEY_LINE = new RegExp(`^ *${KEY_LINE}`, 'u');
const MARKER_START = /^(?:---|\.\.\.|%)/gmu;
const END_LINE = /^\.\.\.(?:[ \t]+(?:#.*)?)?\r?$/u;
// The directives let through, each of which the file reads alike with its line blank: a version,
// once; and a tag handle, declared to every read instead (DocumentSplit.tags) and used by the first
// document only, if at all (not `!!`: js-yaml reads `!!str` as undeclared). Only before
// the first marker, with nothing but blank and comment lines around them. `yaml` is told to read
// the core schema in any case (parse-yaml.ts), and `%YAML 1.1` changes one thing then: the tags it
// knows beyond that schema (`!!binary`, `!!timestamp`, `!!set`, `!!omap`, `!!pairs`, `!!merge`)
// are left unresolved, for every document after it. So it is let through only where no tag may
// name one: none spelled with `!!` or `!<` holds such a name or a `%` escape (mayNameKnownTag).
// A 2 MB file opening with `%YAML 1.1` and holding one mistake had `yaml` read it whole (2.6 s).
const YAML_DIRECTIVE = /^%YAML[ \t]+1\.([12])(?:[ \t]+(?:#.*)?)?\r?$/u;
// Each run of text from a `!!` or `!<` to the next blank is looked at once: a lazy search for the
// names from every `!` was quadratic in a long run of them (a review: 13 s for 120,000 `!`). The
// run may hold more than the tag (`[!!str a,offset]`): that only refuses more.
const TAG_RUN = /!(?:!|<)\S*/gu;
const KNOWN_NAME = /%|binary|merge|omap|pairs|set|timestamp/u;

/**
 * Whether a tag written in `text` from `from` on may be one `yaml` leaves unresolved under `%YAML 1.1`,
 * where the report may turn on it (onValue; `anywhere`: on a value too).
 */
function mayNameKnownTag(text: string, from: number, anywhere = false): boolean {
  const strict = anywhere || EXPLICIT_KEY.test(text);
  TAG_RUN.lastIndex = from;
  for (let run = TAG_RUN.exec(text); run !== null; run = TAG_RUN.exec(text)) {
    if (KNOWN_NAME.test(run[0]) && (strict || !onValue(text, run.index, run[0]))) return true;
  }
  return false;
}

// Such a tag on a value reads alike in the report under 1.1 and 1.2: tagProblems reports every
// node with it, and what `yaml` says of the tag, resolved or not, is left out (yaml-problems.ts,
// sayOwn); the report is then of YAML problems, and the value itself is never judged. On a key it
// is not: `? !!binary aGk=` twice is a repeated key under 1.1 (text) and two keys under 1.2
// (bytes). So the tag must stand after a key's `: ` or a `- `, with no key's `: ` after it on its
// line, in a text with no explicit key (`?`) whose key could hold it on a line of its own.
// `!!merge`, `%` escapes, `!!omap` and `!!pairs` are not let through: the last two's resolver keeps
// each item's first pair only, and a repeated key or a tag in the rest goes unsaid under 1.2 (found
// by a review). A 2 MB file opening with `%YAML 1.1`, with a `!!binary` value, had `yaml` read it
// whole (2.3 s).
const VALUE_KNOWN_TAG = /^!!(?:binary|set|timestamp)$/u;
const EXPLICIT_KEY = /^[ \t]*\?(?:[ \t]|$)/mu;
const BEFORE_VALUE = /(?::|^[ \t]*(?:-[ \t]+)*-)[ \t]+$/u;
const KEY_AFTER = /:(?:[ \t]|$)/u;

function onValue(text: string, at: number, run: string): boolean {
  if (!VALUE_KNOWN_TAG.test(run)) return false;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  const before = text.slice(lineStart, at);
  const after = text.slice(at + run.length, lineEnd === -1 ? text.length : lineEnd);
  return BEFORE_VALUE.test(before) && valueAfter(after);
}

// What follows the tag on its line holds no `: ` of a key: none before a flow collection that
// opens there, and none after it closes, on the same line (`!!set {x: 1}` is a value, `!!set {x}: 1`
// a key).
function valueAfter(after: string): boolean {
  const open = after.search(/[[{]/u);
  if (open === -1) return !KEY_AFTER.test(after);
  if (KEY_AFTER.test(after.slice(0, open))) return false;
  let depth = 0;
  for (let i = open; i < after.length; i++) {
    const char = after[i];
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return !KEY_AFTER.test(after.slice(i + 1));
    }
  }
  return false;
}
const TAG_DIRECTIVE = /^%TAG[ \t]+(!(?:[\w-]*!)?)[ \t]+([^\s#]\S*)(?:[ \t]+(?:#.*)?)?\r?$/u;

/**
 * Where the `---` lines of `text` start, and the documents after an end line (`...`) that have
 * none (`unmarked`); undefined when the text has neither, or anything else that could take part
 * in how `yaml` parts documents: a directive (`%`) other than those opening the file that its
 * blank line stands for (YAML_DIRECTIVE, TAG_DIRECTIVE), after an end line a line that may not
 * open a document or another end line or directive, a line opening with `---` that is no marker,
 * line breaks other than LF or CRLF.
 */
export function splitDocuments(text: string): DocumentSplit | undefined {
  if (OTHER_BREAKS.test(text)) return undefined;
  // A document started where no `---` opens a line: read alone, a document may then hold one
  // more, and a quote closed nowhere one fewer, and the counts agree (found by a review).
  if (lastMatch(FAR_DOCUMENT_LINES, text) !== -1) return undefined;
  const markers: number[] = [];
  const bare: boolean[] = [];
  const directives: number[] = [];
  const unmarked: number[] = [];
  // The handles declared; those the text uses after their line only the first document may hold.
  const declared: Array<{ handle: string; prefix: string }> = [];
  let version = false;
  let oneOne = false;
  MARKER_START.lastIndex = 0;
  for (let match = MARKER_START.exec(text); match !== null;) {
    const end = text.indexOf('\n', match.index);
    const line = text.slice(match.index, end === -1 ? text.length : end);
    if (markers.length === 0 && line.startsWith('%')) {
      const minor = YAML_DIRECTIVE.exec(line)?.[1];
      const isVersion: boolean =
        !version && (minor === '2' || (minor === '1' && end !== -1 && !mayNameKnownTag(text, end)));
      const [, handle, prefix] = TAG_DIRECTIVE.exec(line) ?? [];
      if (!isVersion) {
        if (handle === undefined || prefix === undefined || end === -1) return undefined;
        // A handle declared twice, or the secondary one used: js-yaml reads `!!str` in the chunks
        // it reads clean as if no line declared it. It reads no other tag (quick-parse.ts), so a
        // chunk with `!x` goes to `yaml`, which has the primary handle declared.
        if (declared.some((d) => d.handle === handle)) return undefined;
        if (handle === '!!' && text.includes(handle, end)) return undefined;
        declared.push({ handle, prefix });
      }
      if (
        !blankOrComments(
          text.slice(directives.length === 0 ? 0 : text.indexOf('\n', directives.at(-1)!) + 1, match.index),
        )
      )
        return undefined;
      version ||= isVersion;
      oneOne ||= isVersion && minor === '1';
      directives.push(match.index);
      match = MARKER_START.exec(text);
      continue;
    }
    if (END_LINE.test(line)) {
      // An end line closing a document, as a writer puts one after each document: `yaml` ends the
      // document there, as at the marker. With only blank and comment lines after it up to the
      // next marker or the end, nothing follows; with more, a document with no marker starts at
      // its first line, if that line surely opens one. Past it the loop goes on as after a marker.
      const next = MARKER_START.exec(text);
      const after = end === -1 ? text.length : end + 1;
      const until = next?.index ?? text.length;
      if (!blankOrComments(text.slice(after, until))) {
        const start = unmarkedStart(text, after, until);
        if (start === undefined) return undefined;
        markers.push(start);
        bare.push(true);
        unmarked.push(start);
      } else if (next !== null && !text.startsWith('---', next.index)) return undefined;
      match = next;
      continue;
    }
    if (!MARKER.test(line)) return undefined;
    markers.push(match.index);
    bare.push(BARE_MARKER.test(line) || plainProperties(text, line, end));
    match = MARKER_START.exec(text);
  }
  const first = markers[0];
  if (first === undefined) return undefined;
  const last = directives.at(-1);
  if (last !== undefined) {
    // Between the directives and their marker, blank and comment lines only: `yaml` reads anything
    // else there as a document with no `---` (found by a review).
    const lineEnd = text.indexOf('\n', last);
    if (!blankOrComments(text.slice(lineEnd + 1, first))) return undefined;
    // A handle declared above the first document holds there only: used past it, `yaml` finds it
    // undeclared, and the document that uses it is read from its own marker.
    const second = markers[1];
    if (second !== undefined && declared.some(({ handle }) => text.includes(handle, second))) return undefined;
    // Of a later document `yaml` says what it says of such a tag (yaml-problems.ts, Complaints):
    // under 1.1 that it is left unresolved, under 1.2 nothing. Only the first may hold one.
    if (oneOne && second !== undefined && mayNameKnownTag(text, second, true)) return undefined;
    const tags = declared.length === 0 ? {} : { tags: Object.fromEntries(declared.map((d) => [d.handle, d.prefix])) };
    return unmarked.length === 0
      ? { markers, bare, leading: false, directives, ...tags }
      : { markers, bare, leading: false, directives, ...tags, unmarked };
  }
  const leading = leadingDocument(text.slice(0, first));
  if (leading === undefined) return undefined;
  return unmarked.length === 0 ? { markers, bare, leading } : { markers, bare, leading, unmarked };
}

/** Where the first line of text[from, to) that is not blank or a comment starts, if it surely opens a document. */
function unmarkedStart(text: string, from: number, to: number): number | undefined {
  for (let at = from; at < to;) {
    const end = text.indexOf('\n', at);
    // `to` starts a line, so a line ends at or before it.
    const stop = end === -1 ? to : end;
    const line = text.slice(at, stop);
    if (!BLANK_LINE.test(line)) return OPENS_DOCUMENT.test(line) ? at : undefined;
    at = stop + 1;
  }
  return undefined;
}

/**
 * Whether the marker `line` (ending at `end`) holds only properties that change nothing of its
 * document's root (PROPERTIES_MARKER): the first line with content after it is a plain key, and
 * no alias names an anchor there.
 */
function plainProperties(text: string, line: string, end: number): boolean {
  const properties = PROPERTIES_MARKER.exec(line)?.[1];
  if (properties === undefined || end === -1) return false;
  for (const anchor of properties.matchAll(/&([\p{L}\p{N}_-]+)/gu)) if (text.includes(`*${anchor[1]}`)) return false;
  for (let at = end + 1; at < text.length;) {
    const stop = text.indexOf('\n', at);
    const next = text.slice(at, stop === -1 ? text.length : stop);
    if (!BLANK_LINE.test(next)) return ROOT_KEY_LINE.test(next);
    if (stop === -1) return false;
    at = stop + 1;
  }
  return false;
}

/**
 * Whether every line is blank or a comment, as YAML counts blanks (a line of U+00A0 is a value),
 * and holds no Tab: `yaml` finds a line of Tabs at the end of a document wrong.
 */
export function blankOrComments(text: string): boolean {
  return text.split('\n').every((line) => BLANK_LINE.test(line));
}

const BLANK_LINE = /^ *(?:#.*)?\r?$/u;
// A line that surely opens a document: a plain scalar or a quote. Stray `]` or `}` do not (`yaml`
// takes the next marker's document as theirs), nor, perhaps, a line of Tabs.
const OPENS_DOCUMENT = /^ *(?:[\p{L}\p{N}_"'[{]|[-?:](?:[ \t]|\r?$))/u;

/** Whether the text before the first marker holds a document; undefined when that is not sure. */
function leadingDocument(prelude: string): boolean | undefined {
  for (const line of prelude.split('\n')) {
    if (OPENS_DOCUMENT.test(line)) return true;
    if (!BLANK_LINE.test(line)) return undefined;
  }
  return false;
}

/** How many documents `yaml` finds in a split text. */
export function documentCount(split: DocumentSplit): number {
  return split.markers.length + (split.leading ? 1 : 0);
}

/**
 * `text` with the marker at `at` made blanks: a marker before the only document, read as a blank
 * line; its properties too, when it has any (PROPERTIES_MARKER).
 */
export function blankMarker(text: string, at: number): string {
  const end = text.indexOf('\n', at);
  const properties = PROPERTIES_MARKER.exec(text.slice(at, end === -1 ? text.length : end))?.[1] ?? '';
  const length = 3 + properties.length;
  return `${text.slice(0, at)}${' '.repeat(length)}${text.slice(at + length)}`;
}

/**
 * `text` with the bare `---` opening its first document (and the directives, if any) made blanks: the
 * first document is then read as one with no marker, up to the second marker if there is one.
 */
export function blankFrame(text: string, split: DocumentSplit): string {
  const marked = blankMarker(text, split.markers[0]!);
  return (split.directives ?? []).reduce(blankLine, marked);
}

/** `text` with the line at `at` (a directive) made blanks, its line break kept. */
export function blankLine(text: string, at: number): string {
  const end = text.indexOf('\n', at);
  const stop = end === -1 ? text.length : text[end - 1] === '\r' ? end - 1 : end;
  return `${text.slice(0, at)}${' '.repeat(stop - at)}${text.slice(stop)}`;
}

function onlyCommentsBefore(text: string, offset: number): boolean {
  return text
    .slice(0, offset)
    .split('\n')
    .every((line) => line.trim() === '' || line.trimStart().startsWith('#'));
}

/** The data of the whole text, when every chunk read clean and no top-level key repeats. */
export function joinChunks(chunks: readonly Chunk[]): Record<string, unknown> | undefined {
  const maps: Array<Record<string, unknown>> = [];
  for (const { data } of chunks) {
    if (data === undefined) return undefined;
    maps.push(data);
  }
  return joinMaps(maps);
}

/** The top-level maps of consecutive stretches of a text as one map; undefined if a key repeats. */
export function joinMaps(maps: ReadonlyArray<Record<string, unknown>>): Record<string, unknown> | undefined {
  const joined: Record<string, unknown> = {};
  for (const map of maps) {
    for (const key of Object.keys(map)) {
      if (Object.hasOwn(joined, key)) return undefined;
      setOwn(joined, key, map[key]);
    }
  }
  return joined;
}
