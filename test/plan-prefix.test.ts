// Issue 9, item 3: a large file with many YAML problems early on, which the chunked routes refuse
// (a `%TAG` the text uses, a tag on a `---` line, an indented root with a flow collection over
// lines), is read by `yaml` only as far as a prefix that fills the report (yaml-prefix.ts). That
// report must be the whole-file path's, but for its last line. Speed is measured by `npm run
// bench`, never here.
import { describe, expect, it } from 'vitest';
import { mutate, seededRandom } from './helpers/random.js';
import { CHUNKED_FROM_CHARS } from '../src/plan/chunks.js';
import { type LoadResult, finishLoad, loadInChunks, loadPlan } from '../src/plan/load.js';
import { isUnsettled, loadQuickly } from '../src/plan/load-quick.js';
import { type PrefixSizes, prefixProblems } from '../src/plan/yaml-prefix.js';
import { capProblems, sortedOnce, sortProblems } from '../src/plan/problem.js';
import { agrees, SYNTAX_MARKS, TODAY, VALID } from './plan-helpers.js';

const options = { today: TODAY };

/** The prefix route's report, as load.ts settles it; undefined when it gives way. */
function byPrefix(text: string, sizes: PrefixSizes): LoadResult | undefined {
  const found = prefixProblems(text, undefined, sizes);
  return found && { problems: capProblems(sortedOnce(sortProblems(found.problems)), undefined, found.stoppedAt) };
}

/** `run()` called `levels` frames deeper in the stack. */
function deepCall<T>(levels: number, run: () => T): T {
  return levels === 0 ? run() : deepCall(levels - 1, run);
}

/** `n` lines `k: 1`: a repeated key on each but the first, an error on every line. */
const repeats = (n: number, indent = ''): string => `${indent}k: 1\n`.repeat(n);

