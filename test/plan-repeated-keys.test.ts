// Issue 9, item 3: keys repeated in a map, found without `yaml` (repeated-keys.ts). js-yaml
// refuses a repeated key, so a chunk holding one went to `yaml` whole: a 2 MB line
// `k: {a: 1, a: 1, …}` took four seconds. The rule is held here to `yaml` itself on thousands of
// generated files, and the chunked report to the whole file's. Speed is measured by `npm run bench`.
import { describe, expect, it } from 'vitest';
import { isMap, isScalar } from 'yaml';
import { seededRandom } from './helpers/random.js';
import { CHUNKED_FROM_CHARS, cutChunks } from '../src/plan/chunks.js';
import { finishLoad, loadInChunks, loadPlan } from '../src/plan/load.js';
import { parseQuietly } from '../src/plan/parse-yaml.js';
import { quickParse } from '../src/plan/quick-parse.js';
import { repeatedKeys } from '../src/plan/repeated-keys.js';
import {
  PLAN_SOURCES,
  TODAY,
  VALID,
  exactDocuments,
  sameReport,
  sameReportAtEverySize,
  unknownKeys,
} from './plan-helpers.js';

const options = { today: TODAY };

interface Reading {
  complaints: Array<[string, number, number]>;
  rootKeys?: Array<{ value: unknown; at: number }>;
  data?: unknown;
}

/**
 * What `yaml` makes of `text` as the loader asks it (parseQuietly: a repeat is placed at its key,
 * where `yaml`'s own check places one after a key with no value at the line break before it):
 * its complaints (code and span), its root map's keys, and the data (later values kept).
 */
function exact(text: string): Reading {
  const docs = parseQuietly(text);
  const complaints = docs.flatMap((d) =>
    [...d.errors, ...d.warnings].map((e): [string, number, number] => [e.code, e.pos[0], e.pos[1]]),
  );
  complaints.sort((a, b) => a[1] - b[1]);
  if (docs.length !== 1 || complaints.some(([code]) => code !== 'DUPLICATE_KEY')) return { complaints };
  const root = docs[0]!.contents;
  const rootKeys = isMap(root)
    ? root.items.map((pair) => ({
        value: isScalar(pair.key) ? pair.key.value : pair.key,
        at: isScalar(pair.key) ? pair.key.range![0] : -1,
      }))
    : undefined;
  return { complaints, rootKeys, data: docs[0]!.toJS({ maxAliasCount: 100 }) as unknown };
}

/** `text` judged by repeatedKeys, as `yaml` would say it; undefined where the rule leaves it to `yaml`. */
function judged(text: string): Reading | undefined {
  const found = repeatedKeys(text);
  if (found === undefined) return undefined;
  const complaints = found.repeats.map((at): [string, number, number] => ['DUPLICATE_KEY', at, at + 1]);
  return { complaints, rootKeys: found.rootKeys, data: found.data };
}

// Keys that are one key to `yaml` or not: `1`, `1.0` and `0x1` are one, `"1"` another; a NaN is
// equal to nothing, not even itself; `-0` and `0` are one.
const KEYS = ['a', 'b', '"a"', "'a'", '1', '"1"', '1.0', '0x1', '01', 'true', 'True'];
const RARE_KEYS = ['.nan', '.NaN', '-0', '0', 'a b', 'mục', '.inf', '1e3', '1000', '"mục"', '__proto__', '~', 'null'];

/**
 * A file of nested block and flow maps whose keys repeat often. `mixed`: also what the rule
 * leaves to `yaml` (anchors, tags, aliases, explicit keys, comments in flow maps, flow keys) and
 * what is simply wrong.
 */
