// A large file with many YAML problems early on, which no quicker route took (load.ts): `yaml`
// reads only a prefix of it, long enough for the report to fill. The chunked routes (yaml-chunks.ts,
// documents.ts) read parts of a file each on its own, and so refuse what a part cannot be read
// without: a `%TAG` whose handle the text uses, a tag on a `---` line, a line less indented than an
// indented root. Those left `yaml` to read all of a 2 MB file of repeated keys, five to six seconds
// for 200 problems on its first lines. A prefix holds everything before its end, so it needs none
// of that; it needs only that `yaml` says of the text before its end what it says in the file.
//
// The prefix ends with a cut line (chunks.ts, CutLines: a plain key as far in as the last
// document's first line with content), which `yaml` must find as the last key of the root map of
// the last document read, or of a map nested as far in in its last value (yaml-chunks.ts,
// lastKeyAt: `k: a: b` on every line): then nothing before it is left open (a quote, a flow collection), and a
// line as far in as the root's keys ends every block scalar or value of the entries before it. What `yaml` says of the text before such a line
// depends on nothing after it (yaml-chunks.ts tells why). Of the complaints that span the whole map,
// a repeated key is said at the repeat, and "Map comment with trailing content" at a place that
// turns on the whole map: a prefix where `yaml` says it is not taken. No line after the cut may
// start a document (`---`, `...`), so the prefix holds every document there is, and the count of
// documents is the file's; nor may any text whose reading reaches far (chunks.ts, lastFarReading:
// a review found a block scalar's header with text after it, which can start a document or, once
// the root may be closed, put an error in the place of the whole document, and an indented `---`
// read as at column 0).
//
// Where `yaml`'s stack runs out (such nesting, a level per line), what it reads depends on the
// stack left: a shorter prefix is read, one that ends halfway there from its first error.
//
// The report is the whole file's where it is full before the cut line (yamlProblemsBefore, fills):
// the problems shown, and a last line saying that the rest was not read.
import type { YAMLError } from 'yaml';
import {
  CHUNKED_FROM_CHARS,
  CutLines,
  FIRST_CONTENT,
  hasOtherBreaks,
  lastFarReading,
  lastMatch,
  rootMayClose,
} from './chunks.js';
import { lineStartOf } from '../text/line-start.js';
import { multipleDocumentsProblem } from './documents.js';
import { positionAt } from './locate.js';
import { countLines, parseQuietly } from './parse-yaml.js';
import { MAX_PROBLEMS_PER_FILE, type Problem, sortProblems, sortedOnce } from './problem.js';
import { EXHAUSTED, fills, lastKeyAt, wholeMapError } from './yaml-chunks.js';
import { LayoutFaults, yamlProblemsBefore } from './yaml-problems.js';
import { tagProblems } from './yaml-tags.js';

/** Sizes from which a text is read by prefix, and of the first prefix; the tests make them small. */
export interface PrefixSizes {
  largeFrom: number;
  /** Each prefix after the first is sized by how many problems the one before held. */
  firstPrefix: number;
}

const SIZES: PrefixSizes = { largeFrom: CHUNKED_FROM_CHARS, firstPrefix: 32_768 };
/** The share of the file all prefixes together may read before the whole-file path is left to. */
const LONGEST_SHARE = 0.25;
const MOST_READS = 4;

const DOCUMENT_LINE = /^(?:---|\.\.\.)/gmu;

/**
 * The report of a large `text` full before a cut line, unsorted and uncapped, and that line
 * (`stoppedAt`); undefined when no prefix within a quarter of the file fills it, or when the text is
 * not one to cut (see the header).
 */
export function prefixProblems(
  text: string,
  faults: LayoutFaults = new LayoutFaults(text),
  sizes: PrefixSizes = SIZES,
): { problems: Problem[]; stoppedAt: number } | undefined {
  if (text.length < sizes.largeFrom || hasOtherBreaks(text)) return undefined;
  // Cuts come after the last line that could start a document, and after the last text whose
  // reading may reach back past them (chunks.ts, lastFarReading).
  const lastDocumentLine = lastMatch(DOCUMENT_LINE, text) + 1;
  // The root map's keys are as far in as the last document's first line with content.
  FIRST_CONTENT.lastIndex = lastDocumentLine;
  const content = FIRST_CONTENT.exec(text);
  if (content === null) return undefined;
  const column = content[1]!.length;
  const far = lastFarReading(text, rootMayClose(text, content.index, column));
  const firstCut = far === -1 ? lastDocumentLine : Math.max(lastDocumentLine, lineStartOf(text, far) + 1);
  const cuts = new CutLines(column);
  let size = sizes.firstPrefix;
  // The last prefix read whole, and how many problems it held; what all prefixes read together.
  let before = { cut: 0, found: 0 };
  let spent = 0;
  for (let reads = 0; reads < MOST_READS; reads++) {
    const cut = cuts.next(text, Math.max(size, firstCut));
    // Past a quarter of the file read in prefixes all told, the attempt ends, and the whole-file
    // path costs at most a quarter more: a file whose problems stop early had prefixes read three
    // quarters of it, then the whole (found by a review).
    spent += cut;
    if (spent > text.length * LONGEST_SHARE) return undefined;
    const read = readPrefix(text, cut, column, faults);
    if (read === 'unsure') return undefined;
    if (read !== undefined && 'retry' in read) {
      size = read.retry;
      before = { cut: 0, found: 0 };
      continue;
    }
    if (read !== undefined && 'stoppedAt' in read) return read;
    if (read === undefined) {
      // The cut line no key of the root (a quote or a flow runs over it): a longer one.
      size = cut * 2;
      continue;
    }
    // Too few problems. The first prefix may be all plan, its mistakes after it: one four times
    // as long. A prefix longer than the last that holds no more has them all near the top (a
    // file of 2 MB with a hundred repeated keys first read 1 MB in prefixes, then all of it:
    // found by a review), or its mistakes anywhere: the whole-file path follows with little
    // spent. Else the next is as long as the problems found in the stretch since the last one say
    // the report needs, half as long again.
    if (reads === 0 && read.found === 0) {
      size = cut * 4;
      continue;
    }
    if (read.found <= before.found) return undefined;
    const rate = (read.found - before.found) / (cut - before.cut);
    const needed = cut + Math.ceil(((MAX_PROBLEMS_PER_FILE + 1 - read.found) / rate) * 1.5);
    size = needed;
    before = { cut, found: read.found };
  }
  return undefined;
}