describe('the report of a file read by prefix', () => {
  // Each opening makes the chunked routes give the whole file to `yaml`.
  const openings: Record<string, string> = {
    'a %TAG whose handle is used': '%TAG !e! tag:example.com,2000:\n---\nx: !e!a 1\n',
    'a %YAML 1.1': '%YAML 1.1\n---\n',
    'a tag on the first marker': '--- !!map\n',
    'a tag on a later marker': 'a: 1\n--- !!map\n',
    'an anchor on a later marker': 'a: 1\n--- &r\n',
  };
  for (const [name, opening] of Object.entries(openings)) {
    it(`is the whole file's, but for its last line, after ${name}`, () => {
      const text = `${opening}version: 1\n${repeats(2000)}`;
      const whole = finishLoad({ text }, options);
      const read = byPrefix(text, { largeFrom: 0, firstPrefix: 256 });
      expect(read).toBeDefined();
      expect(agrees(text, read!, whole)).toBe(true);
    });
  }

  it('is the whole file`s for a root indented, with a flow collection over lines', () => {
    const text = `  l: [a,\n    b]\n${repeats(3000, '  ')}`;
    const read = byPrefix(text, { largeFrom: 0, firstPrefix: 64 });
    expect(read).toBeDefined();
    expect(agrees(text, read!, finishLoad({ text }, options))).toBe(true);
  });

  it('counts the documents before the cut: the count is the file`s, none starting after it', () => {
    const text = `a: 1\n---\nb: 2\n--- !!map\n${repeats(3000)}`;
    const read = byPrefix(text, { largeFrom: 0, firstPrefix: 64 })!;
    expect(read.problems[0]!.rule).toBe('yaml-multiple-documents');
    expect(read.problems[0]!.message).toContain('3 tài liệu');
    expect(agrees(text, read, finishLoad({ text }, options))).toBe(true);
  });

  it('gives way when a document may start after every cut: the count would be unknown', () => {
    const text = `${repeats(400)}---\nx: 1\n`;
    expect(byPrefix(text, { largeFrom: 0, firstPrefix: 64 })).toBeUndefined();
  });

  it('gives way when `yaml` says "Map comment with trailing content": its place turns on the whole map', () => {
    const text = `? [a]\n\n[b]: 1\n${repeats(400)}`;
    expect(byPrefix(text, { largeFrom: 0, firstPrefix: 64 })).toBeUndefined();
  });

  it('gives way when a quote closed nowhere takes in every line after it, cut lines and all', () => {
    // `yaml` ends a quote at a line less indented only when a quote of its kind follows to close
    // on; with none, it reads on to the end of the text, and no cut line past it is a key.
    const text = `${repeats(100)}x: "mở\n${repeats(1000)}`;
    expect(byPrefix(text, { largeFrom: 0, firstPrefix: 64 })).toBeUndefined();
    expect(finishLoad({ text }, options).problems.length).toBeLessThan(200);
  });

  // Found by a review: text past the cut whose reading reaches back (chunks.ts, lastFarReading).
  it.each([
    [
      'a block scalar header, then `---`, starting a document',
      `a: 1\n---\n${repeats(202)}z: ${'y'.repeat(1100)}\nb: | ---\n`,
      1018,
    ],
    [
      'an indented `---` after a block scalar and a Tab',
      `a: 1\n---\n${repeats(202)}z: ${'y'.repeat(1100)}\nb: |\n\t\n  ---\n`,
      1018,
    ],
    ['a header with text once a flow ends the root', `${repeats(202)}z: ${'y'.repeat(1100)}\n: [}{\n| x\n`, 1009],
    [
      'a header with text past a line less indented than the root',
      `  x\n${repeats(210, '  ')}  z: ${'y'.repeat(1500)}\n> x\n`,
      1460,
    ],
    [
      'a header after a quoted scalar, then `---`',
      `a: 1\n---\n${repeats(202)}z: ${'y'.repeat(1100)}\nb: "q" | ---\n`,
      1018,
    ],
    ['the same after `--- !!map`', `--- !!map\n  x\n${repeats(210, '  ')}  z: ${'y'.repeat(1500)}\n> x\n`, 1470],
  ])('gives way with %s past the cut', (_name, text, firstPrefix) => {
    expect(byPrefix(text, { largeFrom: 0, firstPrefix })).toBeUndefined();
  });

  it('gives way with too few problems in the first half, and for a small file', () => {
    const few = `${'k0: 1\n'.repeat(1)}${Array.from({ length: 900 }, (_, i) => `k${i + 1}: 1\n`).join('')}k5: 2\n`;
    expect(byPrefix(few, { largeFrom: 0, firstPrefix: 64 })).toBeUndefined();
    expect(prefixProblems(`--- !!map\n${repeats(400)}`)).toBeUndefined();
  });

  // `yaml` reads `kN: a: b` as a map a level deeper per line, each line a key of the map before
  // it (yaml-chunks.ts, lastKeyAt); past some hundreds of levels its stack runs out, at a place
  // that depends on the stack left.
  const nesting = (n: number): string => Array.from({ length: n }, (_, i) => `k${i}: a: b\n`).join('');

  it('is the whole file`s for `k: a: b` on every line, its cut lines keys of nested maps', () => {
    // Comments after, which nest nothing: the prefix is a small part of the file.
    const text = `version: 1\n${nesting(300)}${'# ghi chú\n'.repeat(3000)}`;
    const read = byPrefix(text, { largeFrom: 0, firstPrefix: 256 });
    expect(read).toBeDefined();
    expect(agrees(text, read!, finishLoad({ text }, options))).toBe(true);
  });

  it('reads as much the same wherever the stack stands, where `yaml`s runs out', () => {
    const text = `version: 1\n${nesting(20_000)}`;
    const top = byPrefix(text, { largeFrom: 0, firstPrefix: 32_768 });
    expect(top).toBeDefined();
    // The same read with much of the stack taken.
    expect(deepCall(3000, () => byPrefix(text, { largeFrom: 0, firstPrefix: 32_768 }))).toEqual(top);
    expect(top!.problems.at(-1)!.message).toMatch(/còn ít nhất .* trở đi không được đọc/u);
    expect(top!.problems.slice(0, 200).map((p) => [p.rule, p.line, p.column])).toEqual(
      Array.from({ length: 200 }, (_, i) => ['yaml-syntax', i + 2, i < 10 ? 5 : i < 100 ? 6 : 7]),
    );
  });

  it('takes a large file of `k: a: b` lines from the chunked route, which gives way', () => {
    const text = `version: 1\n${nesting(Math.ceil(CHUNKED_FROM_CHARS / 8))}`;
    const quick = loadQuickly(text, options);
    if (!isUnsettled(quick) || quick.chunks === undefined) throw new Error('the file was not cut into chunks');
    expect(loadInChunks(quick.text, quick.chunks, options)).toBeUndefined();
    const result = loadPlan(text, options);
    expect(result).toEqual(deepCall(2000, () => loadPlan(text, options)));
    expect(result.problems.at(-1)!.message).toMatch(/còn ít nhất .* trở đi không được đọc/u);
    expect(result.problems.slice(0, 200).every((p) => p.rule === 'yaml-syntax' && p.column >= 5)).toBe(true);
    expect(result.problems[0]!.line).toBe(2);
  });

  it('leaves a large file with one `k: a: b` to the whole-file path: the keys after it are not the root`s', () => {
    // One level only, so no stack runs out; every later line is a key of the nested map.
    const text = `version: 1\nk: a: b\n${Array.from({ length: CHUNKED_FROM_CHARS / 8 }, (_, i) => `k${i}: 1\n`).join('')}k1: 2\n`;
    const quick = loadQuickly(text, options);
    if (!isUnsettled(quick) || quick.chunks === undefined) throw new Error('the file was not cut into chunks');
    expect(loadInChunks(quick.text, quick.chunks, options)).toBeUndefined();
    const result = loadPlan(text, options);
    expect(result).toEqual(finishLoad({ text }, options));
    expect(result.problems.map((p) => [p.rule, p.line])).toEqual([
      ['yaml-syntax', 2],
      ['yaml-duplicate-key', text.split('\n').length - 1],
    ]);
  });

  it('takes a large file that every other route refuses, its report stopped', () => {
    const text = `--- !!map\n${VALID}${repeats(Math.ceil(CHUNKED_FROM_CHARS / 5))}`;
    const result = loadPlan(text, options);
    const last = result.problems.at(-1)!;
    expect(last.rule).toBe('too-many-problems');
    expect(last.message).toMatch(/còn ít nhất .* trở đi không được đọc/u);
    expect(result.problems.filter((p) => p.rule === 'yaml-duplicate-key')).toHaveLength(200);
  });
});

