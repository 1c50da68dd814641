// Issue 9: a file nested far deeper than any plan is refused before a parser reads it, at a place
// that does not depend on the call stack (the parsers recurse per level; once V8 aborted the
// process near the stack's end).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, tooDeepAt } from '../src/plan/depth.js';
import { loadPlan } from '../src/plan/load.js';
import { type Node, isCollection, isPair, parseAllDocuments, stringify } from 'yaml';
import { seededRandom } from './helpers/random.js';
import { load, PLAN_SOURCES, TODAY } from './plan-helpers.js';

/** Collections nested along the deepest path under `root`, the root's own included. */
function nesting(root: Node | null): number {
  let most = 0;
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isPair(node)) {
      stack.push({ node: node.key, depth }, { node: node.value, depth });
    } else if (isCollection(node)) {
      most = Math.max(most, depth + 1);
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  return most;
}

const options = { today: TODAY };
const rules = (text: string): string[] => loadPlan(text, options).problems.map((p) => p.rule);

describe('a file nested too deep', () => {
  it.each([
    ['compact list items on one line', `a:\n${'- '.repeat(10_000)}x\n`],
    ['keys each one column deeper', Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('')],
    ['flow lists inside flow lists', `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
    ['flow maps over several lines', `a: ${'{b: '.repeat(150)}\n  ${'{c: '.repeat(150)}1\n`],
    ['explicit keys on one line', `${'? '.repeat(300)}x\n`],
    // A flow opened at a line's start goes on at that line's column in `yaml`.
    ['a flow list at the root, one bracket a line', `[${'\n['.repeat(3000)}\n`],
    ['a flow list below its key, one bracket a line', `a:\n  [${'\n  ['.repeat(3000)}\n`],
    ['JSON nested in a value', `a: ${'{"b":['.repeat(300)}1${']}'.repeat(300)}\n`],
    ['anchors and tags before each flow', `a: ${'&x !!seq ['.repeat(300)}1${']'.repeat(300)}\n`],
  ])('is refused at one fixed place: %s', (_name, text) => {
    const first = loadPlan(text, options).problems;
    expect(first.map((p) => p.rule)).toEqual(['yaml-too-deep']);
    // The same place every time, whatever the stack holds.
    for (let n = 0; n < 3; n++) expect(loadPlan(text, options).problems).toEqual(first);
    const at = tooDeepAt(text);
    expect(at).toBeGreaterThan(0);
    const lines = text.slice(0, at).split('\n');
    expect(first[0]).toMatchObject({ line: lines.length, column: lines.at(-1)!.length + 1 });
  });

  it.each([
    ['a key indented far under another', `a:\n${' '.repeat(150)}b: 1\n`],
    ['sixty levels of maps', Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}k${i}:\n`).join('')],
    [
      'brackets in text and quotes',
      `a: "${'['.repeat(300)}"\nb: xem ${'['.repeat(300)}\nc: '${'{'.repeat(300)}'\n# ${'['.repeat(300)}\n`,
    ],
    ['many short flow lists', `${Array.from({ length: 300 }, (_, i) => `k${i}: [1, [2]]\n`).join('')}`],
  ])('lets a file through that is not that deep: %s', (_name, text) => {
    expect(tooDeepAt(text)).toBe(-1);
    expect(rules(text)).not.toContain('yaml-too-deep');
  });

  it('lets every example and fixture through', () => {
    for (const source of PLAN_SOURCES) expect(tooDeepAt(source)).toBe(-1);
    const fixtures = join(import.meta.dirname, 'fixtures', 'plan');
    for (const name of readdirSync(fixtures).filter((n) => n.endsWith('.yaml'))) {
      expect(tooDeepAt(readFileSync(join(fixtures, name), 'utf8')), name).toBe(-1);
    }
  });

  // The count must never fall below the nesting `yaml` builds: a file under the limit must not run
  // a parser's stack out. Random nestings of every kind, each held to its own depth.
  it('counts at least the nesting `yaml` builds (1,500 deterministic files)', () => {
    const random = seededRandom(20261209);
    const leaves = ['x', 'a [b', 'c {d', 1, 'e"f', 'g # [h', null];
    const value = (depth: number): unknown => {
      if (depth === 0) return leaves[random(leaves.length)];
      const inner = value(depth - 1);
      const kind = random(3);
      if (kind === 0) return [inner, ...(random(2) === 0 ? [1] : [])];
      if (kind === 1) return { k: inner, ...(random(2) === 0 ? { l: 'm' } : {}) };
      return [[inner]];
    };
    let deep = 0;
    for (let n = 0; n < 1500; n++) {
      const data = { a: value(1 + random(30)) };
      const style = random(4);
      const text =
        style === 0
          ? JSON.stringify(data)
          : style === 1
            ? JSON.stringify(data, null, 1 + random(3))
            : stringify(data, {
                indent: 1 + random(4),
                indentSeq: random(2) === 0,
                collectionStyle: random(4) === 0 ? 'flow' : 'block',
              });
      const [doc] = parseAllDocuments(text);
      expect(doc?.errors, text).toEqual([]);
      const depth = nesting(doc!.contents);
      if (depth > 10) deep++;
      // Past `depth - 1` levels by the count, where `yaml` built `depth`.
      expect(tooDeepAt(text, depth - 1), text).not.toBe(-1);
    }
    expect(deep).toBeGreaterThan(500);
  });

  // Found by a review: shapes the count fell below.
  it.each([
    ['a flow after `---`', '--- [[[]]]'],
    ['an anchored flow after `---`', '--- &a [[[[[[]]]]]]'],
    ['`?` inside a flow list', '[? [[]]]'],
    ['`?` inside a flow map', '{ ? [[[[[]]]]] : x }'],
    ['a quote going on to a line opening with `#`', '[ "a\n  #", [[[]]] ]'],
    ['a quote closed on the next line', '[\n"a\n", [[[[]]]]]'],
    ['a quote whose next line holds `]`', '[ "x\n  ]", [[[[[]]]]] ]'],
    ['a single quote closed on the next line', "[ 'a\n  ', [[[[[[ ]]]]]] ]"],
    ['a carriage return opening a key', '\ra: [[[]]]'],
    ['a carriage return opening a quoted key', '\r"k": [[[]]]'],
  ])('counts at least the nesting `yaml` builds: %s', (_name, text) => {
    const [doc] = parseAllDocuments(text);
    expect(doc?.errors).toEqual([]);
    const depth = nesting(doc!.contents);
    expect(depth).toBeGreaterThan(2);
    expect(tooDeepAt(text, depth - 1)).not.toBe(-1);
  });

  it('counts just past the limit and not before it', () => {
    const at = (n: number): number => tooDeepAt(`${'- '.repeat(n)}x\n`);
    // One block level counts two (a list may sit at its key's column), each `- ` one more.
    expect(at(MAX_NESTING - 2)).toBe(-1);
    expect(at(MAX_NESTING - 1)).toBe(2 * (MAX_NESTING - 2));
  });
});

// Found by reviews: `yaml` nests a map one level deeper for each `k: v` line inside a flow
// collection that a `---` ends, beyond what nestingProblem foresees, and its stack ran out: the
// CLI said "lỗi nội bộ". The file is too deep, at its first bracket.
describe('a file whose parse runs the stack out', () => {
  it.each([
    ['a list left open, then a marker', `# đầu\n[\n${'a: 1\n'.repeat(3000)}---\n`, 2],
    ['a map left open, then a marker', `{b: 1\n${'c: 1\n'.repeat(3000)}---\n`, 1],
    ['a bracket in a comment first', `# {c}\n[\n${'a: 1\n'.repeat(3000)}---\n`, 2],
  ])('%s: too deep, not a crash', (_name, text, line) => {
    expect(load(text).problems).toEqual([expect.objectContaining({ rule: 'yaml-too-deep', line, column: 1 })]);
  });
});
