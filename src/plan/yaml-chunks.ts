// The YAML problems of a large file that js-yaml refused, without giving all of it to `yaml`.
// `yaml` takes about three seconds for 2 MB, and when a file has a YAML mistake its report holds
// only the YAML problems. So the file is cut into chunks at lines that can only be top-level keys,
// js-yaml reads each chunk on its own (a tenth of the time), and `yaml` reads only the chunks
// js-yaml refused.
//
// This gives the whole file's problems where every cut falls between two entries of the top-level
// map in `yaml`'s own reading, and where js-yaml, reading a chunk clean, reads it as `yaml` does
// (quick-parse.ts). A cut line is a plain `key:` as far in as the root map's first key (column 0
// in most files; further in only before any line less indented: chunks.ts, rootCuts), which ends
// every open block (a block scalar's or a plain value's lines, a nested map or list, a flow
// collection) and begins a top-level entry, unless a quoted value is still open. A chunk js-yaml
// reads clean has no quoted value spanning lines (quick-parse sends those to `yaml`). For a chunk
// `yaml` reads, the check is `yaml`'s own: it reads the chunk with the next cut line and must
// find that line as the last key of the top-level map, with no complaint from it on; otherwise
// the chunk takes in the next ones.
// (Past a quote left open, complaints from the cut line on are let be, and the rest left unread,
// where nothing there can reach the report: Rest.)
// What `yaml` says before that line cannot depend on what comes after it: its lookahead past a
// line break stops at a line as far in as the root (a quoted value's, once it has a quote to
// close on: QuoteClosers).
//
// A chunk js-yaml refuses only for keys indented by Tabs is judged without `yaml` (tab-keys.ts):
// `yaml` reads it as the chunk without those Tabs, which js-yaml reads clean, with one error over
// the Tabs of each such line. Its keys have no place, so a repeat of one leaves the file to the
// whole-file path.
//
// Repeated keys are the only problem spanning chunks: top-level keys are compared across them.
// Placing a repeat in a chunk js-yaml read clean means finding its key: at its cut line when it
// is one (TopKeys.keysAtCuts), else by `yaml` reading the chunk; should `yaml` complain there, the
// two parsers disagree, and the file takes the whole-file path.
//
// A file with more YAML problems than a report shows is read only until the report is full
// (fullBefore, yamlProblemsBefore): the problems before the next unread chunk are the whole
// file's when nothing past it can change them.
// Files where the cut lines could mean something else are left to the whole-file path: a root
// that does not start on the first line with content, document markers and directives, and line
// breaks that are not LF. Under an indented root, lines past one less indented are not cut.
//
// When the chunks `yaml` reads raise no complaint at all (js-yaml only left an alias, a tag or an
// anchor in a file with aliases to it), the data of the whole document is joined from the parts
// instead (joinParts), for load.ts to judge without reading the whole file. The chunks `yaml` read are joined into
// one document first, at the file's offsets: an alias may name an anchor in another chunk, and
// the aliases are the whole file's, counted and resolved as there.
import {
  type Document,
  type LineCounter,
  type Node,
  type Pair,
  type ParsedNode,
  type YAMLParseError,
  type YAMLError,
  type YAMLMap,
  YAMLWarning,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
} from 'yaml';
import { setOwn } from '../own-property.js';
import { addDuplicateKeyErrors } from './duplicate-keys.js';
import { duplicateKeyError, flowKeyError, tabError } from './yaml-errors.js';
import { tabKeys } from './tab-keys.js';
import { indentedFlowKeys } from './flow-keys.js';
import { repeatedKeys } from './repeated-keys.js';
import { hasAlias, plainScalar } from './quick-parse.js';
import { keyName, positionAt } from './locate.js';
import { countLines, parseQuietly } from './parse-yaml.js';
import { toData } from './to-data.js';
import { walkNodes } from './walk.js';
import { MAX_PROBLEMS_PER_FILE, type Problem, sortProblems, sortedOnce } from './problem.js';
import { type AnchoredEntry, type Chunk, type CutLines, joinMaps, rootCuts } from './chunks.js';
import { standFor } from './anchors.js';
import type { IndentFault } from './indent.js';
import { droppedFrom, layoutFaults, sayOwn, yamlProblems, yamlProblemsBefore } from './yaml-problems.js';
import { tagProblems } from './yaml-tags.js';

/** Past this many chunks read together, a read that must go on takes the rest of the file. */
const LONGEST_DOUBLED = 4;

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
export function chunkedYaml(text: string, chunks: readonly Chunk[]): ChunkedRead | undefined {
  const found = readChunks(text, chunks, text.length);
  if (found === undefined || 'full' in found) return found?.full;
  const report = errorReport(text, found);
  if (report !== undefined) return report;
  const { warnings, tags, parts, stood, faults, at } = found;
  // Nothing for a report of YAML problems: then the data, with the warnings to place among the
  // schema's problems (an unknown tag such as `!luu`). Tag problems are errors.
  if (tags.length > 0) return undefined;
  const joined = joinParts(parts, at);
  if (joined === undefined) return undefined;
  const placed = warnings.length === 0 ? [] : yamlProblems([{ errors: [], warnings }], text, at, faults);
  if (placed.some((p) => p.severity === 'error')) return undefined;
  // Too many aliases: reported with the warnings, as the whole file reports it (found by a fuzzer:
  // an unknown tag's warnings were lost).
  if (!('data' in joined)) return { ...joined, problems: [...joined.problems, ...placed] };
  const warned = placed.length === 0 ? {} : { warned: placed };
  return stood ? { ...joined, ...warned, standIns: true, whole: false } : { ...joined, ...warned };
}

