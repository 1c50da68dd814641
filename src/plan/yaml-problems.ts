// The yaml parser's errors and warnings as problems, with indentation mistakes moved to the line
// that is out of step and the parser's follow-on complaints in the same block dropped.
import type { YAMLError } from 'yaml';
import { type IndentFault, findIndentFaults } from './indent.js';
import type { Problem, Severity } from './problem.js';
import { TAB_MESSAGE, yamlMessage } from './yaml-messages.js';
import { PLAIN_TAGS } from './yaml-tags.js';
import { anyIn, lowerBound } from '../text/sorted.js';

type At = (offset: number) => { line: number; column: number };

// What a line out of step makes the parser say, on that line or on its neighbours.
const INDENT_CODES = new Set([
  'BAD_INDENT',
  'TAB_AS_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'UNEXPECTED_TOKEN',
]);

function fromIndentation(error: YAMLError): boolean {
  if (INDENT_CODES.has(error.code)) return true;
  return error.code === 'MISSING_CHAR' && /followed by map values|without - indicator/u.test(error.message);
}

/** What yamlProblems reads of a document: `yaml`'s complaints, with offsets into `text`. */
export interface Complaints {
  errors: readonly YAMLError[];
  warnings: readonly YAMLError[];
  /**
   * Of a document after the first, where tagProblems does not look: what `yaml` says there of a
   * tag is said (sayOwn leaves it out of the first document only).
   */
  later?: boolean;
}

/** The indentation scan's faults in `text`, before any is matched to an error (yamlProblems). */
export function layoutFaults(text: string): IndentFault[] {
  return findIndentFaults(text, TAB_MESSAGE);
}

/** The layout faults of a text, found once for the paths that judge it (documents, prefix, whole file). */
export class LayoutFaults {
  private found: IndentFault[] | undefined;

  constructor(private readonly text: string) {}

  get(): IndentFault[] {
    return (this.found ??= layoutFaults(this.text));
  }

  /** Those found so far, if any: the whole-file path finds them itself when not. */
  known(): IndentFault[] | undefined {
    return this.found;
  }
}

/**
 * The line from which yamlProblems drops every error, given `faults` of the whole text, once any
 * error lies there: that of the first quote or bracket left open. findIndentFaults merges such a
 * fault into an earlier one whose block reaches its line, so none should; should one, its kept or
 * dropped errors would depend on lines past this one, and there is no such line.
 */
export function droppedFrom(faults: readonly IndentFault[]): number | undefined {
  const index = faults.findIndex((f) => f.drops === 'all');
  if (index === -1) return undefined;
  const line = faults[index]!.line;
  return faults.slice(0, index).every((f) => f.to <= line) ? line : undefined;
}

/** `faults`, when given, are layoutFaults(text), computed once by the caller. */
export function yamlProblems(docs: readonly Complaints[], text: string, at: At, faults?: IndentFault[]): Problem[] {
  return judge(docs, text, at, faults).problems;
}

/**
 * What yamlProblems says of the whole text on the lines before `line`, from the complaints about
 * those lines alone (`yaml` read the text before `line`; what it says of a part depends on nothing
 * after it, see yaml-chunks.ts); undefined when the lines from `line` on could change it. Only a
 * fault can reach back across `line`: one whose block runs across it is kept, and drops errors
 * before it, when an error lies anywhere in the block. Errors only add to what keeps a fault, so
 * one already kept stays kept, and one not yet kept makes the answer unknown. `faults` are those
 * of the whole text.
 */
export function yamlProblemsBefore(
  docs: readonly Complaints[],
  text: string,
  at: At,
  faults: readonly IndentFault[],
  line: number,
): Problem[] | undefined {
  const { problems, kept } = judge(docs, text, at, faults);
  const keptOnes = new Set(kept);
  if (faults.some((f) => f.from < line && f.to > line && !keptOnes.has(f))) return undefined;
  return problems.filter((p) => p.line < line);
}

function judge(
  docs: readonly Complaints[],
  text: string,
  at: At,
  faults: readonly IndentFault[] | undefined,
): { problems: Problem[]; kept: IndentFault[] } {
  const found = docs.flatMap((d) => {
    const said = d.later === true ? sayAll : sayOwn;
    return [
      ...withoutEchoes(d.errors)
        .filter(said)
        .map((error) => ({ error, severity: 'error' as const })),
      ...d.warnings.filter(said).map((error) => ({ error, severity: 'warning' as const })),
    ];
  });
  const located = found.map(({ error, severity }) => {
    const { line, column } = at(onContent(text, error.pos[0], at));
    return { error, severity, line, column };
  });
  // The scan is a heuristic: it only speaks where the parser has found something wrong.
  // A fault is kept when a parser error it explains lies in its block; an error is dropped when a
  // kept fault explains it. Both questions go through sorted lines and merged ranges: a file can
  // hold a hundred thousand of each, and asking every fault about every error was quadratic.
  const errorLines = sortedLines(located.filter((f) => f.severity === 'error'));
  const layoutLines = sortedLines(located.filter((f) => f.severity === 'error' && fromIndentation(f.error)));
  const kept: IndentFault[] =
    errorLines.length === 0
      ? []
      : (faults ?? layoutFaults(text)).filter((fault) =>
          anyIn(fault.drops === 'all' ? errorLines : layoutLines, fault.from, fault.to),
        );
  const dropsAll = coverage(kept.filter((f) => f.drops === 'all'));
  const dropsLayout = coverage(kept);

  const problems: Problem[] = kept.map((f) => ({
    rule: f.rule,
    severity: 'error',
    path: '',
    line: f.line,
    column: f.column,
    message: f.message,
  }));
  for (const f of located) {
    if (f.severity === 'error' && (dropsAll(f.line) || (fromIndentation(f.error) && dropsLayout(f.line)))) continue;
    problems.push(new YamlProblem(f, text));
  }
  return { problems, kept };
}