function repeatingFile(random: (n: number) => number, mixed: boolean): string {
  const key = (): string => (random(6) === 0 ? RARE_KEYS[random(RARE_KEYS.length)]! : KEYS[random(KEYS.length)]!);
  // Mostly of the forms js-yaml is let read on one line (quick-parse.ts, plainFlow).
  const flowKey = (): string => (random(5) === 0 ? key() : ['a', 'b', '"a"', "'a'", 'mục'][random(5)]!);
  const scalar = (): string => ['1', 'x', '"q"', "'s'", 'a b', 'true', '~', '2.5'][random(8)]!;
  const odd = (): string =>
    ['&x 1', '!!str 1', '*x', '[a]', '? a', '{a: 1} ', 'b: c', '"x": 1', '1 # c', '!t x'][random(10)]!;
  const flowMap = (depth: number): string => {
    const entries: string[] = [];
    for (let n = random(6); n > 0; n--) {
      const k = mixed && random(15) === 0 ? odd() : flowKey();
      const form = depth > 2 ? random(4) : random(12);
      if (form === 0 && random(3) === 0) entries.push(k);
      else if (form === 1)
        entries.push(`${k}:${random(2) === 0 ? ' ' : ''}${k.startsWith('"') ? scalar() : ` ${scalar()}`}`);
      else if (form === 4) entries.push(`${k}: ${flowMap(depth + 1)}`);
      else if (form === 5 && random(3) === 0) entries.push(`${k}: [${key()}: 1, ${key()}: 2]`);
      else if (form === 6) entries.push(`${k}: [${scalar()}, ${flowMap(depth + 1)}]`);
      else entries.push(`${k}: ${scalar()}`);
    }
    const overLines = random(4) === 0;
    const comment = mixed && overLines && random(4) === 0 ? ' # c' : '';
    return overLines ? `{${comment}\n    ${entries.join(',\n    ')}\n  }` : `{${entries.join(', ')}}`;
  };
  const map = (indent: number, depth: number): string[] => {
    const pad = ' '.repeat(indent);
    const lines: string[] = [];
    for (let n = 1 + random(6); n > 0; n--) {
      if (random(8) === 0) lines.push('');
      if (random(12) === 0) lines.push(`${pad}# c`);
      const k = mixed && random(20) === 0 ? odd() : key();
      const kind = depth > 2 ? random(3) : random(9);
      if (kind === 3) lines.push(`${pad}${k}:`, ...map(indent + 2, depth + 1));
      else if (kind === 4) {
        lines.push(`${pad}${k}:`);
        for (let items = 1 + random(3); items > 0; items--) {
          if (random(4) === 0) {
            lines.push(`${pad}  - ${flowMap(depth + 1)}`);
            continue;
          }
          const [first, ...rest] = map(indent + 4, depth + 1).filter(
            (l) => l.trim() !== '' && !l.trim().startsWith('#'),
          );
          lines.push(`${pad}  - ${first!.trimStart()}`, ...rest);
        }
      } else if (kind === 5) lines.push(`${pad}${k}: ${flowMap(depth)}`);
      else if (kind === 6) lines.push(`${pad}${k}:`);
      else if (kind === 7) lines.push(`${pad}${k}: x`, `${pad}  y`);
      else if (kind === 8 && mixed)
        lines.push([`${pad}${k} : 1`, `${pad}${k}: |`, `${pad}${k}:\t1`][random(3)]!, `${pad}  z`);
      else lines.push(`${pad}${k}: ${scalar()}`);
    }
    return lines;
  };
  // Now and then a root that is a flow map, with comments above it or not.
  if (random(20) === 0) return `${random(2) === 0 ? '# c\n' : ''}${flowMap(0)}\n`;
  return `${map(0, 0).join('\n')}\n`;
}