/** The report of the YAML problems of chunks read, when an error is among them. */
function errorReport(text: string, found: ChunksRead): ChunkedRead | undefined {
  const { errors, warnings, tags, unread, faults, at } = found;
  if (errors.length === 0 && !tags.some((t) => t.severity === 'error')) return undefined;
  const problems = yamlProblems([{ errors, warnings }], text, at, faults);
  return { problems: [...problems, ...tags], unread };
}

/**
 * For a file with more aliases than are allowed (load.ts, aliasLimitLoad), whose report is then
 * `yaml`'s errors, or with none the limit's: the report of the errors, as chunkedYaml gives it;
 * with none, the warnings placed, and where the first alias in a chunk `yaml` read is. The data
 * is not asked for: the chunks may stand aliases for scalars (quick-parse.ts, aliasesAlone).
 * Undefined when a chunk is not as it should be.
 */
export function chunkedErrors(
  text: string,
  chunks: readonly Chunk[],
): ChunkedRead | { warned: Problem[]; firstAlias: number | undefined } | undefined {
  const found = readChunks(text, chunks, text.length);
  if (found === undefined || 'full' in found) return found?.full;
  const report = errorReport(text, found);
  if (report !== undefined) return report;
  const { warnings, parts, faults, at } = found;
  // Here every chunk was read (reading stops early only past an error), tag problems are all
  // errors, and warnings alone make no error.
  const warned = warnings.length === 0 ? [] : yamlProblems([{ errors: [], warnings }], text, at, faults);
  let firstAlias: number | undefined;
  for (const part of parts.filter(isRead)) {
    walkNodes(part.doc, (node) => {
      if (isAlias(node) && node.range !== undefined && node.range !== null) {
        const offset = part.start + node.range[0];
        if (firstAlias === undefined || offset < firstAlias) firstAlias = offset;
      }
      return undefined;
    });
  }
  return { warned, firstAlias };
}

/**
 * The complaints `yaml` makes of the first document of a text of several, which ends where a
 * `---` line starts at `end` (documents.ts), read in chunks as chunkedYaml reads a file: its
 * errors (repeated keys among them) and warnings, with the file's offsets, and its tag problems;
 * or the report, when the document alone fills it (the problems before `stoppedAt` are the whole
 * file's, as chunkedYaml's are). Undefined when a chunk is not as it should be.
 */
export function firstDocumentComplaints(
  text: string,
  chunks: readonly Chunk[],
  end: number,
  reading: DocumentReading = {},
): DocumentComplaints | { full: FullRead } | undefined {
  const found = readChunks(text, chunks, end, reading);
  if (found === undefined || 'full' in found) return found;
  return {
    errors: found.errors,
    warnings: found.warnings,
    tags: found.tags,
    swallowed: found.swallowed,
    faults: found.faults,
  };
}

type FullRead = { problems: Problem[]; unread: number; stoppedAt: number };

/** A first document's complaints (firstDocumentComplaints), and the layout faults if a read found them. */
export interface DocumentComplaints {
  errors: YAMLError[];
  warnings: YAMLError[];
  tags: Problem[];
  /** Whether a quote closed nowhere took in the rest of the file: then the file is this one document. */
  swallowed: boolean;
  faults?: IndentFault[] | undefined;
}

/**
 * Whether the complaints before `offset` fill the report, judged by the caller: the report
 * (unsorted) and its line, or undefined. A document after the first (documents.ts) is judged
 * with the documents before it and the layout of the whole file, not of its own text alone.
 */
export type FullJudge = (before: {
  errors: YAMLError[];
  warnings: YAMLError[];
  offset: number;
}) => { problems: Problem[]; stoppedAt: number } | undefined;

/** How the caller has a document read (documents.ts). */
export interface DocumentReading {
  judge?: FullJudge;
  /**
   * Past a quote left open, what becomes of the marker after the document, when the caller knows:
   * the document ends there ('ends'), or a quote closed nowhere takes it in with the rest of the
   * file ('taken', with `wholeText`). Either way the rest of the document may be let be (Rest), as
   * in a file of one document; when taken, the file is that one document (`swallowed`).
   */
  leaveRest?: () => 'ends' | 'taken' | undefined;
  /**
   * Whether `text` is the whole file, so that a quote closed nowhere, which takes in the marker and
   * the rest of the file, may be read to the file's end (`swallowed`).
   */
  wholeText?: true;
  /**
   * The layout faults of the whole file, when `text` is one document of it with what comes before
   * made blanks: past a quote left open, the chunks left unread (Rest) are judged by the layout the
   * report is judged by, not by that of the document alone.
   */
  fileLayout?: () => IndentFault[];
}

interface ChunksRead {
  /** `yaml`'s errors, repeated keys among them, with the file's offsets. */
  errors: YAMLError[];
  warnings: YAMLError[];
  tags: Problem[];
  parts: ReadonlyArray<Record<string, unknown> | ReadPart>;
  stood: boolean;
  /** How many chunks were left unread past a quote left open (Rest). */
  unread: number;
  /** Whether a quote closed nowhere took in the rest of the file, from the document's end on. */
  swallowed: boolean;
  faults: IndentFault[] | undefined;
  at: At;
}