// Lines of the fuzz below, most of which make `yaml` complain, and the openings that send a file
// past the chunked routes, or that the prefix read must see through.
const LINES: Array<(i: number) => string> = [
  () => 'k: 1',
  () => 'k: 1',
  (i) => `k${i}: 1`,
  (i) => `e${i}: !e!a 1`,
  (i) => `t${i}: !x 1`,
  (i) => `o${i}: "mở`,
  (i) => `s${i}: 'mở`,
  (i) => `u${i}: [1,`,
  () => ']',
  (i) => `q${i}: "a" b`,
  (i) => `a${i}:\n  - x\n   - y`,
  (i) => `c${i}: &a${i} 1`,
  (i) => `d${i}: *a${i - 1}`,
  (i) => `b${i}: |\n  x\n\n y`,
  () => '# ghi chú "',
  () => '',
  (i) => `\tt${i}: 1`,
  (i) => `x${i}`,
  (i) => `  n${i}: 1`,
  (i) => `? k${i}\n: v`,
  () => '- mục',
  (i) => `p${i}: a: b`,
];
const OPENINGS = [
  '',
  '%YAML 1.1\n---\n',
  '%TAG !e! tag:example.com,2000:\n---\n',
  '--- !!map\n',
  'a: 1\n--- !!map\n',
  'a: 1\n--- &r\n',
  'a: "x\n---\n',
  'x: 1\n...\n',
  '--- |\n  x\n---\n',
  '? [a]\n\n[b]: 1\n',
  'a: 1\n---\nb: [\n---\n',
];

describe('the prefix read, fuzzed', () => {
  it('agrees with the whole-file path wherever it takes a file', () => {
    const random = seededRandom(97);
    let taken = 0;
    for (let n = 0; n < 150; n++) {
      const kinds = [0, 1, ...Array.from({ length: 1 + random(4) }, () => random(LINES.length))];
      const indent = random(4) === 0 ? '  ' : '';
      const body = Array.from({ length: 3000 + random(1500) }, (_, i) => LINES[kinds[random(kinds.length)]!]!(i))
        .join('\n')
        .replace(/^/gmu, indent);
      const built = `${OPENINGS[random(OPENINGS.length)]!}${body}\n`;
      const text =
        random(3) === 0 ? mutate(built, random, [...SYNTAX_MARKS, '---\n', '...\n', '!'], 1 + random(4)) : built;
      const read = byPrefix(text, { largeFrom: 0, firstPrefix: 16 + random(2000) });
      if (read === undefined) continue;
      taken++;
      expect(agrees(text, read, finishLoad({ text }, options)), text).toBe(true);
    }
    // Enough files take the route for the comparison to mean something.
    expect(taken).toBeGreaterThan(40);
  });
});
