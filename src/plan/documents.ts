// A large file of several YAML documents (`---` lines). Its report holds the YAML problems only:
// a plan file holds one plan, so a second document is itself an error, and the schema is never
// asked. `yaml` used to read the whole file for them, three seconds for 2 MB. Here each document
// js-yaml reads clean (in chunks, when it is large) is known to hold nothing `yaml` complains of
// (quick-parse.ts), and `yaml` reads only the others, each from its own `---` line to the next;
// a large one in chunks, as a file is (yaml-chunks.ts), when its marker is bare.
//
// Why a document may be read alone: `yaml` ends every scalar, block and flow collection at a `---`
// line at column 0, and starts a document there afresh. So a document's text, then a `---` line
// as the next one's, is read as in the whole file: the same bytes up to that line, and nothing the
// parser does before it looks further on, but for a quote left open (see below). One js-yaml
// reads clean, with its own marker made blank (splitDocuments lets through only markers with at
// most a comment after them), has nothing open at its end, so it ends alike at the end of the text
// and at the next marker.
import { type YAMLError, isMap, isScalar } from 'yaml';
import {
  CHUNKED_FROM_CHARS,
  CHUNK_CHARS,
  type Chunk,
  type DocumentSplit,
  blankFrame,
  blankMarker,
  blankOrComments,
  cutChunks,
  joinChunks,
} from './chunks.js';
import { tabKeys } from './tab-keys.js';
import { tabError } from './yaml-errors.js';
import { positionAt } from './locate.js';
import { countLines, parseQuietly } from './parse-yaml.js';
import { formatCount } from './issue.js';
import { type Problem, sortProblems, sortedOnce } from './problem.js';
import { jsonData, quickParse } from './quick-parse.js';
import {
  type DocumentReading,
  type FullJudge,
  QuoteClosers,
  fills,
  firstDocumentComplaints,
  quiet,
} from './yaml-chunks.js';
import type { IndentFault } from './indent.js';
import { type Complaints, LayoutFaults, droppedFrom, yamlProblems, yamlProblemsBefore } from './yaml-problems.js';
import { tagProblems } from './yaml-tags.js';
import { type LexedDocuments, lexDocuments } from './lex-documents.js';

/** The error of a file with `count` documents, at the line that starts the second. */
export function multipleDocumentsProblem(count: number, at: { line: number; column: number }): Problem {
  return {
    rule: 'yaml-multiple-documents',
    severity: 'error',
    path: '',
    ...at,
    message: `Tệp có ${formatCount(count)} tài liệu YAML (ngăn bởi dòng \`---\`), mà mỗi tệp chỉ chứa một kế hoạch: hãy tách mỗi kế hoạch ra một tệp riêng, hoặc xóa dòng \`---\` này.`,
  };
}

/** Sizes from which documents are read in chunks, and of a chunk (chunks.ts); the tests make them small. */
export interface DocumentSizes {
  largeFrom: number;
  chunkChars: number;
}

const SIZES: DocumentSizes = { largeFrom: CHUNKED_FROM_CHARS, chunkChars: CHUNK_CHARS };

/**
 * The problems of a text of two or more `---` lines' documents, unsorted, as the whole-file path
 * finds them, with the line from which the text was left unread when the first document alone
 * fills the report (`stoppedAt`: yaml-chunks.ts); undefined when `yaml` does not read a document
 * as it should, or when it finds one document with no error (a quote closed nowhere takes in every
 * marker after it), whose report is the schema's.
 */
