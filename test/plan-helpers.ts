// Shared by the plan-* tests: the valid fixture, small edits to it, and the loader with a fixed day.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { cutChunks, joinChunks } from '../src/plan/chunks.js';
import { type LoadResult, finishLoad, loadInChunks, loadPlan } from '../src/plan/load.js';
import { quickParse } from '../src/plan/quick-parse.js';
import { type Problem, isValid } from '../src/plan/problem.js';

export const FIXTURES = resolve(import.meta.dirname, 'fixtures', 'plan');
export const VALID = readFileSync(resolve(FIXTURES, 'valid.yaml'), 'utf8');
export const TODAY = new Date(2026, 5, 1);

const EXAMPLES = resolve(import.meta.dirname, '..', 'examples');
/** The valid fixture and every example plan, as text: the seeds of the parser fuzz tests. */
export const PLAN_SOURCES: readonly string[] = [
  VALID,
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(join(EXAMPLES, f), 'utf8')),
];

/** What the mutation tests insert most: the characters YAML's syntax turns on. */
export const SYNTAX_MARKS: readonly string[] = ['"', "'", '\n', '\t', '  ', ':', '-', '#', '[', ']', '{', '}', '|'];

/** `n` lines `prefix_i: 1`: unknown top-level keys, the filler of the large-file tests. */
export function unknownKeys(n: number, prefix = 'khoa_la'): string {
  return Array.from({ length: n }, (_, i) => `${prefix}_${i}: 1\n`).join('');
}

export function load(source: string | Uint8Array, today = TODAY): LoadResult {
  return loadPlan(source, { today });
}

/** The valid fixture with one exact piece of text replaced (fails loudly if it is not there). */
export function edit(from: string, to: string, source = VALID): string {
  expect(source.includes(from), `fixture holds ${JSON.stringify(from)}`).toBe(true);
  return source.replace(from, to);
}

/** The one problem of a load, asserting there is exactly one. */
export function single(result: LoadResult): Problem {
  expect(result.problems, JSON.stringify(result.problems, null, 2)).toHaveLength(1);
  return result.problems[0]!;
}