// The chunks of text[0, documentEnd), the whole text or its first document, read as the header
// tells. A document's last read takes a `---` line and the quote closers after it, as
// documents.ts reads one, so that it ends as it ends before the next document.
function readChunks(
  text: string,
  chunks: readonly Chunk[],
  givenEnd: number,
  { judge, leaveRest, wholeText, fileLayout }: DocumentReading = {},
): ChunksRead | { full: FullRead } | undefined {
  let documentEnd = givenEnd;
  let swallowed = false;
  const cuts = rootCuts(documentEnd === text.length ? text : text.slice(0, documentEnd))?.cuts;
  if (cuts === undefined) return undefined;
  const lineCounter = countLines(text);
  const at = (offset: number): { line: number; column: number } => positionAt(lineCounter, offset);

  const errors: YAMLError[] = [];
  const warnings: YAMLError[] = [];
  const duplicates: YAMLError[] = [];
  const tags: Problem[] = [];
  const quotes = new QuoteClosers(text);
  const keys = new TopKeys(cuts, documentEnd, quotes);
  // Chunks `yaml` has read (their keys are placed), js-yaml-clean ones taken in included.
  const readByYaml = new Set<number>();
  // The data of each stretch of the text, in order: js-yaml's, or `yaml`'s document.
  const parts: Array<Record<string, unknown> | ReadPart> = [];
  // Once there is an error the report is of YAML problems and the parts are never joined: they
  // are let go rather than kept alive. A 2 MB file of repeated keys kept every document `yaml`
  // made, and the collector copied them over and over.
  let failed = false;
  const keep = (part: Record<string, unknown> | ReadPart): void => {
    if (!failed) parts.push(part);
  };
  const rest = new Rest(text, chunks, at, cuts.column, fileLayout);
  let aliased: boolean | undefined;
  const fileHasAlias = (): boolean => (aliased ??= hasAlias(text));
  const markerStands = (): boolean => leaveRest?.() === 'ends';
  let read = chunks.length;
  let stood = false;
  let nextLook = MAX_PROBLEMS_PER_FILE + 1;
  // The report of the text before chunk `next`, when it already holds more problems than are
  // shown and nothing past it can change them: a 2 MB file with a repeated key on every line
  // has 420,000 errors, and counting them all had `yaml` read every line. Repeated top-level keys
  // are placed at the repeat, so those past the chunk lie past it too.
  const fullBefore = (next: number): FullRead | undefined => {
    const repeated = keys.repeats(text, chunks.slice(0, next), readByYaml, lineCounter);
    if (repeated === undefined) return undefined;
    const complaints = [{ errors: [...errors, ...duplicates, ...repeated], warnings }];
    if (judge !== undefined) {
      const judged = judge({ ...complaints[0]!, offset: chunks[next]!.start });
      return judged && { ...judged, unread: chunks.length - next };
    }
    const line = at(chunks[next]!.start).line;
    const found = yamlProblemsBefore(complaints, text, at, rest.allFaults(), line);
    if (found === undefined) return undefined;
    const problems = sortedOnce(sortProblems([...found, ...tags.filter((p) => p.line < line)]));
    // With an error among them, as in the whole file: an error past the line (one `yaml` placed on
    // a blank line before it, moved on to the cut line) would otherwise be lost, and the file
    // called valid (found by a review).
    return fills(problems) ? { problems, unread: chunks.length - next, stoppedAt: line } : undefined;
  };
  for (let i = 0; i < read;) {
    const chunk = chunks[i]!;
    const standing = chunk.anchored === undefined ? undefined : standIn(chunk, chunk.anchored);
    if (standing !== undefined) {
      stood = true;
      for (const k of standing.keys) keys.add(i, k.name, k);
      readByYaml.add(i);
      keep(standing);
      i++;
      continue;
    }
    if (chunk.data !== undefined) {
      for (const name of Object.keys(chunk.data)) keys.add(i, name);
      if (chunk.tags !== undefined) localTagWarnings(text, chunk.tags, warnings);
      keep(chunk.data);
      i++;
      continue;
    }
    // Keys indented by Tabs, or keys that are flow collections in indented maps, and nothing else
    // js-yaml refuses: their errors without `yaml`.
    const source = text.slice(chunk.start, chunk.end);
    const tabbed = tabKeys(source);
    const flowKeyed = tabbed === undefined ? indentedFlowKeys(source, !fileHasAlias()) : undefined;
    const repeating = tabbed === undefined && flowKeyed === undefined ? repeatedKeys(source) : undefined;
    // Its keys are at its cut lines, placed there: a key repeated in another chunk is found as
    // for a chunk js-yaml read (left unplaced, it sent the file to the whole-file path: 6 s).
    const addCutKeys = (data: Record<string, unknown>): void => {
      const placed = keys.atCuts(text, { start: chunk.start, end: chunk.end, data });
      if (placed === undefined) for (const name of Object.keys(data)) keys.add(i, name, undefined, true);
      else for (const key of placed) keys.add(i, key.name, key);
    };
    if (tabbed !== undefined) {
      for (const [from, to] of tabbed.tabs) errors.push(tabError(chunk.start + from, chunk.start + to));
      for (const name of Object.keys(tabbed.data)) keys.add(i, name, undefined, true);
      failed = true;
      parts.length = 0;
      i++;
    } else if (flowKeyed !== undefined) {
      for (const at of flowKeyed.errors) errors.push(flowKeyError(chunk.start + at));
      addCutKeys(flowKeyed.data);
      failed ||= flowKeyed.errors.length > 0;
      if (failed) parts.length = 0;
      keep(flowKeyed.data);
      i++;
    } else if (repeating !== undefined) {
      for (const at of repeating.repeats) duplicates.push(duplicateKeyError(chunk.start + at));
      // Each key placed, repeats too, as of a chunk `yaml` read (readChunk).
      for (const { value, at } of repeating.rootKeys) {
        keys.add(i, String(value), { name: String(value), value, offset: chunk.start + at });
      }
      failed ||= repeating.repeats.length > 0;
      if (failed) parts.length = 0;
      keep(repeating.data);
      i++;
    } else {
      // Chunks i..j-1 are read together, with the cut line of chunk j: twice as many each time,
      // then the rest of the file at once. A quote left open near the top takes in every chunk
      // after it, and doubling up to the end read the file twice over.
      for (let j = i + 1; ; j = j - i >= LONGEST_DOUBLED ? chunks.length : Math.min(chunks.length, i + 2 * (j - i))) {
        const start = chunk.start;
        const end = j < chunks.length ? chunks[j]!.start : documentEnd;
        const part = readChunk(text, start, end, lineCounter, quotes, cuts.column, documentEnd, markerStands);
        // A quote closed nowhere in the first document: from it on the file is one quoted value,
        // marker and all, which `yaml` reads quickly. This read and the rest of the file become one,
        // the last. A 2 MB document with one such quote halfway, then `---`, took `yaml` two
        // seconds whole.
        if (part === 'swallows' && wholeText === true && !swallowed) {
          swallowed = true;
          documentEnd = text.length;
          j = chunks.length;
          continue;
        }
        if (part === 'unsure' || part === 'swallows') return undefined;
        if (part === 'longer') continue;
        // Of a read to the document's end the map's last such item is in the read: every one
        // before it had a key follow it, the cut line, and its own read gave way.
        if (j < chunks.length && part.errors.some(wholeMapError)) return undefined;
        const stop = rest.dropped(part, j);
        // Before another document, past a quote left open: whether the document ends at the
        // marker, or a quote closed nowhere takes it in (then the file is one document), turns
        // on the chunks that would be left unread, unless the caller knows. documents.ts reads
        // such a document as before.
        if (stop && documentEnd < text.length) {
          const fate = leaveRest?.();
          if (fate === undefined || (fate === 'taken' && wholeText !== true)) return undefined;
          if (fate === 'taken') swallowed = true;
        }
        if (part.spills && !stop) continue;
        for (const e of part.errors) errors.push(e);
        for (const w of part.warnings) warnings.push(w);
        for (const d of part.duplicates) duplicates.push(d);
        for (const t of part.tags) tags.push(t);
        for (const k of part.keys) keys.add(i, k.name, k);
        for (let c = i; c < j; c++) readByYaml.add(c);
        failed ||= errors.length > 0 || duplicates.length > 0 || tags.some((t) => t.severity === 'error');
        if (failed) parts.length = 0;
        keep(part);
        i = j;
        if (stop) read = j;
        break;
      }
    }
    // A report full before chunk i ends the reading there; looked at each time the complaints double.
    const complaints = errors.length + warnings.length + duplicates.length + tags.length;
    if (failed && i < read && complaints >= nextLook) {
      nextLook = complaints * 2;
      const full = fullBefore(i);
      if (full !== undefined) return { full };
    }
  }
  const repeated = keys.repeats(text, chunks.slice(0, read), readByYaml, lineCounter);
  if (repeated === undefined) return undefined;
  return {
    errors: [...errors, ...duplicates, ...repeated],
    warnings,
    tags,
    parts,
    stood,
    unread: chunks.length - read,
    swallowed,
    faults: rest.faults(),
    at,
  };
}

