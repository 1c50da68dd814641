// The YAML problems of a large file that js-yaml refused, without giving all of it to `yaml`.
// `yaml` takes about three seconds for 2 MB, and when a file has a YAML mistake its report holds
// only the YAML problems. So the file is cut into chunks at lines that can only be top-level keys,
// js-yaml reads each chunk on its own (a tenth of the time), and `yaml` reads only the chunks
// js-yaml refused.
//
// This gives the whole file's problems where every cut falls between two entries of the top-level
// map in `yaml`'s own reading, and where js-yaml, reading a chunk clean, reads it as `yaml` does
// (quick-parse.ts). A cut line is a plain `key:` at column 0, which ends every open block (a
// block scalar's or a plain value's lines, a nested map or list, a flow collection) and begins a
// top-level entry, unless a quoted value is still open. A chunk js-yaml reads clean has no quoted
// value spanning lines (quick-parse sends those to `yaml`). For a chunk `yaml` reads, the check is
// `yaml`'s own: it reads the chunk with the next cut line and must find that line as the last key
// of the top-level map, with no complaint from it on; otherwise the chunk takes in the next ones.
// What `yaml` says before that line cannot depend on what comes after it: its lookahead past a
// line break stops at a line at column 0.
//
// Repeated keys are the only problem spanning chunks: top-level keys are compared across them.
// Placing a repeat means `yaml` reading a chunk js-yaml read clean; should it complain there, the
// two parsers disagree, and the file takes the whole-file path.
// Files where the cut lines could mean something else are left to the whole-file path: a root
// that does not start at column 0, document markers and directives, and line breaks that are
// not LF.
//
// When the chunks `yaml` reads raise no complaint at all (js-yaml only left an anchor or a tag to
// it), the data of the whole document is joined from the parts instead (joinParts), for
// load.ts to judge without reading the whole file.
import {
  type Document,
  type LineCounter,
  type ParsedNode,
  YAMLParseError,
  type YAMLError,
  type YAMLMap,
  isMap,
  isScalar,
  visit,
} from 'yaml';
import { addDuplicateKeyErrors } from './duplicate-keys.js';
import { positionAt } from './locate.js';
import { countLines, parseQuietly, selfAlias } from './parse-yaml.js';
import type { Problem } from './problem.js';
import { type Chunk, joinMaps } from './chunks.js';
import { yamlProblems } from './yaml-problems.js';
import { tagProblems } from './yaml-tags.js';

interface TopKey {
  /** As js-yaml would name it, to find candidates; `yaml`'s values are then compared. */
  name: string;
  value: unknown;
  offset: number;
}

/**
 * The problems `yaml` finds in `text` as a whole, unsorted, when they include an error; when it
 * finds nothing at all, the whole document's data. Undefined when a chunk is not as it should be,
 * or when there are only warnings (the whole-file path places them among the schema's problems).
 */
export function chunkedYaml(text: string, chunks: readonly Chunk[], maxAliases: number): ChunkedRead | undefined {
  const lineCounter = countLines(text);
  const at = (offset: number): { line: number; column: number } => positionAt(lineCounter, offset);

  const errors: YAMLError[] = [];
  const warnings: YAMLError[] = [];
  const duplicates: YAMLError[] = [];
  const tags: Problem[] = [];
  const keys = new TopKeys();
  // Chunks `yaml` has read (their keys are placed), js-yaml-clean ones taken in included.
  const readByYaml = new Set<number>();
  // The data of each stretch of the text, in order: js-yaml's, or `yaml`'s document.
  const parts: Array<Record<string, unknown> | ReadPart> = [];
  for (let i = 0; i < chunks.length;) {
    const chunk = chunks[i]!;
    if (chunk.data !== undefined) {
      for (const name of Object.keys(chunk.data)) keys.add(i, name);
      parts.push(chunk.data);
      i++;
      continue;
    }
    // Chunks i..j-1 are read together, with the cut line of chunk j.
    for (let j = i + 1; ; j = Math.min(chunks.length, i + 2 * (j - i))) {
      const start = chunk.start;
      const end = j < chunks.length ? chunks[j]!.start : text.length;
      const read = readChunk(text, start, end, lineCounter);
      if (read === 'unsure') return undefined;
      if (read === 'longer') continue;
      for (const e of read.errors) errors.push(e);
      for (const w of read.warnings) warnings.push(w);
      for (const d of read.duplicates) duplicates.push(d);
      for (const t of read.tags) tags.push(t);
      for (const k of read.keys) keys.add(i, k.name, k);
      for (let c = i; c < j; c++) readByYaml.add(c);
      parts.push(read);
      i = j;
      break;
    }
  }
  const repeated = keys.repeats(text, chunks, readByYaml, lineCounter);
  if (repeated === undefined) return undefined;
  for (const d of repeated) duplicates.push(d);
  if (errors.length > 0 || duplicates.length > 0 || tags.some((t) => t.severity === 'error')) {
    return { problems: [...yamlProblems([{ errors: [...errors, ...duplicates], warnings }], text, at), ...tags] };
  }
  // Nothing for a report of YAML problems: then the data, or the whole-file path when a warning
  // is to be placed among the schema's problems.
  if (warnings.length > 0 || tags.length > 0) return undefined;
  const data = joinParts(parts, maxAliases);
  return data === undefined
    ? undefined
    : { data, locatable: parts.every((part) => !isRead(part) || locatable(part.doc)) };
}

