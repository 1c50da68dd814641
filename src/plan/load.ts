// One plan file's bytes in, a validated plan and located problems out. No fs: `check`, `build`
// and the wizard read the file themselves. The quick half (load-quick.ts) settles clean files
// without this module's `yaml`; what it cannot settle is finished here, with positions.
import { type Document, type ParsedNode, type YAMLError, isMap, isScalar, isSeq } from 'yaml';
import { normalizeDeep, normalizeFresh } from '../text/nfc.js';
import { CHUNKED_FROM_CHARS, type Chunk, type CutLines, joinMaps, rootCuts, topKeyLines } from './chunks.js';
import { fileProblem } from './decode.js';
import { documentsProblems, multipleDocumentsProblem } from './documents.js';
import { type Issue, type IssuePath, toPointer } from './issue.js';
import { type LoadResult, type Unsettled, emptyMessage, isUnsettled, judgeData, loadQuickly } from './load-quick.js';
import { childAt, nodeAt, offsetOf, positionAt } from './locate.js';
import type { ValidateOptions } from './options.js';
import { aliasUses } from './anchors.js';
import { countLines, parseQuietly, withTagHandles } from './parse-yaml.js';
import { StandIns, placeKey, standInTwins } from './stand-ins.js';
import { MAX_ALIASES, toData, tooManyAliases } from './to-data.js';
import {
  MAX_PROBLEMS_PER_FILE,
  type Problem,
  type Severity,
  capProblems,
  sortProblems,
  sortedOnce,
} from './problem.js';
import { withLiteral, withStrTag } from './schema-messages.js';
import { validatePlan, validateWith } from './validate.js';
import type { Plan } from './types.js';
import { chunkedErrors, chunkedYaml, localTagWarnings } from './yaml-chunks.js';
import { stackProblem } from './depth.js';
import { LayoutFaults, yamlProblems } from './yaml-problems.js';
import { LOCAL_TAG_NAME, aliasCount, aliasesAlone, flowPrefix, collectionsOverLines } from './quick-parse.js';
import { tagProblems } from './yaml-tags.js';
import { prefixProblems, secondDocumentAt } from './yaml-prefix.js';
import type { IndentFault } from './indent.js';
import { lineStartOf } from '../text/line-start.js';

export { MAX_PLAN_BYTES } from './decode.js';
export type { LoadResult } from './load-quick.js';
export { MAX_ALIASES } from './to-data.js';

/** Pure: bytes (or text) of one plan file in, located problems out. No fs. */
export function loadPlan(source: Uint8Array | string, options: ValidateOptions): LoadResult {
  const quick = loadQuickly(source, options);
  return isUnsettled(quick) ? finishLoad(quick, options) : quick;
}

/** The second half of loadPlan, for a file loadQuickly could not settle. */
export function finishLoad(unsettled: Unsettled, options: ValidateOptions): LoadResult {
  try {
    return withTagHandles(unsettled.tags ?? unsettled.documents?.tags, () => finishUnguarded(unsettled, options));
  } catch (error) {
    // A parser's stack ran out where nestingProblem did not foresee it: `yaml` nests a map one
    // level deeper for each line `k: v` inside a flow collection a `---` ends, and 2,000 such
    // lines (10 KB) threw "lỗi nội bộ" (found by a review).
    if (error instanceof RangeError && /call stack/iu.test(error.message))
      return { problems: [stackProblem(unsettled.text)] };
    throw error;
  }
}

function finishUnguarded(unsettled: Unsettled, options: ValidateOptions): LoadResult {
  const { text } = unsettled;
  const faults = new LayoutFaults(text);
  const documents = unsettled.documents && documentsProblems(text, unsettled.documents, undefined, faults);
  if (documents !== undefined) return { problems: settle(documents.problems, documents.stoppedAt) };
  return (
    (unsettled.many && locateFirst(text, unsettled.many, options)) ??
    (unsettled.chunks && aliasLimitLoad(text, unsettled.chunks, unsettled.tags === undefined)) ??
    (unsettled.chunks && loadInChunks(text, unsettled.chunks, options)) ??
    prefixLoad(text, faults) ??
    slowLoad(text, options, faults.known())
  );
}