// What `yaml` says of a tag of the core namespace other than text, numbers, booleans, null, maps
// and lists (`!!binary`, `!!timestamp`, `!!set`, an unknown `!!foo`) when it cannot make the value:
// left unresolved under `%YAML 1.1` ("Unresolved tag", a warning that the tag is ignored), on a
// value of the wrong kind, or of the wrong form (the resolvers of dates, sets, ordered maps and
// pairs, whose messages name no tag). tagProblems says one thing of every node with such a tag, at
// the same place: remove it. Both were shown, "ignored" beside "turns the value into bytes".
const CORE_TAG = /tag:yaml\.org,2002:([^\s,]+)/u;
const RESOLVER_MESSAGE =
  /^(?:!!timestamp expects a date|Ordered maps must not include duplicate keys|Each pair must have its own sequence indicator|Expected a sequence for this tag|Set items must all have null values|Expected a mapping for this tag|This environment does not support reading binary tags)/u;

const sayAll = (): boolean => true;

/** Whether the report says `error` itself, rather than tagProblems. */
export function sayOwn(error: YAMLError): boolean {
  if (error.code !== 'TAG_RESOLVE_FAILED' && error.code !== 'BAD_COLLECTION_TYPE') return true;
  if (RESOLVER_MESSAGE.test(error.message)) return false;
  const name = CORE_TAG.exec(error.message)?.[1];
  return name === undefined || PLAIN_TAGS.has(name);
}

/**
 * `errors` without those another one says better at the same place: in a flow collection, a comma
 * left out at a line's end (`{"a": 1` then `"b": 2`), or a stray quote, makes `yaml` say that a
 * key runs over lines, or that a comma is missing, where it also says a block is in a flow
 * collection; the latter's message names all three causes, and one message at a place is enough.
 */
function withoutEchoes(errors: readonly YAMLError[]): readonly YAMLError[] {
  const inFlow = new Set(errors.filter((e) => e.code === 'BLOCK_IN_FLOW').map((e) => e.pos[0]));
  if (inFlow.size === 0) return errors;
  return errors.filter((e) => !(inFlow.has(e.pos[0]) && echoesFlow(e)));
}

function echoesFlow(error: YAMLError): boolean {
  return (
    error.code === 'MULTILINE_IMPLICIT_KEY' ||
    (error.code === 'MISSING_CHAR' && /^Missing , (?:or : )?between flow/u.test(error.message))
  );
}

// Worded when its message is first read: a 2 MB file of `k: 1` lines has 420,000 repeated keys,
// and a report shows 200. The getter is on the prototype (see schema-messages.ts); capProblems
// hands out plain copies.
class YamlProblem implements Problem {
  readonly path = '';
  readonly rule: string;
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
  readonly #error: YAMLError;
  readonly #text: string;
  #message: string | undefined;

  constructor(found: { error: YAMLError; severity: Severity; line: number; column: number }, text: string) {
    this.rule = yamlMessage(found.error, text, false).rule;
    this.severity = found.severity;
    this.line = found.line;
    this.column = found.column;
    this.#error = found.error;
    this.#text = text;
  }

  get message(): string {
    return (this.#message ??= yamlMessage(this.#error, this.#text).message);
  }
}

function sortedLines(found: ReadonlyArray<{ line: number }>): number[] {
  return found.map((f) => f.line).sort((a, b) => a - b);
}

/** Whether a line lies in any of the blocks [from, to): the blocks merged, then a binary search. */
function coverage(faults: readonly IndentFault[]): (line: number) => boolean {
  const merged: Array<[number, number]> = [];
  for (const { from, to } of [...faults].sort((a, b) => a.from - b.from)) {
    const last = merged[merged.length - 1];
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  const starts = merged.map((m) => m[0]);
  return (line) => {
    const i = lowerBound(starts, line + 1) - 1;
    return i >= 0 && line < merged[i]![1];
  };
}

/** Whether the line starting at `start` holds something other than blanks and a comment, read in place. */
function hasContent(text: string, start: number): boolean {
  for (let i = start; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x0a || char === 0x23) return false;
    if (!/\s/u.test(text[i]!)) return true;
  }
  return false;
}

// The parser can name a blank or comment line before the real one: move on to the next content.
// Where its line starts is asked of the line index (`at`): looked for back in the text, it took a
// scan of the line for each problem, and a 2 MB line of them took minutes (found by a review).
function onContent(text: string, offset: number, at: At): number {
  const lineStart = Math.max(0, Math.min(offset, text.length) - at(offset).column + 1);
  if (hasContent(text, lineStart)) return offset;
  for (let start = lineStart; ;) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) return start === lineStart ? offset : start + line.search(/\S/u);
    if (end === -1) return offset;
    start = end + 1;
  }
}