describe('repeatedKeys', () => {
  it.each([
    ['a block map', 'a: 1\nb: 2\na: 3\n'],
    ['a flow map on one line', 'k: {a: 1, b: 2, a: 3, a: 4}\n'],
    ['a flow map over lines', 'k: {\n  a: 1,\n  a: 2\n}\n'],
    ['quoted keys in a flow map', 'k: {"a": 1, a: 2, "b": 3}\n'],
    ['keys equal by value', 'k:\n  1: a\n  "1": b\n  1.0: c\n  0x1: d\n  true: e\n  True: f\n'],
    ['NaN keys, equal to nothing', '.nan: 1\n.nan: 2\nk:\n  .NaN: 1\n  .NaN: 1\n'],
    ['maps in a list', 'k:\n  - a: 1\n    a: 2\n  - a: 3\n'],
    ['a flow map in a flow list', 'k: [{a: 1, a: 2}, {a: 3}]\n'],
    ['nested maps', 'k:\n  a:\n    b: 1\n    b: 2\n  a: 3\nk: 4\n'],
    ['no repeat', 'a: 1\nb: {c: 2, d: [e, {f: 3}]}\n'],
    // Found by a review: js-yaml ends a block scalar where the next line's content starts, there
    // a key `:b`; the scalar is no key.
    ['a block scalar before a key `:b`', 'a: |-\n  a\n:b: 1\n'],
    ['a folded one', 'x: 1\na: >-\n  x\n:b: 2\n'],
    ['one holding `:b`', 'a: |-\n  :b\n:b: 1\n'],
    // Comments in a flow map: keys and values are told apart in turn.
    ['comments in a flow map', 'k: { # c\n  a: 1, # c, a\n  a: # c {\n    2,\n  b: 3 # c\n}\n'],
    ['a comment after a key with a value', 'k: {\n  a: # a,\n    a,\n  a: 2\n}\n'],
  ])('says what `yaml` says of %s', (_name, text) => {
    const found = judged(text);
    expect(found).toBeDefined();
    expect(found).toEqual(exact(text));
    // As many repeats as `yaml`'s own check finds (it compares with `===`).
    const own = exactDocuments(text).flatMap((d) => d.errors.filter((e) => e.code === 'DUPLICATE_KEY'));
    expect(found!.complaints).toHaveLength(own.length);
  });

  it.each([
    ['an anchor', 'a: &x 1\na: 2\n'],
    ['a tag', 'a: !!str 1\na: 2\n'],
    ['an alias', 'a: &x 1\nb: *x\nb: 2\n'],
    ['an explicit key', '? a\n: 1\na: 2\n'],
    ['an explicit key in a flow map', 'k: {? a, a: 1}\n'],
    ['an explicit value', 'k:\n  : 1\n  a: 2\n'],
    ['a flow key', '[a]: 1\n[a]: 2\n'],
    ['a mistake', 'a: 1\na: 2\nb: "x\n'],
  ])('leaves alone %s', (_name, text) => {
    expect(repeatedKeys(text)).toBeUndefined();
  });

  it('says what `yaml` says, wherever it says anything (2 × 3,000 deterministic files)', () => {
    const random = seededRandom(20261208);
    let read = 0;
    let repeating = 0;
    for (const mixed of [false, true]) {
      for (let i = 0; i < 3000; i++) {
        const text = repeatingFile(random, mixed);
        const found = judged(text);
        if (found === undefined) continue;
        read++;
        if (found.complaints.length > 0) repeating++;
        expect(found, JSON.stringify(text)).toEqual(exact(text));
      }
    }
    // Many are left to `yaml` (null keys, flow maps of other forms than plainFlow's, the mixed
    // round's constructs), but not most of them; many of those read have a repeat.
    expect(read).toBeGreaterThan(1800);
    expect(repeating).toBeGreaterThan(700);
  });
});

describe('a long line of a flow map', () => {
  it('is read by js-yaml as `yaml` reads it, its keys past 1,024 characters being no block keys', () => {
    const entries = Array.from({ length: 400 }, (_, i) => `a${i}: ${i}`).join(', ');
    const text = `k: {${entries}}\nz: {b: [1, {c: 2}]}\n`;
    expect(text.length).toBeGreaterThan(4000);
    expect(quickParse(text)).toEqual(exact(text).data);
  });

  it('is read as `yaml` reads it, long lines of many forms (300 deterministic files)', () => {
    const random = seededRandom(20261210);
    const value = (depth: number): string => {
      const kind = depth > 2 ? random(4) : random(7);
      if (kind === 4) return `[${Array.from({ length: random(4) }, () => value(depth + 1)).join(', ')}]`;
      if (kind === 5) return entries(depth + 1, 1 + random(4));
      if (kind === 6) return ['"a: b # c"', "'x: y'", '"q"'][random(3)]!;
      return ['1', 'x', 'a b', '2.5', 'true', 'mục'][random(6)]!;
    };
    const entries = (depth: number, n: number): string =>
      `{${Array.from({ length: n }, (_, i) => `${[`a${i}`, `"a${i}"`, `b${i}`, `'k${i}'`][random(4)]}: ${value(depth)}`).join(', ')}}`;
    let read = 0;
    for (let i = 0; i < 300; i++) {
      const key = ['k', 'mục', 'x'.repeat(1000 + random(40))][random(3)]!;
      const text = `${key}: ${entries(0, 60 + random(200))}${random(4) === 0 ? ' # c' : ''}\nz: 1\n`;
      const data = quickParse(text);
      if (data === undefined) continue;
      read++;
      const { complaints, data: expected } = exact(text);
      expect({ complaints, data }, text.slice(0, 200)).toEqual({ complaints: [], data: expected });
    }
    expect(read).toBeGreaterThan(150);
  });

  it('is left to `yaml` when its block key is longer than `yaml` takes', () => {
    const text = `${'k'.repeat(1100)}: {a: 1}\n`;
    expect(exact(text).complaints.map(([code]) => code)).toContain('KEY_OVER_1024_CHARS');
    expect(quickParse(text)).toBeUndefined();
  });
});