export function documentsProblems(
  text: string,
  split: DocumentSplit,
  sizes: DocumentSizes = SIZES,
  layout: LayoutFaults = new LayoutFaults(text),
): { problems: Problem[]; stoppedAt?: number } | undefined {
  const lineCounter = countLines(text);
  const at = (offset: number): { line: number; column: number } => positionAt(lineCounter, offset);
  // The first document runs from the start of the text: only blank and comment lines (and a
  // `%YAML 1.2`) come before its own marker, if it has one.
  const starts = [0, ...(split.leading ? split.markers : split.markers.slice(1))];
  // Documents after an end line with no `---` of their own (splitDocuments), and where the error of
  // several documents is said, as the whole-file path finds it: the first `---` line after the
  // first document, else the second document's start.
  const unmarked = new Set(split.unmarked);
  const second = starts.slice(1).find((start) => !unmarked.has(start)) ?? starts[1]!;
  const complaints: Complaints[] = [];
  const tags: Problem[] = [];
  const endOf = (index: number): number => starts[index + 1] ?? text.length;
  const quotes = new QuoteClosers(text);
  // The text as the first document is read without `yaml`: a bare marker opening it (and the
  // directive before) made blanks, as load-quick.ts does for a file's only document. After a
  // marker with a value on its line, `yaml` reads it all.
  const firstView = split.leading ? text : split.bare[0] ? blankFrame(text, split) : undefined;
  // A large first document is read in chunks as a file is (yaml-chunks.ts): a 2 MB document of
  // repeated keys, or of quotes left open, then a `---`, took `yaml` three to seven seconds
  // whole, and as long when it opened with its own `---`. Should its chunks not be as they should
  // be, it is read as the others. Cut once: cleanPrefix takes the same chunks then.
  const firstChunks =
    firstView !== undefined && endOf(0) >= sizes.largeFrom
      ? cutChunks(firstView.slice(0, endOf(0)), sizes.chunkChars)
      : undefined;
  // Where `yaml`'s lexer starts each document (lex-documents.ts), found when asked: the count of
  // documents turns on quotes closed nowhere, which only `yaml`'s reading places.
  let lexedDocuments: LexedDocuments | undefined;
  const lexed = (): LexedDocuments => (lexedDocuments ??= lexDocuments(text));
  // Past a quote left open in the first document the rest of it may be let be, as in a file of
  // one document (yaml-chunks.ts, Rest), when no quote in it can take the marker in: each kind
  // found there closes somewhere after it, so one left open ends at the marker. The documents
  // after it are read as ever. A 2 MB document with a quote left open on its first line, then
  // `---` and a quoted value, took `yaml` three seconds whole. Otherwise the lexer tells: a second
  // document where the marker is, or one quote that runs from the first document to the end, so
  // that the file is that document. A 2 MB document with a quote on every line, the last closed
  // nowhere, then `---`, took `yaml` three seconds whole.
  const leaveRest = (): 'ends' | 'taken' | undefined => {
    if (closesAfter(text, quotes, 0, endOf(0))) return 'ends';
    const { starts: found, toEnd } = lexed();
    if (found.length === 1) return toEnd !== -1 && toEnd < endOf(0) ? 'taken' : undefined;
    return found[1] === starts[1] ? 'ends' : undefined;
  };
  const first = firstChunks && firstDocument(firstView!, endOf(0), firstChunks, { leaveRest, wholeText: true });
  if (first !== undefined && 'full' in first) return { problems: first.full.problems, stoppedAt: first.full.stoppedAt };
  if (first !== undefined) {
    complaints.push({ errors: first.errors, warnings: first.warnings });
    for (const p of first.tags) tags.push(p);
    // A quote closed nowhere took in every marker after it: the file is that one document. With
    // no error (a file ending in `''` or `\"`, which close nothing, has `yaml` say nothing of the
    // quote), its report is the schema's (found by a review: such a file was called clean).
    if (first.swallowed) {
      const problems = [...yamlProblems(complaints, text, at, first.faults), ...tags];
      return problems.some((p) => p.severity === 'error') ? { problems } : undefined;
    }
  }
  // Each document js-yaml refused, from where `yaml` must read it; or, large after a bare marker,
  // to be read in chunks as the first is (`chunked`).
  let count = starts.length;
  let refused: Array<{ index: number; from: number; keys: ReadonlySet<string>; chunked?: true }> = [];
  let refusedChars = 0;
  // The Tab errors of each document, kept until it is known which documents there are: a quote
  // closed nowhere makes the rest of the file one value (found by a review).
  const tabbed = new Map<number, YAMLError[]>();
  // The layout faults of the whole text, once a report is judged with them: found once, and kept
  // for the whole-file path should the documents give way (load.ts).
  let faults: IndentFault[] | undefined;
  const fileFaults = (): IndentFault[] => (faults ??= layout.get());
  for (const [index, start] of starts.entries()) {
    if (index === 0 && first !== undefined) continue;
    const own = text.slice(start, endOf(index));
    const marker = split.leading ? index - 1 : index;
    // A value on the marker's line: `yaml` reads the document from its marker.
    const clean =
      index === 0
        ? firstView === undefined
          ? nothing
          : cleanPrefix(firstView.slice(0, endOf(0)), sizes, firstChunks)
        : split.bare[marker]
          ? cleanPrefix(unmarked.has(start) ? own : blankMarker(own, 0), sizes)
          : nothing;
    if (clean.tabs.length > 0)
      tabbed.set(
        index,
        clean.tabs.map(([from, to]) => tabError(start + from, start + to)),
      );
    if (clean.from === own.length) continue;
    if (index > 0 && split.bare[marker] && own.length >= sizes.largeFrom) {
      refused.push({ index, from: 0, keys: none, chunked: true });
      continue;
    }
    refused.push({ index, from: clean.from, keys: clean.keys });
    refusedChars += own.length - clean.from;
  }
  // Past this much `yaml` costs what the whole-file path costs, unless the documents from some
  // point on cannot reach the report (droppedTail): then they are not read. A 2 MB file of short
  // documents, each with a quote left open, took `yaml` three seconds whole.
  let tail: Tail | undefined;
  if (refusedChars >= sizes.largeFrom) {
    const last = droppedIn(starts, fileFaults(), lineCounter.lineStarts);
    if (last === undefined) return undefined;
    refused = refused.filter((r) => r.index <= last);
    const chars = refused.reduce((sum, r) => sum + (r.chunked ? 0 : endOf(r.index) - starts[r.index]! - r.from), 0);
    if (chars >= sizes.largeFrom) return undefined;
    tail = droppedTail(starts, last, lexed());
    if (tail === undefined) return undefined;
    count = tail.count;
  }
  // Documents after the first, each refused whole and read as it is in the file (whole).
  const whole = (r: (typeof refused)[number] | undefined): boolean =>
    r !== undefined && r.index > 0 && r.from === 0 && r.chunked !== true;
  for (let r = 0; r < refused.length; r++) {
    const { index, from, keys, chunked } = refused[r]!;
    // A run of such documents, one after another, is read at once: each one's reading is that of
    // the file up to the marker after it, as when it is read alone. Reading each alone took `yaml`
    // a second for 25,000 short documents (200 KB). Should a quote closed nowhere take in a
    // marker, fewer documents are read, and each is read alone as below.
    let run = r;
    while (whole(refused[r]) && whole(refused[run + 1]) && refused[run + 1]!.index === refused[run]!.index + 1) run++;
    if (run > r) {
      const read = readRun(text, quotes, starts[index]!, endOf(refused[run]!.index), run - r + 1);
      if (read !== undefined) {
        for (const c of read) complaints.push({ ...c, later: true });
        r = run;
        continue;
      }
    }
    const start = starts[index]! + from;
    const end = endOf(index);
    if (chunked) {
      // A report full before a line: the documents before this one, and this one up to there, as
      // the whole file reads them. It shows the count of documents, which a quote closed nowhere
      // lowers (only a quote reads on past a marker): so it is taken only when no document from
      // this one on that js-yaml refused and a marker follows holds a quote kind closed nowhere
      // after it (the part of this one left unread may hold one: found by a review, the count said
      // three documents where `yaml` found two). Otherwise this one is read to its end.
      const quoted = refused.some(
        (r) =>
          r.index >= index &&
          endOf(r.index) < text.length &&
          !closesAfter(text, quotes, starts[r.index]!, endOf(r.index)),
      );
      const judge: FullJudge = (before) => {
        if (quoted) return undefined;
        const line = at(before.offset).line;
        const all: Complaints[] = [...complaints, { ...before, later: true }];
        for (const [i, errors] of tabbed) if (i <= index) all.push({ errors, warnings: [] });
        const found = yamlProblemsBefore(all, text, at, fileFaults(), line);
        if (found === undefined) return undefined;
        const problems = sortedOnce(
          sortProblems([multipleDocumentsProblem(count, at(second)), ...found, ...tags.filter((p) => p.line < line)]),
        );
        return fills(problems) ? { problems, stoppedAt: line } : undefined;
      };
      const read = laterDocument(text, quotes, start, end, !unmarked.has(start), sizes.chunkChars, judge, fileFaults);
      if (read === undefined) return undefined;
      if ('full' in read) return read.full;
      complaints.push({ ...read, later: true });
      continue;
    }
    const own = text.slice(start, end);
    const last = end === text.length;
    // A quote left open runs on to the next quote of its kind, and with none, to the end, marker
    // and all: the whole file's one document. With one, it ends at the marker; `QuoteClosers` gives
    // the read one where the file has one (yaml-chunks.ts), so that it ends there too.
    let source = last ? own : `${own}---\n${quotes.from(end)}`;
    let docs = parseQuietly(source);
    // Closed nowhere: from here on the file is one document, one quoted value to its end, which
    // `yaml` reads quickly. The documents before this one and that one are all there are.
    const swallowed = !last && docs.length === 1;
    if (swallowed) {
      source = text.slice(start);
      docs = parseQuietly(source);
      count = index + 1;
    }
    const doc = docs[0];
    if (doc === undefined || docs.length !== (last || swallowed ? 1 : 2) || !quiet(docs[1])) return undefined;
    // Read from a cut line, the rest of the document's top-level map: a key there that the part
    // before it holds too is a repeat the read cannot see.
    if (from > 0 && !(isMap(doc.contents) && doc.contents.items.every((pair) => !keys.has(keyName(pair.key)))))
      return undefined;
    const shift = (e: YAMLError): YAMLError => {
      e.pos = [e.pos[0] + start, e.pos[1] + start];
      return e;
    };
    complaints.push({ errors: doc.errors.map(shift), warnings: doc.warnings.map(shift), later: index > 0 });
    // As the whole-file path does, tags are looked at in the first document only.
    if (index === 0) for (const p of tagProblems(doc, source, (offset) => at(offset + start))) tags.push(p);
    if (swallowed) break;
  }
  // The documents read: all there are, or those up to the tail's last.
  const read = tail === undefined ? count : tail.last + 1;
  for (const [index, errors] of tabbed) if (index < read) complaints.push({ errors, warnings: [] });
  if (tail !== undefined) {
    // A quote closed nowhere, which the lexer would have seen, lowered the count: they disagree.
    if (count !== tail.count) return undefined;
    // Every problem, so long as the fault that drops the rest is kept by the documents read: the
    // fault runs past the text's last line, and yamlProblemsBefore gives nothing when a fault
    // across the line it is asked of is not kept.
    const past = at(text.length).line + 1;
    const problems = yamlProblemsBefore(complaints, text, at, fileFaults(), past);
    return problems && { problems: [multipleDocumentsProblem(count, at(second)), ...problems, ...tags] };
  }
  const problems = [...yamlProblems(complaints, text, at, faults), ...tags];
  if (count > 1) return { problems: [multipleDocumentsProblem(count, at(second)), ...problems] };
  // One document after all: its report is of YAML problems when there is an error, else of the schema's.
  return problems.some((p) => p.severity === 'error') ? { problems } : undefined;
}

