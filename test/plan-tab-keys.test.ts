// Issue 9, item 3: a large file with a Tab before its keys. `yaml` reads a line of Tabs then a
// plain key as that key at column 0, with one TAB_AS_INDENT error over the Tabs (tab-keys.ts);
// the chunks of such lines are then judged without `yaml`. The rule is held here to `yaml`
// itself, and the chunked report to the whole file's. Speed is measured by `npm run bench`.
import { describe, expect, it } from 'vitest';
import { mutate, seededRandom } from './helpers/random.js';
import { cutChunks } from '../src/plan/chunks.js';
import { finishLoad, loadInChunks } from '../src/plan/load.js';
import { parseQuietly } from '../src/plan/parse-yaml.js';
import { tabKeys } from '../src/plan/tab-keys.js';
import { PLAN_SOURCES, SYNTAX_MARKS, TODAY, sameReport, unknownKeys, VALID } from './plan-helpers.js';

const options = { today: TODAY };

/** `yaml`'s complaints about `text`: code and span. */
function complaints(text: string): Array<[string, number, number]> {
  return parseQuietly(text).flatMap((d) =>
    [...d.errors, ...d.warnings].map((e): [string, number, number] => [e.code, e.pos[0], e.pos[1]]),
  );
}

describe('tabKeys', () => {
  it('gives the Tabs of each key line and the data without them', () => {
    const text = 'a: 1\n\tb: 1\n\t\tc:\n  d: 2\n';
    expect(tabKeys(text)).toEqual({
      tabs: [
        [5, 6],
        [11, 13],
      ],
      data: { a: 1, b: 1, c: { d: 2 } },
    });
    expect(complaints(text)).toEqual([
      ['TAB_AS_INDENT', 5, 6],
      ['TAB_AS_INDENT', 11, 13],
    ]);
  });

  it.each([
    // `yaml` takes the Tabs after a block scalar into it, and says BAD_INDENT.
    ['a block scalar before', 'a: |\n  x\n\tb: 1\n'],
    ['a folded block scalar anywhere', 'a: >-\n  x\nc: 1\n\tb: 1\n'],
    ['a Tab before a comment', 'a: 1\n\t# c\n'],
    ['a Tab before a quoted key', 'a: 1\n\t"b": 1\n'],
    ['a Tab then a space', 'a: 1\n\t b: 1\n'],
    ['a Tab before an item', 'a:\n\t- 1\n'],
    ['a line of Tabs alone', 'a: 1\n\t\nb: 1\n'],
    ['no Tab at all', 'a: 1\n'],
    ['a mistake besides the Tabs', 'a: 1\n\tb: 1\nc: "mở\n'],
    ['a key repeated once the Tabs are gone', 'a: 1\n\ta: 2\n'],
  ])('leaves alone %s', (_name, text) => {
    expect(tabKeys(text)).toBeUndefined();
  });

  it('says what `yaml` says, wherever it says anything (6,000 deterministic files)', () => {
    // Entries put before a key line that is then indented by Tabs.
    const before = [
      'l:\n  - 1\n',
      'l:\n- 1\n',
      'p: a\n  b\n',
      'pl: a\n\n  b\n',
      '# c\n',
      '\n',
      'm:\n  n:\n    o: 1\n',
      'q: "a\n  b"\n',
      "qq: 'a\n  b'\n",
      'e:\n',
      'u: \n',
      'f: &x 1\n',
      'an: &y\n  z: 1\n',
      'g: !!str 1\n',
      '? h\n: 1\n',
      's: [1,\n  2]\n',
      'fm: {a: 1, b: [2]}\n',
      'k: v # c\n',
      'k2: v\t\n',
      '\tz:\tv\n',
      '\ty: v\t# c\n',
      '\tx:\n- 1\n',
      '\tv: a\n  b\n',
      '\tw:\n\t\tww: 1\n',
      '\t\n',
      't: |\n  x\n',
    ];
    const pieces = [...SYNTAX_MARKS, '>', '\n\t', '\t\t', '&a ', '*a', '!!str '];
    const random = seededRandom(20261210);
    let judged = 0;
    let nested = 0;
    for (let i = 0; i < 6000; i++) {
      const lines: string[] = [];
      for (const line of PLAN_SOURCES[random(PLAN_SOURCES.length)]!.split('\n')) {
        if (/^[\p{L}\p{N}_]/u.test(line) && random(3) === 0) {
          lines.push(...before[random(before.length)]!.split('\n').slice(0, -1), '\t'.repeat(1 + random(3)) + line);
        } else lines.push(line);
      }
      let text = lines.join('\n');
      if (random(3) === 0) text = mutate(text, random, pieces, 1 + random(2));
      if (random(5) === 0) text = text.replace(/\n/gu, '\r\n');
      const found = tabKeys(text);
      if (found === undefined) continue;
      judged++;
      if (/^\t+[^\n]*:[ \t]*\r?\n {2}/mu.test(text)) nested++;
      expect(complaints(text), JSON.stringify(text)).toEqual(
        found.tabs.map(([from, to]) => ['TAB_AS_INDENT', from, to]),
      );
    }
    expect(judged).toBeGreaterThan(600);
    expect(nested).toBeGreaterThan(500);
  });
});