describe('a large file with repeated keys', () => {
  const oneLine = (n: number): string => `k: {${'a: 1, '.repeat(n)}b: 2}\n`;

  it.each([
    ['a flow map on one line repeating a key', `${VALID}${oneLine(2000)}`],
    ['repeats in a nested map', `${VALID}m:\n${'  a: 1\n'.repeat(300)}`],
    [
      'a top-level key repeated in every chunk',
      `${VALID}${Array.from({ length: 600 }, (_, i) => (i % 50 === 49 ? 'lap: 1\n' : `k${i}: 1\n`)).join('')}`,
    ],
    ['repeats and a YAML mistake in another chunk', `${VALID}${oneLine(300)}${unknownKeys(100)}x: "mở\n`],
    ['repeats and an odd key later', `${VALID}${oneLine(300)}${unknownKeys(100)}k: &x 1\n`],
  ])('%s: the whole file’s report, at every chunk size', (_name, text) => {
    const whole = sameReportAtEverySize(text);
    expect(whole.problems.some((p) => p.rule === 'yaml-duplicate-key')).toBe(true);
  });

  // Found by a review: NaN keys repeat nothing to `yaml`, in a chunk or across chunks.
  it.each([
    ['a NaN key in two chunks', `${VALID}.nan: 1\n${unknownKeys(200)}.nan: 2\n`],
    ['a NaN key twice in one chunk', `${VALID}${unknownKeys(200)}.nan: 1\n.nan: 2\n`],
    [
      'a block scalar before a key `:b`, and a repeat',
      `${VALID}${unknownKeys(100)}m:\n  x: 1\n  a: |-\n    x\n  :b: 1\n  c: 1\n  c: 2\n${unknownKeys(100, 'z')}`,
    ],
  ])('%s: the whole file’s report, at every chunk size', (_name, text) => {
    sameReportAtEverySize(text);
  });

  it('is what loadPlan gives a large file of them, with `yaml` reading none of its chunks', () => {
    const text = `${VALID}${oneLine(Math.ceil(CHUNKED_FROM_CHARS / 6))}${unknownKeys(50)}`;
    expect(text.length).toBeGreaterThan(CHUNKED_FROM_CHARS);
    sameReport(text, loadPlan(text, options), finishLoad({ text }, options));
    const chunks = cutChunks(text, 64_000)!;
    expect(chunks.every((c) => c.data !== undefined || repeatedKeys(text.slice(c.start, c.end)) !== undefined)).toBe(
      true,
    );
  });

  it('never differs from the whole file on files with repeats among others (200 deterministic files)', () => {
    const random = seededRandom(20261209);
    let compared = 0;
    let repeating = 0;
    for (let i = 0; i < 200; i++) {
      const entries = Array.from({ length: 10 + random(40) }, (_, n) => {
        if (random(4) === 0) return unknownKeys(1 + random(5), `k${n}`);
        const body = repeatingFile(random, random(5) === 0);
        return `t${random(3) === 0 ? 0 : n}:\n${body.replace(/^(?=.)/gmu, '  ')}`;
      });
      const text = `${PLAN_SOURCES[random(PLAN_SOURCES.length)]!}${entries.join('')}`;
      const chunks = cutChunks(text, [1, 64, 500, 4000][random(4)]!);
      const chunked = chunks === undefined ? undefined : loadInChunks(text, chunks, options);
      if (chunked === undefined) continue;
      compared++;
      if (chunked.problems.some((p) => p.rule === 'yaml-duplicate-key')) repeating++;
      sameReport(text, chunked, finishLoad({ text }, options));
    }
    expect(compared).toBeGreaterThan(100);
    expect(repeating).toBeGreaterThan(80);
  });
});