/** 1-based line and column of the first occurrence of `needle` in `source` (UTF-16 columns). */
export function positionOf(source: string, needle: string, from = 0): { line: number; column: number } {
  const index = source.indexOf(needle, from);
  expect(index, `source holds ${JSON.stringify(needle)}`).toBeGreaterThanOrEqual(0);
  const before = source.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/**
 * An alias bomb: `levels` lines, each a list of ten aliases to the line before; the first holds
 * ten of `leaf`. With `[]` leaves the yaml package's alias count weighs it 0 (it has no leaf).
 */
export function aliasBomb(leaf: string, levels: number, name = 'l'): string {
  let bomb = `${name}0: &${name}0 [${Array(10).fill(leaf).join(', ')}]\n`;
  for (let i = 1; i < levels; i++)
    bomb += `${name}${i}: &${name}${i} [${Array(10)
      .fill(`*${name}${i - 1}`)
      .join(', ')}]\n`;
  return bomb;
}

const STOPPED = /còn ít nhất .* phần từ dòng ([\d.]+) trở đi không được đọc/u;

/** How many problems a too-many-problems line says it hides. */
function hidden(message: string): number {
  let sum = 0;
  for (const match of message.matchAll(/([\d.]+) (?:lỗi|cảnh báo) /gu)) sum += Number(match[1]!.replaceAll('.', ''));
  return sum;
}

/**
 * Whether a large file's chunked report stopped reading early (yaml-chunks.ts, fullBefore);
 * either way it must agree with the whole file's: equal, or, when stopped, the same first
 * problems, the same last line's place, and no problem past the line from which nothing was read.
 */
export function agrees(text: string, chunked: LoadResult, whole: LoadResult): boolean {
  const last = chunked.problems.at(-1);
  const stopped = last?.rule === 'too-many-problems' ? STOPPED.exec(last.message) : null;
  if (last === undefined || stopped === null) {
    expect(chunked, text).toEqual(whole);
    return false;
  }
  const wholeLast = whole.problems.at(-1)!;
  // Valid or not as the whole file (found by a review: an error past the line was lost).
  expect(isValid(chunked.problems), text).toBe(isValid(whole.problems));
  expect(last.severity).toBe('error');
  expect(chunked.problems.slice(0, -1), text).toEqual(whole.problems.slice(0, -1));
  expect(chunked.problems).toHaveLength(whole.problems.length);
  expect([last.rule, last.line, last.column]).toEqual([wholeLast.rule, wholeLast.line, wholeLast.column]);
  expect(hidden(last.message)).toBeGreaterThan(0);
  expect(hidden(wholeLast.message)).toBeGreaterThanOrEqual(hidden(last.message));
  // Every problem shown lies before the line from which nothing was read.
  const line = Number(stopped[1]!.replaceAll('.', ''));
  expect(chunked.problems.every((p) => p.line < line)).toBe(true);
  return true;
}

/**
 * `text` cut into chunks of `chunkChars` and held to the whole file: 'uncut' when it is not cut;
 * 'joined' when the chunks read clean and their data is js-yaml's of the whole text; 'compared'
 * when the chunked report is the whole-file path's; 'gave way' when the chunks left the file to it.
 */
export function chunkedAgrees(text: string, chunkChars: number): 'uncut' | 'joined' | 'compared' | 'gave way' {
  const chunks = cutChunks(text, chunkChars);
  if (chunks === undefined) return 'uncut';
  const data = joinChunks(chunks);
  if (data !== undefined) {
    const whole = quickParse(text);
    expect(whole, text).toBeDefined();
    expect(isDeepStrictEqual(data, whole) && JSON.stringify(data) === JSON.stringify(whole), text).toBe(true);
    return 'joined';
  }
  const chunked = loadInChunks(text, chunks, { today: TODAY });
  if (chunked === undefined) return 'gave way';
  expect(chunked, text).toEqual(finishLoad({ text }, { today: TODAY }));
  return 'compared';
}

/**
 * `text` cut into chunks of `chunkChars` and its report held to the whole file's as `agrees`
 * holds it: undefined when it is not cut or the chunks gave way, else whether reading stopped early.
 */
export function chunkedStops(text: string, chunkChars: number): boolean | undefined {
  const chunks = cutChunks(text, chunkChars);
  const chunked = chunks === undefined ? undefined : loadInChunks(text, chunks, { today: TODAY });
  return chunked === undefined ? undefined : agrees(text, chunked, finishLoad({ text }, { today: TODAY }));
}

/**
 * `yaml`'s documents of `text`, read as the exact path reads a plan: YAML 1.2, the core schema,
 * keys unique. logLevel 'error': a key that is a collection makes toJS warn on the console otherwise.
 */
export function exactDocuments(text: string): ReturnType<typeof parseAllDocuments> {
  return parseAllDocuments(text, {
    prettyErrors: false,
    uniqueKeys: true,
    version: '1.2',
    schema: 'core',
    logLevel: 'error',
  });
}

/**
 * Fails unless the chunked report is the whole file's; one stopped once full (plan-chunks.test.ts)
 * differs only in its last line, which says how much more there is and where reading stopped.
 */
export function sameReport(text: string, chunked: LoadResult | undefined, whole: LoadResult): void {
  const stopped = chunked?.problems.at(-1)?.message.includes('không được đọc') === true;
  if (stopped) expect(chunked!.problems.slice(0, -1), text).toEqual(whole.problems.slice(0, -1));
  else expect(chunked, text).toEqual(whole);
}

/** sameReport at chunks of 1, 64, 500 and 4,000 characters (where the chunked path answers); the whole file's report. */
export function sameReportAtEverySize(text: string): LoadResult {
  const whole = finishLoad({ text }, { today: TODAY });
  for (const size of [1, 64, 500, 4000]) {
    const chunked = loadInChunks(text, cutChunks(text, size)!, { today: TODAY });
    if (chunked !== undefined) sameReport(text, chunked, whole);
  }
  return whole;
}