/**
 * What `yaml` says of each local tag js-yaml read in a chunk (Chunk.tags), one it does not know,
 * added to `warnings`. Without the stacks no one reads, as parseQuietly makes them: capturing
 * 136,000 took a second.
 */
export function localTagWarnings(
  text: string,
  tags: ReadonlyArray<readonly [number, number]>,
  warnings: YAMLError[],
): void {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const [start, end] of tags)
      warnings.push(new YAMLWarning([start, end], 'TAG_RESOLVE_FAILED', `Unresolved tag: ${text.slice(start, end)}`));
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

// An anchored entry js-yaml read (chunks.ts, anchoredEntry), as a part `yaml` read: `key: &name`
// with a scalar that holds the entry's data, marked to count in the aliases as the nodes it
// stands for. Its positions are the key's; inside the value there are none.
const MAX_STAND_IN_DEPTH = 200;

function standIn(chunk: Chunk, entry: AnchoredEntry): ReadPart | undefined {
  const [doc] = parseQuietly(`${entry.key}: &${entry.anchor} x\n`);
  const pair = doc !== undefined && isMap(doc.contents) ? doc.contents.items[0] : undefined;
  const value = pair?.value;
  if (doc === undefined || doc.errors.length > 0 || !isScalar(pair?.key) || !isScalar(value)) return undefined;
  if (standFor(value, entry.value, MAX_STAND_IN_DEPTH) === undefined) return undefined;
  value.value = entry.value;
  const length = chunk.end - chunk.start;
  value.range = [value.range[0], length, length];
  const key: TopKey = { name: entry.key, value: entry.key, offset: chunk.start };
  return new ReadPart(doc, chunk.start, true, false, [], [], [], [], [key], false);
}

/**
 * What the chunks gave: the YAML problems to report (with how many chunks were left unread past a
 * quote left open or a full report, for the tests, and the line from which a full report left the
 * file unread: `stoppedAt`); or the data when there are none, with the
 * chunks `yaml` read joined into one document whose ranges are the file's offsets (`read`, for
 * locateFirst to place problems behind an alias), and whether locate.ts names each key there as
 * the data does (`namedKeys`: a key that is or holds an alias is left unnamed, and locateFirst's
 * prefix cannot be trusted to hold what the data holds).
 */