/**
 * A large file with more aliases than MAX_ALIASES: its report is `yaml`'s errors, or with none the
 * limit's, at the first alias, with the warnings of local tags (`localTags`: as for cutChunks).
 * js-yaml reads each chunk it refused with its aliases written as scalars (quick-parse.ts,
 * aliasesAlone). When every such chunk is read so and no key at a cut line is written twice,
 * that is all; else `yaml` reads the other chunks (yaml-chunks.ts, chunkedErrors), the chunks
 * js-yaml read standing as read. Undefined when a chunk is not as it should be, or there are not
 * that many aliases. Exported for the tests, which hold it to the whole file's report.
 */
export function aliasLimitLoad(text: string, chunks: readonly Chunk[], localTags: boolean): LoadResult | undefined {
  if (aliasCount(text, MAX_ALIASES) <= MAX_ALIASES) return undefined;
  const maps: Array<Record<string, unknown>> = [];
  const tags: Array<readonly [number, number]> = [];
  // The chunks as js-yaml read them, those it read with aliases as scalars among them.
  const standing: Chunk[] = [];
  let all = true;
  let aliases = 0;
  let first: number | undefined;
  for (const chunk of chunks) {
    if (chunk.data !== undefined) {
      maps.push(chunk.data);
      for (const tag of chunk.tags ?? []) tags.push(tag);
      standing.push(chunk);
      continue;
    }
    const found: Array<[number, number]> | undefined = localTags ? [] : undefined;
    const alone = aliasesAlone(text.slice(chunk.start, chunk.end), found);
    if (alone === undefined) {
      all = false;
      standing.push(chunk);
      continue;
    }
    maps.push(alone.data);
    aliases += alone.aliases.length;
    if (alone.aliases.length > 0) first ??= chunk.start + alone.aliases[0]!;
    const placed = (found ?? []).map(([start, end]) => [chunk.start + start, chunk.start + end] as const);
    for (const tag of placed) tags.push(tag);
    standing.push({
      start: chunk.start,
      end: chunk.end,
      data: alone.data,
      ...(placed.length > 0 ? { tags: placed } : {}),
    });
  }
  const lineCounter = countLines(text);
  const at = (offset: number): { line: number; column: number } => positionAt(lineCounter, offset);
  // A key repeated across chunks is a mistake `yaml` reports.
  if (all && !cutKeyRepeated(text)) {
    if (aliases <= MAX_ALIASES || first === undefined || joinMaps(maps) === undefined) return undefined;
    const warnings: YAMLError[] = [];
    localTagWarnings(text, tags, warnings);
    return { problems: settle([tooManyAliases(at(first)), ...yamlProblems([{ errors: [], warnings }], text, at)]) };
  }
  // `yaml` reads the rest: a few chunks, or as many as loadInChunks would.
  const found = chunkedErrors(text, standing);
  if (found === undefined) return undefined;
  if ('problems' in found) return { problems: settle(found.problems, found.stoppedAt) };
  if (!('firstAlias' in found)) return undefined;
  const firstAlias =
    found.firstAlias === undefined || (first !== undefined && first < found.firstAlias) ? first : found.firstAlias;
  if (firstAlias === undefined) return undefined;
  return { problems: settle([tooManyAliases(at(firstAlias)), ...found.warned]) };
}