describe('a large file with keys indented by Tabs', () => {
  const tabbed = (n: number, prefix = 'tab'): string =>
    Array.from({ length: n }, (_, i) => `\t${prefix}_${i}: 1\n`).join('');

  it.each([
    ['a Tab on every line after the plan', `${VALID}${tabbed(400)}`],
    ['Tabs between plain keys', `${VALID}${unknownKeys(50)}${tabbed(50)}${unknownKeys(50, 'sau')}${tabbed(50, 'lai')}`],
    ['Tabs and a YAML mistake in another chunk', `${VALID}${tabbed(100)}${unknownKeys(100)}x: "mở\n`],
    ['Tabs under a nested key', `${VALID}${unknownKeys(50)}a:\n  b: 1\n${tabbed(100)}`],
    ['more Tab lines than a report shows, then a repeat', `${VALID}${tabbed(300)}${'k: 1\n'.repeat(300)}`],
    // Keys in a chunk of Tabs are not placed: a repeat of one leaves the file to the whole-file path.
    ['a key of a Tab line repeated in a later chunk', `${VALID}${tabbed(100)}${unknownKeys(100)}tab_5: 2\n`],
    ['a key repeated in a Tab line', `${VALID}${unknownKeys(100)}${tabbed(100, 'khoa_la')}`],
  ])('%s: the whole file’s report, at every chunk size', (_name, text) => {
    for (const size of [1, 64, 500, 4000]) {
      const chunks = cutChunks(text, size)!;
      const chunked = loadInChunks(text, chunks, options);
      if (chunked !== undefined) expect(chunked, `chunks of ${size}`).toEqual(finishLoad({ text }, options));
    }
  });

  it('never differs from the whole file on files with Tab lines among others (300 deterministic files)', () => {
    const lines: Array<(i: number) => string> = [
      (i) => `\ttab_${i}: 1`,
      (i) => `\t\ttab_${i}:\n  con: ${i}`,
      (i) => `khoa_${i}: 1`,
      (i) => `khoa_${i}:\n  - ${i}`,
      () => 'k: 1',
      (i) => `\t# ghi chú ${i}`,
      (i) => `t${i}: |\n  dòng`,
      (i) => `  lệch_${i}: 1`,
      (i) => `o${i}: "mở`,
      () => '',
    ];
    const random = seededRandom(20261211);
    let compared = 0;
    for (let i = 0; i < 300; i++) {
      const kinds = [0, 0, 2, ...Array.from({ length: 1 + random(2) }, () => random(lines.length))];
      const body = Array.from({ length: 100 + random(300) }, (_, n) => lines[kinds[random(kinds.length)]!]!(n));
      const text = `${PLAN_SOURCES[random(PLAN_SOURCES.length)]!}${body.join('\n')}\n`;
      const chunks = cutChunks(text, [1, 64, 500, 4000][random(4)]!);
      const chunked = chunks === undefined ? undefined : loadInChunks(text, chunks, options);
      if (chunked === undefined) continue;
      compared++;
      sameReport(text, chunked, finishLoad({ text }, options));
    }
    expect(compared).toBeGreaterThan(200);
  });
});