export type ChunkedRead =
  | { problems: Problem[]; unread: number; stoppedAt?: number }
  | {
      data: Record<string, unknown>;
      /** Absent when js-yaml read every chunk (local tags in them: Chunk.tags). */
      read?: Document.Parsed<ParsedNode>;
      namedKeys: boolean;
      /** Whether `yaml` read every chunk: `read` is then the whole file's document. */
      whole: boolean;
      standIns?: true;
      /** `yaml`'s warnings, located: the whole file reports them among the schema's problems. */
      warned?: Problem[];
    };

// The whole document's data. The chunks `yaml` read become one document, so that an alias may
// name an anchor in an earlier chunk and every alias is counted as in the whole file; js-yaml's
// chunks hold no alias, and an anchor only in a file without aliases (which nothing can name), so
// they are joined to its data as they are. The whole file's
// alias problems are reported from it: its aliases are the file's, in the file's order.
function joinParts(parts: ReadonlyArray<Record<string, unknown> | ReadPart>, at: At): ChunkedRead | undefined {
  const read = parts.filter(isRead);
  const first = read[0];
  if (first === undefined) {
    // Every chunk js-yaml's, some with local tags, whose warnings are all there is from `yaml`.
    const data = joinMaps(parts as ReadonlyArray<Record<string, unknown>>);
    return data && { data, namedKeys: true, whole: false };
  }
  const pieces: Array<Array<Pair<ParsedNode, ParsedNode | null>>> = [];
  for (const part of read) {
    const items = (part.doc.contents as YAMLMap<ParsedNode, ParsedNode | null>).items;
    // The cut line read with this part belongs to the next one.
    if (!part.last) items.pop();
    shiftRanges(items, part.start);
    pieces.push(items);
  }
  const doc = first.doc;
  const root = doc.contents as YAMLMap<ParsedNode, ParsedNode | null>;
  root.items = pieces.flat();
  const data = toData(doc, at);
  if ('problem' in data) return { problems: [data.problem], unread: 0 };
  const value = data.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const object = value as Record<string, unknown>;
  // Back into the file's order, each part's keys as toJS named them.
  const maps: Array<Record<string, unknown>> = [];
  let named = 0;
  // Each top-level key's name, asked again by namedKeys: naming a list key is yaml's toJS of a
  // map, and 100,000 of them took a second each time.
  const names = new Map<unknown, string>();
  for (const part of parts) {
    if (!isRead(part)) {
      maps.push(part);
      continue;
    }
    const map: Record<string, unknown> = {};
    for (const pair of pieces[read.indexOf(part)]!) {
      const name = keyName(doc, pair.key);
      if (name === undefined) return undefined;
      names.set(pair.key, name);
      if (!Object.hasOwn(object, name) || Object.hasOwn(map, name)) return undefined;
      setOwn(map, name, object[name]);
      named++;
    }
    maps.push(map);
  }
  // Two keys `yaml` tells apart (`1` and "1") that are one name in the data.
  if (named !== Object.keys(object).length) return undefined;
  const joined = joinMaps(maps);
  if (joined === undefined) return undefined;
  return { data: joined, read: doc, namedKeys: namedKeys(doc, names), whole: read.length === parts.length };
}

type At = (offset: number) => { line: number; column: number };

// Every key named as the data names it (keyName): a key that is or holds an alias is not, and
// locateFirst could not follow a path through it. js-yaml-clean chunks have none.
function namedKeys(doc: Document.Parsed<ParsedNode>, names: ReadonlyMap<unknown, string>): boolean {
  let named = true;
  walkNodes(doc, (node) => {
    if (!isPair(node)) return undefined;
    named = names.has(node.key) || keyName(doc, node.key) !== undefined;
    return named ? undefined : false;
  });
  return named;
}

/** Moves the ranges of every node under `items` by `by`: a chunk's offsets become the file's. */
function shiftRanges(items: ReadonlyArray<Pair<ParsedNode, ParsedNode | null>>, by: number): void {
  if (by === 0) return;
  const shift = (node: Node | Pair): undefined => {
    if (isNode(node) && node.range) node.range = [node.range[0] + by, node.range[1] + by, node.range[2] + by];
    return undefined;
  };
  for (const pair of items) {
    walkNodes(pair.key, shift);
    walkNodes(pair.value, shift);
  }
}

// What the chunks not yet read can still add to a report of YAML problems. Past a quote or
// bracket left open, yamlProblems drops every error once one lies there (droppedFrom), so reading
// on can only add warnings and tag problems. `yaml` gives those only for a tag (`!`), an anchor or
// an alias (`&`, `*`) or a flow collection (`[`, `{`); cutChunks refuses directives; and a chunk
// js-yaml read clean holds nothing `yaml` complains of (quick-parse.ts), when `yaml` starts it
// afresh. It does at a cut line, unless something before runs on over lines as far in as the
// root: a flow collection, or a quote opened where a root key starts (a quoted key; after Tabs
// too, which `yaml` does not count as indentation: found by a review), which `yaml` reads on to
// the next quote, perhaps in the middle of a clean chunk's comment, and reads the rest of that
// line as YAML. (A quote opened further in ends at the next cut line; so does a block scalar.)
// So once a read has an error on or past that line, the chunks after it are left unread when
// none of them that js-yaml refused holds one of those characters or a quote where a root key
// would start. A quote left open at the top of 2 MB, with one on every line after it, took
// `yaml` five seconds to read to the end.
class Rest {
  private layout: IndentFault[] | undefined;
  private marked: number | undefined;

  constructor(
    private readonly text: string,
    private readonly chunks: readonly Chunk[],
    private readonly at: At,
    private readonly column: number,
    private readonly fileLayout?: () => IndentFault[],
  ) {}

