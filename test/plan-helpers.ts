// Shared by the plan-* tests: the valid fixture, small edits to it, and the loader with a fixed day.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { type LoadResult, loadPlan } from '../src/plan/load.js';
import type { Problem } from '../src/plan/problem.js';

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