// A key at a cut line written twice: the chunks would give way only after js-yaml read them all
// (a review: 0.4-0.7 s of a 2 MB file's time).
function cutKeyRepeated(text: string): boolean {
  const root = rootCuts(text);
  if (root === undefined) return false;
  const seen = new Set<string>();
  for (const { key } of root.cuts.keys(text, 0, text.length)) {
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/** A large file whose report fills early, from `yaml` reading a prefix of it (yaml-prefix.ts). */
function prefixLoad(text: string, faults: LayoutFaults): LoadResult | undefined {
  const found = prefixProblems(text, faults);
  return found && { problems: settle(found.problems, found.stoppedAt) };
}

/**
 * A large file js-yaml refused, from `yaml` reading only the chunks js-yaml refused
 * (yaml-chunks.ts): the report of its YAML mistakes; else, from the data of the chunks, the report
 * of a file with more schema problems than are shown (located as locateFirst does) or of a valid
 * plan. Undefined for anything else (a few problems to place, a chunk not as it should be).
 * Exported for the tests, which cut small files finely and hold the answer to slowLoad's.
 */
export function loadInChunks(text: string, chunks: readonly Chunk[], options: ValidateOptions): LoadResult | undefined {
  const found = chunkedYaml(text, chunks);
  if (found === undefined) return undefined;
  if ('problems' in found) return { problems: settle(found.problems, found.stoppedAt) };
  const warned = found.warned ?? [];
  const judged = judgeData(normalizeFresh(found.data), options);
  if ('plan' in judged) return { plan: judged.plan, problems: settle([...warned]) };
  // A stand-in's key written twice (composed and decomposed): `yaml` reads the entries, as it did
  // before they were let through, so that each path leads where the whole file's does.
  if (found.standIns === true && found.read !== undefined && standInTwins(found.read, chunks)) {
    return loadInChunks(
      text,
      chunks.map(({ start, end, data }) => ({ start, end, data })),
      options,
    );
  }
  if (found.whole && found.read !== undefined) return locateAll(text, found.read, judged.many, options, warned);
  return found.namedKeys ? locateFirst(text, judged.many, options, found.read, warned) : undefined;
}

// Every chunk read by `yaml`: the chunks' document, joined, is the whole file's, and each problem
// is placed in it as slowLoad places them. A 2 MB file with a `{…}` over several lines on every
// key had every chunk read, then a prefix cut inside one of them, which `yaml` refused, and then
// the whole file read again (8.3 s).
function locateAll(
  text: string,
  doc: Document.Parsed<ParsedNode>,
  many: NonNullable<Unsettled['many']>,
  options: ValidateOptions,
  warned: readonly Problem[],
): LoadResult {
  const lineCounter = countLines(text);
  const at = (offset: number): { line: number; column: number } => positionAt(lineCounter, offset);
  return placedIn(doc, text, at, validateWith(many.data, options, many.errors), [...warned]);
}

// Every problem needs a position, which only the `yaml` package's document gives. Lines are
// counted in the text, not by the parser: it skips line breaks inside some broken flow
// collections, and every line after one was named one too low.
function slowLoad(text: string, options: ValidateOptions, faults?: IndentFault[]): LoadResult {
  const docs = parseQuietly(text);
  const lineCounter = countLines(text);
  const doc = docs[0];
  // A document `yaml` found nothing in but errors is not empty: an error at its top replaces all
  // of it (a block scalar's header with text after it, once the root is closed), and the file
  // was called empty (found by a review).
  if (doc === undefined || (docs.length === 1 && isBlank(doc.contents) && doc.errors.length === 0))
    return { problems: [fileProblem('file-empty', emptyMessage())] };

  const problems: Problem[] = [];
  const at = (offset: number): { line: number; column: number } => positionAt(lineCounter, offset);
  if (docs.length > 1) problems.push(multipleDocumentsProblem(docs.length, at(secondDocumentAt(text, docs))));
  const complaints = docs.map((doc, index) =>
    index === 0 ? doc : { errors: doc.errors, warnings: doc.warnings, later: true },
  );
  for (const p of yamlProblems(complaints, text, at, faults)) problems.push(p);
  for (const p of tagProblems(doc, text, at)) problems.push(p);
  if (problems.some((p) => p.severity === 'error')) return { problems: settle(problems) };

  const contents = doc.contents;
  if (!isMap(contents)) {
    const what = isSeq(contents) ? 'một danh sách' : 'một giá trị đơn';
    problems.push({
      rule: 'yaml-not-mapping',
      severity: 'error',
      path: '',
      ...at(contents?.range[0] ?? 0),
      message: `Tệp kế hoạch phải là một nhóm khóa (\`version: 1\`, \`kind: …\`, \`agency: …\`), không phải ${what}: hãy chạy \`kehoach init\` để xem một tệp mẫu.`,
    });
    return { problems: settle(problems) };
  }

  const data = toData(doc, at);
  if ('problem' in data) return { problems: settle([...problems, data.problem]) };

  return placedIn(doc, text, at, validatePlan(normalizeDeep(data.value), options), problems);
}

/** Every issue placed in `doc`, the document of all of `text`, after `problems`; sorted and capped. */
function placedIn(
  doc: Document.Parsed<ParsedNode>,
  text: string,
  at: At,
  { plan, issues }: { plan?: Plan; issues: readonly Issue[] },
  problems: Problem[],
): LoadResult {
  for (const issue of issues) problems.push(locateIssue(issue, doc, text, at));
  return plan === undefined ? { problems: settle(problems) } : { plan, problems: settle(problems) };
}

type At = (offset: number) => { line: number; column: number };

// A file with more problems than a report shows. Parsing 2 MB with `yaml` for positions takes
// seconds, but the report shows only the first problems, and js-yaml has already read the data
// (the same data, see quick-parse.ts). So `yaml` reads only a prefix of the text, cut at the start
// of a line, long enough to hold the first problems. Positions in a prefix are the file's own. A
// node that starts before the cut is in the prefix, at its place; one that starts after it is
// not, and its problems come after every problem located in the prefix. The last line with content
// before the cut is not trusted (see lastContentLine). This holds where js-yaml and `yaml` read the
// text alike, which quick-parse.ts checks for every difference known.
// When the prefix holds too few problems a longer one is tried; when it has any YAML complaint,
// the whole file is read as before. Exported for the tests, which hold it to slowLoad's answer.
export function locateFirst(
  text: string,
  many: NonNullable<Unsettled['many']>,
  options: ValidateOptions,
  read?: Document.Parsed<ParsedNode>,
  warned: readonly Problem[] = [],
): LoadResult | undefined {
  const { data } = many;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  // A small file with few problems is read whole quickly enough.
  if (text.length < CHUNKED_FROM_CHARS && many.errors.length <= MAX_PROBLEMS_PER_FILE) return undefined;
  const { plan, issues } = validateWith(data, options, many.errors);
  const few = issues.length <= MAX_PROBLEMS_PER_FILE;
  if (few && text.length < CHUNKED_FROM_CHARS) return undefined;
  if (few) {
    const atKeys = atTopKeys(text, issues, warned);
    if (atKeys !== undefined) return plan === undefined ? { problems: atKeys } : { plan, problems: atKeys };
  }
  // Enough text for the problems shown if they were spread evenly, and never less than 16 KB.
  // When every problem must be placed, they are looked for in a quarter of the file at most,
  // so that a file whose last line holds one costs little more than the whole-file path.
  const wanted = (MAX_PROBLEMS_PER_FILE + 1) * 2;
  const even = few ? 16_384 : Math.max(16_384, Math.ceil((text.length * wanted) / issues.length));
  // A root flow map (JSON, or YAML's flow forms js-yaml read) is cut after a comma inside it.
  const flow = many.json === true || FLOW_ROOT.test(text);
  const likely = few ? 0 : likelyEnd(text, issues[wanted], flow);
  const first = Math.max(even, likely < text.length * 0.9 ? likely : 0);
  // A prefix of most of the file costs what the whole file costs, and then the whole file is
  // read after it when it falls short (found by a review: 2 MB of JSON with 410 problems near
  // its end, 3.6 s before, 6.8 s with such a prefix).
  if (!few && first >= text.length * 0.9) return undefined;
  const lines = flow ? undefined : new PrefixEnds(text);
  for (let size = first; !few || size <= text.length / 4; size *= 4) {
    const json = flow ? flowPrefix(text, size) : undefined;
    const cut = lines === undefined ? json?.cut : lines.after(size);
    if (cut === undefined || cut <= 0 || cut >= text.length) return undefined;
    const found = locateInPrefix(text.slice(0, cut), data, issues, read, warned, json?.closed);
    if (found === 'unsure') return undefined;
    if (found !== undefined) return plan === undefined ? found : { plan, problems: found.problems };
  }
  return undefined;
}

// Where a prefix of about `size` characters ends: at the next cut line (chunks.ts), where every
// entry before it is whole, when it comes soon enough; else at the next line, and past a
// collection over several lines that js-yaml reads (quick-parse.ts, collectionsOverLines) when
// that line is inside one. A line inside such a `{…}` left it open, `yaml` complained of the
// prefix, and the whole file was read after it (a 2 MB file of them: 5.8 s).
class PrefixEnds {
  private readonly cuts: CutLines | undefined;
  // Found when first needed: a prefix that ends at a cut line needs none, and finding them is a
  // read of every value over lines (a quarter of a second in a 2 MB file of them).
  private found: ReadonlyArray<[number, number]> | undefined;

  constructor(private readonly text: string) {
    this.cuts = rootCuts(text)?.cuts;
  }

  private get values(): ReadonlyArray<[number, number]> {
    // Local tags inside are taken: `yaml` reads the prefix.
    this.found ??= collectionsOverLines(this.text, []) ?? [];
    return this.found;
  }

  after(size: number): number {
    const { text, cuts } = this;
    let line = text.indexOf('\n', size) + 1;
    if (line === 0) return 0;
    const at = cuts?.next(text, line) ?? text.length;
    if (at < text.length && at - line <= size) return at;
    const inside = this.valueAround(line);
    if (inside !== undefined) line = text.indexOf('\n', inside) + 1;
    return line;
  }

  /** The end of the value whose text holds `offset`, if one does. */
  private valueAround(offset: number): number | undefined {
    let low = 0;
    let high = this.values.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [open, end] = this.values[middle]!;
      if (end <= offset) low = middle + 1;
      else if (open >= offset) high = middle - 1;
      else return end;
    }
    return undefined;
  }
}

// A few problems, each at a top-level key or at the start of the root map (an unknown key, a list
// too long, a key missing), are placed at the key's line with no `yaml` at all: the prefix would
// have to hold the whole entry, and one 2 MB line (`big: [1, 1, …]`) made that the whole file.
// The text is one js-yaml read clean, which `yaml` reads without a complaint (quick-parse.ts), so
// there is nothing else to report.
function atTopKeys(text: string, issues: readonly Issue[], warned: readonly Problem[]): Problem[] | undefined {
  if (!issues.every((issue) => issue.path.length <= 1 && issue.at === 'key')) return undefined;
  const lines = topKeyLines(text);
  if (lines === undefined) return undefined;
  const counted = countLines(text);
  const problems: Problem[] = [];
  for (const issue of issues) {
    const top = issue.path[0];
    const offset = top === undefined ? lines.root : typeof top === 'string' ? lines.keys.get(top) : undefined;
    if (offset === undefined) return undefined;
    const { line, column } = positionAt(counted, offset);
    problems.push({
      rule: issue.rule,
      severity: issue.severity,
      message: issue.message,
      path: toPointer(issue.path),
      line,
      column,
    });
  }
  return settle([...problems, ...warned]);
}

// Problems are seldom spread evenly: a plan's own entries come first, then (in the worst files)
// thousands of unknown keys. Issues mostly follow the data's order, which is the file's, so the
// line of the top-level key of one issue well past those shown is a better first guess: a
// prefix that falls short costs a second parse and a second pass over every issue. Only a guess,
// dropped when it reaches the file's end (the whole-file path would follow), and locateInPrefix
// checks the prefix it is given.
function likelyEnd(text: string, issue: Issue | undefined, flow: boolean): number {
  const top = issue?.path[0];
  if (typeof top !== 'string' || top === '') return 0;
  const at = flow ? flowKeyAt(text, top) : text.indexOf(`\n${top}:`);
  return at === -1 ? 0 : Math.ceil(at * 1.25);
}

// Where a flow map may write `key`: quoted as JSON does, else plain after a blank, `{` or `,`.
function flowKeyAt(text: string, key: string): number {
  const quoted = text.indexOf(`${JSON.stringify(key)}:`);
  if (quoted !== -1) return quoted;
  for (let at = text.indexOf(`${key}:`); at > 0; at = text.indexOf(`${key}:`, at + 1))
    if (' \t\r\n{,'.includes(text[at - 1]!)) return at;
  return -1;
}

// The first thing in the text past blank lines and comments is a `{`.
const FLOW_ROOT = /^(?:[ \t]*(?:#.*)?\r?\n)*[ \t]*\{/u;

/**
 * The first problems, located in `prefix`; undefined when it holds too few; 'unsure' when `yaml`
 * complains. A problem whose path leaves the prefix may still lie in it, behind an alias whose
 * anchor is there: when `read` (the chunks `yaml` read, at the file's offsets) holds its path,
 * it is placed there. `warned` are the file's YAML warnings, placed already (chunkedYaml): `yaml`
 * may warn of the prefix only where the file has warnings, and those the file has are taken.
 */
function locateInPrefix(
  prefix: string,
  data: object,
  issues: readonly Issue[],
  read: Document.Parsed<ParsedNode> | undefined,
  warned: readonly Problem[],
  closed?: string,
): LoadResult | 'unsure' | undefined {
  // A prefix of a JSON map, cut after a comma, with the collections it leaves open closed after
  // it (`closed`: quick-parse.ts, jsonPrefix): all of it is trusted.
  const text = closed ?? prefix;
  const docs = parseQuietly(text);
  const lineCounter = countLines(text);
  const doc = docs[0];
  if (docs.length !== 1 || doc === undefined || !isMap(doc.contents)) return 'unsure';
  const at = (offset: number): { line: number; column: number } => positionAt(lineCounter, offset);
  const complaints = yamlProblems(docs, text, at);
  if (complaints.some((p) => p.severity === 'error') || (complaints.length > 0 && warned.length === 0)) return 'unsure';
  if (tagProblems(doc, text, at).length > 0) return 'unsure';
  const trusted = closed === undefined ? lastContentLine(prefix) : prefix.length;
  // Only an alias past the trusted part naming an anchor before it leads back into the prefix.
  const aside = read !== undefined && crossesBack(read, trusted) ? read : undefined;

  // Problems past the trusted part that `read` places exactly: where it has aliases, one node may
  // be reached by several paths, and the whole file reports each problem there once.
  const twins = read !== undefined && aliasUses(read).length > 0 ? read : undefined;
  // Paths into an anchored entry js-yaml read (stand-ins.ts) are followed in the prefix instead.
  const standIns = read === undefined ? undefined : new StandIns(read);
  const shown: Problem[] = [];
  const placedBeyond: Array<{ issue: Issue; place: string }> = [];
  const beyond = { errors: 0, warnings: 0 };
  // The warnings before the last line trusted are shown with the problems there; the rest lie past them.
  const trustedLine = at(trusted).line;
  for (const w of warned) {
    if (w.line < trustedLine) shown.push(w);
    else beyond.warnings++;
  }
  for (const issue of issues) {
    const crossing = standIns?.crossing(issue.path);
    // Inside the entry, the path from its own key: the prefix has no such node when it does not hold the entry.
    const where = crossing === undefined ? issue.path : [crossing.key, ...crossing.inside];
    let here: Document.Parsed<ParsedNode> | undefined;
    if (crossing !== undefined) here = reaches(doc, data, where) ? doc : undefined;
    else {
      // A path of one step is placed at its key or value, never behind an alias.
      const behind = aside !== undefined && issue.path.length > 1 && holds(aside, issue.path);
      here = reaches(doc, data, issue.path) ? doc : behind ? aside : undefined;
    }
    const offset = here === undefined ? trusted : offsetOf(here, where, issue.at ?? 'value');
    if (here !== undefined && offset < trusted) {
      shown.push(locateIssue(issue, here, text, at, where));
    } else if (crossing !== undefined) {
      const place = placeKey(crossing, data as Record<string, unknown>, issue.at ?? 'value');
      placedBeyond.push({ issue, place: `${issue.rule}\0in\0${place}` });
    } else if (twins !== undefined && holds(twins, issue.path)) {
      placedBeyond.push({ issue, place: `${issue.rule}\0at\0${offsetOf(twins, issue.path, issue.at ?? 'value')}` });
    } else if (issue.severity === 'error') beyond.errors++;
    else beyond.warnings++;
  }
  for (const { issue } of once(
    placedBeyond,
    (b) => b.place,
    (b) => b.issue.message,
  )) {
    if (issue.severity === 'error') beyond.errors++;
    else beyond.warnings++;
  }
  // Every problem placed, or more than are shown.
  const first = sortedOnce(sortProblems(shown));
  const placed = beyond.errors + beyond.warnings === 0;
  return placed || first.length > MAX_PROBLEMS_PER_FILE ? { problems: capProblems(first, beyond) } : undefined;
}

// Where the last line with content (not blank, not only a comment) begins. A node there may go on
// after the cut: `key:` or `-` there reads as an empty value whose real value starts below, past
// any comment lines in between.
export function lastContentLine(prefix: string): number {
  let end = prefix.length;
  while (end > 0) {
    const start = lineStartOf(prefix, end - 1);
    const line = prefix.slice(start, end).trim();
    if (line !== '' && !line.startsWith('#')) return start;
    end = start;
  }
  return 0;
}

function crossesBack(doc: Document.Parsed<ParsedNode>, offset: number): boolean {
  return aliasUses(doc).some(
    ({ alias, target }) => (alias.range?.[0] ?? 0) >= offset && (target?.range?.[0] ?? offset) < offset,
  );
}

/** Whether the top-level key of `path` is in `doc`: then the rest of the path is as in the file. */
function holds(doc: Document.Parsed<ParsedNode>, path: IssuePath): boolean {
  const top = path[0];
  return typeof top === 'string' && childAt(doc, doc.contents, top) !== undefined;
}

// Whether every step of `path` that the data has is also in the prefix's document. A step the
// data lacks (a missing key) is fine: it is placed at its parent, as in the whole file.
function reaches(doc: Document.Parsed<ParsedNode>, data: object, path: IssuePath): boolean {
  let value: unknown = data;
  let node: unknown = doc.contents;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return true;
    const has = Array.isArray(value)
      ? typeof step === 'number' && step < value.length
      : typeof step === 'string' && Object.hasOwn(value, step);
    if (!has) return true;
    node = childAt(doc, node, step);
    if (node === undefined) return false;
    value = (value as Record<string | number, unknown>)[step];
  }
  return true;
}

/** `issue` placed in `doc` by `where`, its path there (another than its own when it went through a stand-in). */
function locateIssue(
  issue: Issue,
  doc: Document.Parsed<ParsedNode>,
  text: string,
  at: At,
  where: IssuePath = issue.path,
): Problem {
  const offset = offsetOf(doc, where, issue.at ?? 'value');
  if (issue.rule !== 'schema-type') return new LocatedIssue(issue, at(offset));
  let message = issue.message;
  // `0123` reads as 123: the advice to quote it must show what the user typed.
  const target = nodeAt(doc, where);
  if (isScalar(target) && (typeof target.value === 'number' || typeof target.value === 'boolean') && target.range) {
    message = withLiteral(message, String(target.value), text.slice(target.range[0], target.range[1]).trim());
  } else if (isScalar(target) && typeof target.value === 'string' && typeof target.tag === 'string') {
    const quoted = target.type === 'QUOTE_DOUBLE' || target.type === 'QUOTE_SINGLE';
    // `!!str 45`, or `!foo 45` (a local tag `yaml` does not know, which keeps the text): no quotes to remove.
    if (target.tag === 'tag:yaml.org,2002:str') message = withStrTag(message, quoted);
    else if (LOCAL_TAG_NAME.test(target.tag)) message = withStrTag(message, quoted, target.tag);
  }
  return { rule: issue.rule, severity: issue.severity, message, path: toPointer(issue.path), ...at(offset) };
}

// A located schema issue, worded only when read: a 2 MB file of unknown keys has 198,000 of them
// and a report shows 200, and wording them all took a third of a second. The path too. As in
// yaml-problems.ts, the getters are on the prototype, and capProblems hands out plain copies.
class LocatedIssue implements Problem {
  readonly rule: string;
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
  readonly #issue: Issue;

  constructor(issue: Issue, { line, column }: { line: number; column: number }) {
    this.rule = issue.rule;
    this.severity = issue.severity;
    this.line = line;
    this.column = column;
    this.#issue = issue;
  }

  get message(): string {
    return this.#issue.message;
  }

  get path(): string {
    return toPointer(this.#issue.path);
  }
}

/** Sorted, each problem once, capped; `stoppedAt` is the line where reading stopped, if it did. */
function settle(problems: Problem[], stoppedAt?: number): Problem[] {
  return capProblems(sortedOnce(sortProblems(problems)), undefined, stoppedAt);
}

/**
 * Each item once: the first of those with one place and one message (the parser can say the same
 * thing twice at one place; a node behind several aliases is reached by several paths). Keyed by
 * place first, so that messages, which are long and may be worded only when read, are compared
 * only between items at one place.
 */
function once<T extends object>(items: readonly T[], place: (item: T) => string, message: (item: T) => string): T[] {
  // The first item at a place alone, not in a list: most places have one.
  const seen = new Map<string, T | T[]>();
  const kept: T[] = [];
  for (const item of items) {
    const key = place(item);
    const before = seen.get(key);
    if (before === undefined) seen.set(key, item);
    else {
      const text = message(item);
      const others = Array.isArray(before) ? before : [before];
      if (others.some((other) => message(other) === text)) continue;
      if (others.length === 1) seen.set(key, [before as T, item]);
      else others.push(item);
    }
    kept.push(item);
  }
  return kept;
}

// `---` alone yields an empty null scalar rather than no content.
function isBlank(contents: ParsedNode | null): boolean {
  return (
    contents === null || (isScalar(contents) && contents.value === null && contents.range[0] === contents.range[1])
  );
}