  /** The layout faults, when a read needed them. */
  faults(): IndentFault[] | undefined {
    return this.layout;
  }

  /** The layout faults of the whole text, found now if no read needed them yet. */
  allFaults(): IndentFault[] {
    return (this.layout ??= this.fileLayout?.() ?? layoutFaults(this.text));
  }

  /** Whether nothing past `part`, read with the cut line of chunk `next`, can change the report. */
  dropped(part: ReadPart, next: number): boolean {
    // A warning past the cut may belong to what stands before it. The errors are those the report
    // judges with: one about a tag tagProblems speaks of keeps no fault (yaml-problems.ts).
    const errors = part.errors.filter(sayOwn);
    if (errors.length === 0 || part.warnsPast) return false;
    const from = droppedFrom(this.allFaults());
    if (from === undefined || !errors.some((e) => this.at(e.pos[0]).line >= from)) return false;
    // Past the document's end nothing is composed: no tag, anchor or flow collection after it warns.
    return part.ended || next > this.lastMarked();
  }

  /**
   * The last chunk js-yaml refused that holds `!`, `&`, `*`, `[`, `{` or a line opening with a
   * quote, or that it read with local tags, whose warnings the whole file keeps (found by a review:
   * they were lost past a quote left open); -1 if none.
   */
  private lastMarked(): number {
    if (this.marked === undefined) {
      this.marked = -1;
      const marked = new RegExp(String.raw`[!&*[{]|^ {${this.column}}(?:\t[ \t]*)?["']`, 'mu');
      for (const [index, { start, end, data, tags }] of this.chunks.entries()) {
        if (tags !== undefined || (data === undefined && marked.test(this.text.slice(start, end)))) this.marked = index;
      }
    }
    return this.marked;
  }
}

function isRead(part: Record<string, unknown> | ReadPart): part is ReadPart {
  return part instanceof ReadPart;
}

class ReadPart {
  constructor(
    readonly doc: Document.Parsed<ParsedNode>,
    readonly start: number,
    readonly last: boolean,
    /** `yaml` complained at or past the cut line; those complaints are left out of the lists. */
    readonly spills: boolean,
    readonly errors: YAMLError[],
    readonly warnings: YAMLError[],
    readonly duplicates: YAMLError[],
    readonly tags: Problem[],
    readonly keys: TopKey[],
    /** A warning among the complaints left out. */
    readonly warnsPast: boolean,
    /** Whether the document ended before the cut line (readChunk). */
    readonly ended = false,
  ) {}
}

/** Whether problems make a full report: more than are shown, an error among them, as in the whole file. */
export function fills(problems: readonly Problem[]): boolean {
  return problems.length > MAX_PROBLEMS_PER_FILE && problems.some((p) => p.severity === 'error');
}

type Read = ReadPart | 'longer' | 'unsure' | 'swallows';

// `yaml` reads text[start, end) and the cut line at `end`, if any, whose key is `column` spaces in;
// at the end of a first document (`documentEnd`), a `---` line and the quote closers instead.
// Offsets become the file's.
function readChunk(
  text: string,
  start: number,
  end: number,
  lineCounter: LineCounter,
  quotes: QuoteClosers,
  column: number,
  documentEnd = text.length,
  markerStands?: () => boolean,
): Read {
  const last = end === documentEnd;
  const marker = last && documentEnd < text.length;
  const lineEnd = text.indexOf('\n', end);
  const sourceEnd = last || lineEnd === -1 ? documentEnd : lineEnd + 1;
  const closing = quotes.from(marker ? documentEnd : sourceEnd);
  const source = text.slice(start, sourceEnd) + (marker ? `---\n${closing}` : closing);
  const cut = end - start;
  const docs = parseQuietly(source, { duplicates: false });
  const doc = docs[0];
  // In a first document, a quote left open of a kind no closer was given for, running on to the
  // read's end: none of its kind follows it, in the read or after it, so in the file it takes in
  // the marker and the rest of the file ('swallows'). (`yaml` says the same of a quote a line or a
  // marker ended before its closer; such a quote ends before the read's end.)
  if (
    documentEnd < text.length &&
    doc !== undefined &&
    doc.errors.some((e) => unclosedQuote(e, closing) && e.pos[0] >= sourceEnd - start)
  )
    return 'swallows';
  // After a `---`, the next document; with none, a quote left open took the marker in.
  if (docs.length !== (marker ? 2 : 1) || doc === undefined || (marker && !quiet(docs[1]))) return 'unsure';
  // Any other quote left open of such a kind: what the document holds is no longer the question,
  // unless the caller knows the marker stands (the read, up to the marker, is then the file's).
  // Said at once: reading on to learn it read a 2 MB document opening with one twice.
  if (documentEnd < text.length && doc.errors.some((e) => unclosedQuote(e, closing)) && markerStands?.() !== true)
    return 'unsure';
  // `yaml`'s stack ran out (RESOURCE_EXHAUSTION): where, and so what it read, depends on the
  // stack left, and longer reads only nest deeper. A prefix is read instead (yaml-prefix.ts).
  if (docs.some((d) => d.errors.some((e) => e.code === EXHAUSTED))) return 'unsure';
  const root = doc.contents;
  // The last chunk has no cut line to check, and cannot take in more.
  if (!isMap(root) || root.flow === true) return start === 0 || last ? 'unsure' : 'longer';
  // The document ended before the cut line: `yaml` takes its key for a token after the document.
  // With no marker line in the text after it, no document starts again, and nothing after is
  // read into one (Rest.dropped). A 2 MB file with a bracket closing at the margin in every entry
  // had every read doubled up to the whole file (7.2 s).
  const ended = !last && doc.errors.some((e) => e.pos[0] === cut + column && STREAM_TOKEN.test(e.message));
  if (!last && !ended) {
    const found = lastKeyAt(root, cut + column);
    // A key of a map nested in the root's last value: the keys after it are not the root's, and
    // the chunks cannot be compared; a prefix is read instead (yaml-prefix.ts).
    if (found === 'nested') return 'unsure';
    if (found === undefined) return 'longer';
  }
  // Complaints at or past the cut line are about that line, cut short here, or about something
  // before it that only ends there (a flow list left open): such a read is taken only where
  // nothing from there on can reach the report (Rest).
  const spills = !last && [...doc.errors, ...doc.warnings].some((e) => e.pos[0] >= cut);
  const before = (e: YAMLError): boolean => last || e.pos[0] < cut;
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
    start,
    last,
    spills,
    doc.errors.filter(before).map(shift),
    doc.warnings.filter(before).map(shift),
    duplicates,
    tagProblems(doc, source, at).filter((p) => last || p.line < cutLine),
    keys,
    doc.warnings.some((w) => !before(w)),
    ended,
  );
}