/** The documents up to `last` are read; there are `count` in all. */
interface Tail {
  last: number;
  count: number;
}

/**
 * The document holding a quote or bracket left open whose fault drops every error from its line
 * on (droppedFrom), when documents follow it; undefined if none. The documents after it may not
 * reach the report (droppedTail).
 */
function droppedIn(
  starts: readonly number[],
  faults: readonly IndentFault[],
  lineStarts: readonly number[],
): number | undefined {
  const from = droppedFrom(faults);
  if (from === undefined) return undefined;
  const offset = lineStarts[from - 1]!;
  let last = 0;
  while (last + 1 < starts.length && starts[last + 1]! <= offset) last++;
  return last + 1 < starts.length ? last : undefined;
}

/**
 * The count of documents, when the ones after document `last` (droppedIn) cannot reach the
 * report: nothing in them can make `yaml` warn (lex-documents.ts). Their errors are all dropped,
 * and the layout faults past the fault's line are merged into it; what the report holds besides
 * is of the documents up to `last`, and the count, which the lexer gives. The caller checks that
 * those documents keep the fault (an error lies on or past its line). Undefined when something
 * after them can warn, or the lexer starts the documents up to the one after `last` elsewhere
 * than the split does.
 */
function droppedTail(starts: readonly number[], last: number, lexed: LexedDocuments): Tail | undefined {
  const found = lexed.starts;
  // Nor anything that can make the whole read run out of stack (found by a review).
  const after = starts[last + 1]!;
  if (found.length <= last + 1 || lexed.lastWarnable >= after || lexed.lastFlow >= after) return undefined;
  for (let i = 1; i <= last + 1; i++) if (found[i] !== starts[i]) return undefined;
  return { last, count: found.length };
}