/**
 * `yaml`'s reading of text[0, cut) and the cut line: the full report before the cut line; or how
 * many problems it holds (`found`) when not full; undefined when the cut line is no root key of
 * the last document; 'unsure' when a complaint spans the whole map.
 */
function readPrefix(
  text: string,
  cut: number,
  column: number,
  faults: LayoutFaults,
): { problems: Problem[]; stoppedAt: number } | { found: number } | { retry: number } | 'unsure' | undefined {
  const lineEnd = text.indexOf('\n', cut);
  const source = text.slice(0, lineEnd === -1 ? text.length : lineEnd + 1);
  const docs = parseQuietly(source);
  const exhausted = docs.flatMap((doc) => doc.errors).find((e) => e.code === EXHAUSTED);
  if (exhausted !== undefined) return retryBefore(docs, exhausted.pos[0]) ?? 'unsure';
  const last = docs.at(-1);
  if (last === undefined || lastKeyAt(last.contents, cut + column) === undefined) return undefined;
  if (docs.some((doc) => doc.errors.some(wholeMapError))) return 'unsure';
  // What `yaml` says from the cut line on is of that line, on which the report below does not
  // reach, and which the file goes on past: a tag or a repeated key there, a value cut short.
  const before = (e: YAMLError): boolean => e.pos[0] < cut;
  const complaints = docs.map((doc, index) => ({
    errors: doc.errors.filter(before),
    warnings: doc.warnings.filter(before),
    later: index > 0,
  }));
  // With no error before the cut (a second document is one), this prefix cannot fill the report;
  // the layout scan of the whole text is left for a prefix that may.
  if (docs.length === 1 && !complaints.some((c) => c.errors.length > 0)) return { found: 0 };
  const lineCounter = countLines(source);
  const at = (offset: number): { line: number; column: number } => positionAt(lineCounter, offset);
  const line = at(cut).line;
  const found = yamlProblemsBefore(complaints, text, at, faults.get(), line);
  if (found === undefined) return undefined;
  const tags = tagProblems(docs[0]!, source, at).filter((p) => p.line < line);
  const documents = docs.length > 1 ? [multipleDocumentsProblem(docs.length, at(secondDocumentAt(text, docs)))] : [];
  const problems = sortedOnce(sortProblems([...documents, ...found, ...tags]));
  return fills(problems) ? { problems, stoppedAt: line } : { found: problems.length };
}

// `yaml`'s stack ran out at `at` (RESOURCE_EXHAUSTION), where its nesting (`k: a: b` on every
// line, a level deeper per line) reached what the stack holds: where, and so what it reads,
// depends on the stack left. A prefix just past the error that fills the report is read instead,
// the same wherever the stack stands, when that error lies halfway there at most from the first
// (where such nesting begins), a margin no stack's difference crosses. Undefined otherwise.
function retryBefore(docs: ReadonlyArray<{ errors: readonly YAMLError[] }>, at: number): { retry: number } | undefined {
  const starts = docs
    .flatMap((doc) => doc.errors)
    .filter((e) => e.code !== EXHAUSTED && e.pos[0] < at)
    .map((e) => e.pos[0])
    .sort((a, b) => a - b);
  const last = starts[MAX_PROBLEMS_PER_FILE];
  if (last === undefined || last > (starts[0]! + at) / 2) return undefined;
  return { retry: last + 1 };
}

const MARKER_LINE = /^---/gmu;

/**
 * Where the error of several documents is said: the first `---` that opens a line after the first
 * document. `yaml` may end the first document mid-line (before an indented `---`, say), where a
 * search of the rest from there took that for the marker (found by a review).
 */
export function secondDocumentAt(text: string, docs: ReadonlyArray<{ range: readonly number[] }>): number {
  MARKER_LINE.lastIndex = docs[0]!.range[1]!;
  const marker = MARKER_LINE.exec(text);
  return marker === null ? docs[1]!.range[0]! : marker.index;
}