/** `yaml`'s error when its stack runs out while it nests collections. */
export const EXHAUSTED = 'RESOURCE_EXHAUSTION';

/**
 * Whether the key at `at` is the last key of `root`, a block map ('root'), or of a block map
 * nested in the last value of one such, at any depth ('nested'): `yaml` reads `k: a: b` as a key
 * whose value is a map as far in as the root, and takes each line as far in after it into that
 * map, a level deeper per line (a 2 MB file of such lines was read whole: 2.7 s). A line so taken
 * ends what is before it as a root key does. A loop, not recursion: the maps may be as deep as the
 * lines are many.
 */
export function lastKeyAt(root: unknown, at: number): 'root' | 'nested' | undefined {
  for (let node = root; isMap(node) && node.flow !== true;) {
    const last = node.items.at(-1);
    if (isScalar(last?.key) && last.key.range?.[0] === at) return node === root ? 'root' : 'nested';
    node = last?.value;
  }
  return undefined;
}

// What `yaml` says of a token where no document is open (parser.ts, stream).
const STREAM_TOKEN = /^Unexpected \S+ token in YAML stream/u;

// A quote left open reads in `yaml` up to the next quote of its kind, then back to the first line
// that does not go on with it. In the whole file that line lies at or before the cut line (a key
// as far in as the root does not go on with a value), wherever the next quote is. In a chunk
// without the next quote, the value ran on to the chunk's end and took in the cut line, and every
// read was too short up to one that held that quote: a quote left open at the top of 2 MB and
// closed at the end had `yaml` read it all. So the read gets one line more after the cut line, a
// comment holding a quote of each kind that closes somewhere further on in the file (as `yaml`
// finds a closing one: a double quote after an even number of backslashes, a single quote not
// doubled). A value left open then ends where it ends in the whole file; one that closes nowhere
// runs on to the end, as there. QuoteClosers.from gives that line.

/**
 * Where a quote left open could still close in a text, found once: asked for each document of a
 * file, a search from each one's end to the end of the text made 25,000 short documents then a
 * large one (2 MB) cost a second in searching alone.
 */
export class QuoteClosers {
  /** The last double quote that closes one (after an even number of backslashes), or -1. */
  private readonly lastDouble: number;
  /** Where the last run of single quotes of odd length starts, or -1: its last quote closes one, being doubled with none. */
  private readonly lastOddRun: number;

  constructor(private readonly text: string) {
    let double = text.lastIndexOf('"');
    while (double !== -1 && backslashesBefore(text, double) % 2 === 1) double = text.lastIndexOf('"', double - 1);
    this.lastDouble = double;
    let oddRun = -1;
    for (let at = text.lastIndexOf("'"); at !== -1;) {
      const start = runStart(text, at);
      if ((at - start) % 2 === 0) {
        oddRun = start;
        break;
      }
      at = start === 0 ? -1 : text.lastIndexOf("'", start - 1);
    }
    this.lastOddRun = oddRun;
  }

  /** The comment line for a read ending at `from`: the quote kinds that close somewhere from there on. */
  from(from: number): string {
    const double = this.lastDouble >= from ? '"' : '';
    const single = this.closesSingle(from) ? "'" : '';
    return double === '' && single === '' ? '' : `#${double}${single}\n`;
  }

  // A search from `from` pairs single quotes from the first it meets: a run wholly past `from` of
  // odd length ends in a closer, and so does a run `from` falls inside, when what is left of it is odd.
  private closesSingle(from: number): boolean {
    if (this.lastOddRun >= from) return true;
    const { text } = this;
    if (from === 0 || text[from - 1] !== "'" || text[from] !== "'") return false;
    let end = from;
    while (text[end] === "'") end++;
    return (end - from) % 2 === 1;
  }
}

function backslashesBefore(text: string, at: number): number {
  let count = 0;
  while (text[at - 1 - count] === '\\') count++;
  return count;
}

function runStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && text[start - 1] === "'") start--;
  return start;
}

/**
 * Whether the document a read makes of the `---` line it was given (and the quote closers) has
 * nothing to say, if there is one: `yaml` gives it what the read document leaves at the stream's
 * level, such as a `%x` after a block scalar's header once the root has closed (found by a
 * review: its warning and the error after it were lost), which in the file is that document's.
 */
export function quiet(doc: { errors: readonly unknown[]; warnings: readonly unknown[] } | undefined): boolean {
  return doc === undefined || (doc.errors.length === 0 && doc.warnings.length === 0);
}