/**
 * The complaints of the `count` documents of text[start, end), read at once, with a `---` line and
 * the quote closers after them as one document is read alone (documentsProblems); undefined when
 * `yaml` finds another count there.
 */
function readRun(
  text: string,
  quotes: QuoteClosers,
  start: number,
  end: number,
  count: number,
): Complaints[] | undefined {
  const last = end === text.length;
  const own = text.slice(start, end);
  const docs = parseQuietly(last ? own : `${own}---\n${quotes.from(end)}`);
  if (docs.length !== count + (last ? 0 : 1) || !quiet(docs[count])) return undefined;
  const shift = (e: YAMLError): YAMLError => {
    e.pos = [e.pos[0] + start, e.pos[1] + start];
    return e;
  };
  return docs.slice(0, count).map((doc) => ({ errors: doc.errors.map(shift), warnings: doc.warnings.map(shift) }));
}

/**
 * The first document, text[0, end), read in chunks when it is large and js-yaml refuses part of
 * it, or a key repeats across its chunks.
 */
function firstDocument(
  text: string,
  end: number,
  chunks: readonly Chunk[],
  reading: DocumentReading = {},
): ReturnType<typeof firstDocumentComplaints> {
  if (joinChunks(chunks) !== undefined) return undefined;
  return firstDocumentComplaints(text, chunks, end, reading);
}