/**
 * What the chunks gave: the YAML problems to report, or the data when there are none, and whether
 * locateFirst may place its problems: its prefix must hold every node a problem is placed at.
 */
export type ChunkedRead = { problems: Problem[] } | { data: Record<string, unknown>; locatable: boolean };

// What locateFirst cannot follow in a prefix: an alias (a problem after the cut may be placed at
// its anchor, before it), and a key that is not a plain scalar (a null or a list key, which the
// data names otherwise than the document does). js-yaml-clean chunks have neither.
function locatable(doc: Document.Parsed<ParsedNode>): boolean {
  let plain = true;
  visit(doc, {
    Alias() {
      plain = false;
      return visit.BREAK;
    },
    Pair(_, pair) {
      const key = pair.key;
      if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
        plain = false;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return plain;
}

// The whole document's toJS, part by part. An alias is resolved within its part: one whose anchor
// is in another part fails here, and the whole-file path tells. Aliases are counted over all
// parts against the same limit as the whole file's.
function joinParts(
  parts: ReadonlyArray<Record<string, unknown> | ReadPart>,
  maxAliases: number,
): Record<string, unknown> | undefined {
  let aliases = 0;
  for (const part of parts) {
    if (!isRead(part)) continue;
    visit(part.doc, {
      Alias() {
        aliases++;
      },
    });
  }
  if (aliases > maxAliases) return undefined;
  const maps: Array<Record<string, unknown>> = [];
  for (const part of parts) {
    if (!isRead(part)) {
      maps.push(part);
      continue;
    }
    // A value that contains itself is for the whole-file path to report.
    if (selfAlias(part.doc) !== undefined) return undefined;
    // The cut line read with this part belongs to the next one.
    const root = part.doc.contents as YAMLMap;
    if (!part.last) root.items.pop();
    let value: unknown;
    try {
      value = part.doc.toJS({ maxAliasCount: maxAliases });
    } catch {
      return undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    maps.push(value as Record<string, unknown>);
  }
  return joinMaps(maps);
}

function isRead(part: Record<string, unknown> | ReadPart): part is ReadPart {
  return part instanceof ReadPart;
}

class ReadPart {
  constructor(
    readonly doc: Document.Parsed<ParsedNode>,
    readonly last: boolean,
    readonly errors: YAMLError[],
    readonly warnings: YAMLError[],
    readonly duplicates: YAMLError[],
    readonly tags: Problem[],
    readonly keys: TopKey[],
  ) {}
}

type Read = ReadPart | 'longer' | 'unsure';

// `yaml` reads text[start, end) and the cut line at `end`, if any. Offsets become the file's.
function readChunk(text: string, start: number, end: number, lineCounter: LineCounter): Read {
  const last = end === text.length;
  const lineEnd = text.indexOf('\n', end);
  const source = text.slice(start, last ? end : lineEnd === -1 ? text.length : lineEnd + 1);
  const cut = end - start;
  const docs = parseQuietly(source, { duplicates: false });
  const doc = docs[0];
  if (docs.length !== 1 || doc === undefined) return 'unsure';
  const root = doc.contents;
  // The last chunk has no cut line to check, and cannot take in more.
  if (!isMap(root) || root.flow === true) return start === 0 || last ? 'unsure' : 'longer';
  if (!last) {
    const lastKey = root.items[root.items.length - 1]?.key;
    const found = isScalar(lastKey) && lastKey.range?.[0] === cut;
    if (!found || [...doc.errors, ...doc.warnings].some((e) => e.pos[0] >= cut)) return 'longer';
  }
  const shift = (e: YAMLError): YAMLError => {
    e.pos = [e.pos[0] + start, e.pos[1] + start];
    return e;
  };
  const duplicates: YAMLError[] = [];
  // In the last chunk `cut` is the text's end, where a key may still start (`?` at the very end).
  for (const d of duplicateErrors(doc)) if (last || d.pos[0] < cut) duplicates.push(shift(d));
  const at = (offset: number): { line: number; column: number } => positionAt(lineCounter, offset + start);
  const cutLine = at(cut).line;
  const keys: TopKey[] = [];
  for (const pair of root.items) {
    const key = pair.key;
    if (!isScalar(key) || key.range === undefined || (!last && key.range[0] >= cut)) continue;
    keys.push({ name: String(key.value), value: key.value, offset: key.range[0] + start });
  }
  return new ReadPart(
    doc,
    last,
    doc.errors.map(shift),
    doc.warnings.map(shift),
    duplicates,
    tagProblems(doc, source, at).filter((p) => last || p.line < cutLine),
    keys,
  );
}

/** The errors addDuplicateKeyErrors adds, kept apart from the parser's own. */
function duplicateErrors(doc: Document.Parsed<ParsedNode>): YAMLError[] {
  const before = doc.errors.length;
  addDuplicateKeyErrors(doc);
  return doc.errors.splice(before);
}

// A top-level key repeated in another chunk. js-yaml's names find the candidates (two chunks
// both holding a key "1", say); `yaml` then reads the chunks js-yaml read that hold one, to
// compare values as it does (`1` and `"1"` are different keys to it) and to place the repeat.
class TopKeys {
  private readonly firstChunk = new Map<string, number>();
  private readonly candidates = new Set<string>();
  /** The keys of chunks `yaml` read, with their values and offsets. */
  private readonly placed: TopKey[] = [];

  add(chunk: number, name: string, placed?: TopKey): void {
    const first = this.firstChunk.get(name);
    if (first === undefined) this.firstChunk.set(name, chunk);
    else if (first !== chunk || placed !== undefined) this.candidates.add(name);
    if (placed !== undefined) this.placed.push(placed);
  }

  /** DUPLICATE_KEY errors at each repeat, as the whole file's check adds them; undefined if unsure. */
  repeats(
    text: string,
    chunks: readonly Chunk[],
    readByYaml: ReadonlySet<number>,
    lineCounter: LineCounter,
  ): YAMLParseError[] | undefined {
    if (this.candidates.size === 0) return [];
    const found = this.placed.filter((k) => this.candidates.has(k.name));
    for (const [index, chunk] of chunks.entries()) {
      const data = chunk.data;
      if (readByYaml.has(index) || data === undefined) continue;
      if (![...this.candidates].some((name) => Object.hasOwn(data, name))) continue;
      const read = readChunk(text, chunk.start, chunk.end, lineCounter);
      // js-yaml read this chunk clean: were `yaml` to find anything in it, the two disagree.
      if (typeof read === 'string' || read.errors.length > 0 || read.warnings.length > 0) return undefined;
      for (const key of read.keys) if (this.candidates.has(key.name)) found.push(key);
    }
    found.sort((a, b) => a.offset - b.offset);
    const seen = new Map<string, unknown[]>();
    const repeats: YAMLParseError[] = [];
    for (const key of found) {
      const values = seen.get(key.name) ?? [];
      seen.set(key.name, values);
      // As a Set compares: NaN is NaN, and 0 is -0.
      if (values.some((v) => Object.is(v, key.value) || (v === 0 && key.value === 0))) {
        repeats.push(new YAMLParseError([key.offset, key.offset + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
      } else values.push(key.value);
    }
    return repeats;
  }
}