/** Whether `yaml` says a quote has no closing one, of a kind `closing` (QuoteClosers.from) does not hold. */
function unclosedQuote(error: YAMLError, closing: string): boolean {
  const quote = error.code === 'MISSING_CHAR' ? /^Missing closing (["'])quote/u.exec(error.message)?.[1] : undefined;
  return quote !== undefined && !closing.includes(quote);
}

// `yaml` says this of a block map once, at the last of its items that hold no key (a flow key or
// a block scalar's header opening a line after a blank one makes one), when a key follows it: so
// of the root map, at a place that turns on the whole file, and each chunk read would say it of
// its own (found by a review). Such a file is left to the whole-file path.
export function wholeMapError(error: YAMLError): boolean {
  return error.code === 'IMPOSSIBLE' && error.message.startsWith('Map comment with trailing content');
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
  private readonly cleanKeys = new Map<number, TopKey[] | undefined>();
  private readonly cutKeys = new Map<number, Map<string, TopKey> | null>();
  private readonly unplaced = new Set<string>();

  constructor(
    private readonly cuts: CutLines,
    private readonly documentEnd: number,
    private readonly quotes: QuoteClosers,
  ) {}

  /** `unplaced`: the key is in a chunk whose keys cannot be placed (tab-keys.ts); a repeat of it leaves the file to the whole-file path. */
  add(chunk: number, name: string, placed?: TopKey, unplaced = false): void {
    if (unplaced) this.unplaced.add(name);
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
    if ([...this.candidates].some((name) => this.unplaced.has(name))) return undefined;
    const found = this.placed.filter((k) => this.candidates.has(k.name));
    for (const [index, chunk] of chunks.entries()) {
      const data = chunk.data;
      if (readByYaml.has(index) || data === undefined) continue;
      if (![...this.candidates].some((name) => Object.hasOwn(data, name))) continue;
      const keys = this.keysOf(text, chunk, index, lineCounter);
      if (keys === undefined) return undefined;
      for (const key of keys) if (this.candidates.has(key.name)) found.push(key);
    }
    found.sort((a, b) => a.offset - b.offset);
    const seen = new Map<string, Set<unknown>>();
    const repeats: YAMLParseError[] = [];
    for (const key of found) {
      // As addDuplicateKeyErrors compares: by value, 0 being -0, a NaN equal to nothing.
      if (typeof key.value === 'number' && Number.isNaN(key.value)) continue;
      let values = seen.get(key.name);
      if (values === undefined) {
        values = new Set();
        seen.set(key.name, values);
      }
      if (values.has(key.value)) repeats.push(duplicateKeyError(key.offset));
      else values.add(key.value);
    }
    return repeats;
  }

  /**
   * The keys of a chunk js-yaml read clean, as `yaml` reads them; undefined if `yaml` finds anything
   * there (then the two parsers disagree). Kept: a report is looked at several times before the
   * file's end (chunkedYaml), and each time asks for the chunks before it.
   */
  private keysOf(text: string, chunk: Chunk, index: number, lineCounter: LineCounter): TopKey[] | undefined {
    const atCuts = this.keysAtCuts(text, chunk, index);
    if (atCuts !== undefined) return atCuts;
    if (this.cleanKeys.has(index)) return this.cleanKeys.get(index);
    const read = readChunk(text, chunk.start, chunk.end, lineCounter, this.quotes, this.cuts.column, this.documentEnd);
    const clean = typeof read !== 'string' && !read.spills && read.errors.length === 0 && read.warnings.length === 0;
    const keys = clean ? read.keys : undefined;
    this.cleanKeys.set(index, keys);
    return keys;
  }

  /** The keys at the cut lines of a chunk read without `yaml`, each a key of its data once; undefined if not so. */
  atCuts(text: string, chunk: Chunk): TopKey[] | undefined {
    const keys = this.cutKeysOf(text, chunk);
    return keys !== null && keys.size === Object.keys(chunk.data!).length ? [...keys.values()] : undefined;
  }

  /** The keys at the cut lines of a chunk, by name; null unless each is a key of its data, once. */
  private cutKeysOf(text: string, chunk: Chunk): Map<string, TopKey> | null {
    const keys = new Map<string, TopKey>();
    for (const { key, offset } of this.cuts.keys(text, chunk.start, chunk.end)) {
      const value = plainScalar(key);
      const name = String(value);
      // Each cut line a key of the data, once: else the lines are not read as they should be.
      if (!Object.hasOwn(chunk.data!, name) || keys.has(name)) return null;
      keys.set(name, { name, value, offset });
    }
    return keys;
  }

  /**
   * The keys of a chunk js-yaml read clean that are cut lines, placed without `yaml`, when every
   * candidate of the chunk is one: in such a chunk a cut line can only be a top-level key
   * (chunks.ts), and no two keys share a name, so the one cut line with a candidate's name is
   * that key, a plain scalar that `yaml` resolves as js-yaml does (plainScalar). Undefined when a
   * candidate is written otherwise (quoted, say). A 2 MB file with one key repeated in every chunk
   * had `yaml` read every chunk to place the repeats.
   */
  private keysAtCuts(text: string, chunk: Chunk, index: number): TopKey[] | undefined {
    const data = chunk.data!;
    let keys = this.cutKeys.get(index);
    if (keys === undefined) {
      keys = this.cutKeysOf(text, chunk);
      this.cutKeys.set(index, keys);
    }
    if (keys === null) return undefined;
    for (const name of this.candidates) if (Object.hasOwn(data, name) && !keys.has(name)) return undefined;
    return [...keys.values()];
  }
}