/**
 * A large document after the first, text[start, end) from its bare marker (`marked`) or from its
 * first line after an end line, read in chunks as the first is (firstDocument): in a text of the
 * file's offsets and lines, with what comes before the document, and its marker, made blanks, and
 * the next marker and the quote closers after it, as in the file. Its complaints (its tags are not
 * looked at, as in the whole-file path), or the report when `judge` finds it full. A 2 MB document
 * of repeated keys after a short one took `yaml` five seconds whole.
 */
function laterDocument(
  text: string,
  quotes: QuoteClosers,
  start: number,
  end: number,
  marked: boolean,
  chunkChars: number,
  judge: FullJudge,
  fileLayout: () => IndentFault[],
): Complaints | { full: { problems: Problem[]; stoppedAt: number } } | undefined {
  const body = text.slice(start, end);
  const own = `${blanks(text.slice(0, start))}${marked ? blankMarker(body, 0) : body}`;
  const chunks = cutChunks(own, chunkChars);
  if (chunks === undefined) return undefined;
  // The last document is read to the file's end, as the whole file reads it; past a quote left
  // open there, the chunks left unread (yaml-chunks.ts, Rest) are judged by the layout of the
  // file, which the report is judged by. Given a marker after it, a quote left open took the
  // marker in and the read gave way: a 2 MB last document ending in one had `yaml` read the whole
  // file (3.2 s).
  const last = end === text.length;
  const read = firstDocument(last ? own : `${own}---\n${quotes.from(end)}`, end, chunks, {
    judge,
    ...(last ? { fileLayout } : {}),
  });
  if (read === undefined || 'full' in read) return read;
  return { errors: read.errors, warnings: read.warnings };
}

/**
 * `text` with all but its line breaks made spaces: its lines kept, and nothing on them. One space
 * per UTF-16 unit, so that offsets stay the file's: an emoji is two (found by a review).
 */
function blanks(text: string): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(line.length))
    .join('\n');
}

/** Whether each quote kind found in text[start, end) closes somewhere after it (yaml-chunks.ts, QuoteClosers). */
function closesAfter(text: string, quotes: QuoteClosers, start: number, end: number): boolean {
  const after = quotes.from(end);
  return ['"', "'"].every((quote) => text.lastIndexOf(quote, end - 1) < start || after.includes(quote));
}

const none: ReadonlySet<string> = new Set();

/**
 * The part of a document settled without `yaml`, from its start: up to `from`, with its top-level
 * keys, and the Tabs there `yaml` would find wrong ([start, end) offsets in the text given).
 */
interface Prefix {
  from: number;
  keys: ReadonlySet<string>;
  tabs: ReadonlyArray<[number, number]>;
}

/** Nothing settled: `yaml` reads the whole document. */
const nothing: Prefix = { from: 0, keys: none, tabs: [] };

/**
 * How much of a document's text (its marker made blank) is settled without `yaml`, from its start:
 * all of it, or up to the first chunk neither js-yaml reads clean nor tabKeys settles (chunks.ts:
 * a cut line, where `yaml` starts afresh); else nothing. A chunk of keys indented by Tabs is read
 * by `yaml` as it is without them, which js-yaml reads clean (tab-keys.ts), so nothing is open at
 * its end either. A 2 MB document with a quote left open on its last line had `yaml` read all of
 * it, and one with a Tab on every line too.
 */
function cleanPrefix(body: string, sizes: DocumentSizes, cut?: readonly Chunk[]): Prefix {
  if (blankOrComments(body)) return { from: body.length, keys: none, tabs: [] };
  if (body.length < sizes.largeFrom)
    return { from: quickParse(body) === undefined ? 0 : body.length, keys: none, tabs: [] };
  // A JSON map is read whole by JSON.parse (quick-parse.ts): it has no cut lines. A 2 MB one, then
  // `---` and a small document, took `yaml` two seconds.
  if (jsonData(body) !== undefined) return { from: body.length, keys: none, tabs: [] };
  const chunks = cut ?? cutChunks(body, sizes.chunkChars);
  if (chunks === undefined) return nothing;
  const keys = new Set<string>();
  const tabs: Array<[number, number]> = [];
  for (const chunk of chunks) {
    let data = chunk.data;
    if (data === undefined) {
      const tabbed = tabKeys(body.slice(chunk.start, chunk.end));
      if (tabbed === undefined) return { from: chunk.start, keys, tabs };
      for (const [from, to] of tabbed.tabs) tabs.push([chunk.start + from, chunk.start + to]);
      data = tabbed.data;
    }
    // A key repeated before the first chunk `yaml` reads: `yaml` reads the whole document to place it.
    for (const key of Object.keys(data)) {
      if (keys.has(key)) return nothing;
      keys.add(key);
    }
  }
  return { from: body.length, keys, tabs };
}

/** A key as js-yaml names it (yaml-chunks.ts does the same). */
function keyName(key: unknown): string {
  return isScalar(key) ? String(key.value) : '\0';
}
