// Issue 9, item 3: a large file whose root map does not start at column 0 (every line after its
// first key at least as far in, blank lines aside) is cut at lines that far in, as a file whose
// root is at column 0 is cut at column 0 (chunks.ts, CutLines). The report must be the one the
// whole-file path gives. The tests cut small files finely, which exercises every cut a large
// file would have. Speed is measured by `npm run bench`, never here.
import { describe, expect, it } from 'vitest';
import { mutate, seededRandom } from './helpers/random.js';
import { cutChunks, joinChunks, topKeyLines } from '../src/plan/chunks.js';
import { type LoadResult, finishLoad, loadInChunks, loadPlan } from '../src/plan/load.js';
import { quickParse } from '../src/plan/quick-parse.js';
import { chunkedYaml } from '../src/plan/yaml-chunks.js';
import { prefixProblems } from '../src/plan/yaml-prefix.js';
import { chunkedAgrees, chunkedStops, PLAN_SOURCES, SYNTAX_MARKS, TODAY, unknownKeys, VALID } from './plan-helpers.js';

const options = { today: TODAY };

/** `text` with every line that is not empty moved `column` spaces in. */
function indent(text: string, column: number): string {
  const pad = ' '.repeat(column);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

/** The chunked report (undefined when the text is not cut, or the chunks gave way) and the whole file's. */
function both(text: string, chunkChars: number): { chunked: LoadResult | undefined; whole: LoadResult } {
  const chunks = cutChunks(text, chunkChars);
  return {
    chunked: chunks === undefined ? undefined : loadInChunks(text, chunks, options),
    whole: finishLoad({ text }, options),
  };
}

describe('cutting a file whose root map is indented', () => {
  it('cuts only at keys as far in as the root, and joins the chunks into what js-yaml reads whole', () => {
    for (const column of [1, 2, 4]) {
      const text = indent(`# đầu\n${VALID}${unknownKeys(40)}`, column);
      const chunks = cutChunks(text, 1)!;
      expect(chunks.length).toBeGreaterThan(40);
      for (const { start } of chunks.slice(1)) {
        expect(text.slice(start, start + column + 1)).toMatch(new RegExp(`^ {${column}}[\\p{L}\\p{N}_]`, 'u'));
      }
      expect(joinChunks(chunks)).toEqual(quickParse(text));
    }
  });

  it.each([
    ['a quoted first key', (t: string) => `  "q": 1\n${t}`],
    ['a document marker further in', (t: string) => `${t}---\n`],
  ])('leaves a file with %s to the whole-file path', (_name, make) => {
    expect(cutChunks(make(indent(`${VALID}${unknownKeys(10)}`, 2)), 64)).toBeUndefined();
  });

  // From such a line on, a line as far in as the root may mean something else (found by a review:
  // a flow collection ended by a line as far in as the root is read otherwise than at column 0).
  // The text before it is cut as ever; the last chunk, from a cut line before it, runs to the end.
  it.each([
    ['a comment less indented than the root', (t: string) => `${t}# cuối\n${indent(unknownKeys(3, 'z'), 2)}`],
    ['a line of Tabs', (t: string) => `${t}\t\n${indent(unknownKeys(3, 'z'), 2)}`],
    ['a key at column 0 after the root', (t: string) => `${t}z: 1\n${indent(unknownKeys(3, 'z'), 2)}`],
    ['a key one column short', (t: string) => `${t} z: 1\n${indent(unknownKeys(3, 'z'), 2)}`],
    ['a flow list left open', (t: string) => `${t}  bad: [1, 2\n${indent(unknownKeys(3, 'z'), 2)}`],
    ['a flow list holding a quote left open', (t: string) => `${t}  q: [1, "]\n${indent(unknownKeys(3, 'z'), 2)}`],
    ['a flow map with a comment in it', (t: string) => `${t}  q: {a: 1 # c}\n${indent(unknownKeys(3, 'z'), 2)}`],
    ['a flow list after a quote', (t: string) => `${t}  q: "]" [1,\n  2]\n${indent(unknownKeys(3, 'z'), 2)}`],
    ['a quote left open over lines', (t: string) => `${t}  q: "x [\n   y"\n${indent(unknownKeys(3, 'z'), 2)}`],
    ['a stray bracket', (t: string) => `${t}  ]\n${indent(unknownKeys(3, 'z'), 2)}`],
  ])('cuts a file with %s only before that line, and reads the rest as one chunk', (_name, make) => {
    const clean = indent(`${VALID}${unknownKeys(10)}`, 2);
    // With a mistake in the part cut, the chunks give a report of YAML problems, not way.
    for (const before of [clean, `${clean}  q: "a" b\n`]) {
      const text = make(before);
      for (const size of [1, 64, 500]) {
        const chunks = cutChunks(text, size)!;
        expect(chunks.length).toBeGreaterThan(1);
        expect(chunks.at(-1)!.start).toBeLessThan(before.length);
        expect(chunks.at(-1)!.end).toBe(text.length);
        const { chunked, whole } = both(text, size);
        if (chunked !== undefined) expect(chunked, `chunks of ${size}`).toEqual(whole);
      }
    }
  });

  // Found by a review: past a block scalar, `yaml` takes blanks, a Tab and the blanks after it for
  // the start of a line at column 0, which closes the root; a header with text there then puts an
  // error in the place of the whole document, repeated keys and all.
  it.each(['"q" | y', '*al | y', '!t | y'])('gives way past a Tab line after a block scalar, then `%s`', (last) => {
    for (const column of [1, 2, 4]) {
      const pad = ' '.repeat(column);
      const text = `${`${pad}k: 1\n`.repeat(202)}${unknownKeys(1000).replace(/^/gmu, pad)}${pad}a: |\n${pad} x\n${pad}\t\n${pad}${last}\n`;
      const whole = finishLoad({ text }, options);
      expect(whole.problems.some((p) => p.rule === 'yaml-duplicate-key')).toBe(false);
      for (const size of [64, 4096]) {
        const chunks = cutChunks(text, size);
        const chunked = chunks === undefined ? undefined : loadInChunks(text, chunks, options);
        if (chunked !== undefined) expect(chunked, `column ${column}, chunks of ${size}`).toEqual(whole);
      }
      const prefix = prefixProblems(text, undefined, { largeFrom: 0, firstPrefix: 64 });
      expect(prefix, `column ${column}`).toBeUndefined();
    }
  });

  it('reads a large indented file with a line at column 0 at its end in chunks, as the whole file', () => {
    const text = `${indent(`${VALID}${unknownKeys(30_000)}`, 2)}x: 1\n`;
    const chunks = cutChunks(text, 32_768)!;
    expect(chunks.length).toBeGreaterThan(10);
    const chunked = loadInChunks(text, chunks, options);
    expect(chunked).toBeDefined();
    expect(chunked).toEqual(finishLoad({ text }, options));
    expect(chunked!.problems.map((p) => p.rule)).toContain('yaml-indent');
  });

  it('cuts a file whose flow collections close on their lines', () => {
    const text = indent(`${VALID}${unknownKeys(10)}ds: [a, {b: [c]}, d]\n${unknownKeys(10, 'z')}`, 2);
    expect(VALID).toMatch(/: \[/u);
    expect(cutChunks(text, 64)).toBeDefined();
  });

  // flow-lines.ts: quotes are read as the lexer reads them, so these lines close all they open.
  it.each([
    'ten: "Kế hoạch [2026]"',
    'ds: [\'a]\', "b{", c]',
    '"khóa [1]": {a: "}"} # [ghi chú',
    'ghi_chu: it\'s [a] và "[b"',
    // A flow collection over lines further in than its key: the lexer reads on as ever after it.
    'ds: [a,\n  [b, c],\n\n  d]',
    'ds: {a: 1,\n    b: 2}',
  ])('cuts a file past `%s` and reads it as the whole file', (line) => {
    const before = indent(`${VALID}${unknownKeys(10)}${line}\n`, 2);
    const text = `${before}${indent(`${unknownKeys(10, 'z')}bad: "x" y\n${unknownKeys(3, 'w')}`, 2)}`;
    for (const size of [1, 64]) {
      const chunks = cutChunks(text, size)!;
      expect(chunks.at(-1)!.start, `chunks of ${size}`).toBeGreaterThan(before.length);
      const { chunked, whole } = both(text, size);
      expect(chunked, `chunks of ${size}`).toBeDefined();
      expect(chunked).toEqual(whole);
    }
  });

  it('places top-level keys at the key, not the line’s start, for problems located without `yaml`', () => {
    const text = indent('# đầu\na: 1\nb:\n  c: 2\nd: 3\n', 3);
    const lines = topKeyLines(text)!;
    expect(lines.root).toBe(text.indexOf('a:'));
    expect([...lines.keys]).toEqual([
      ['a', text.indexOf('a:')],
      ['b', text.indexOf('b:')],
      ['d', text.indexOf('d:')],
    ]);
  });

  it('gives the whole file’s report for a large indented file with a few unknown keys', () => {
    // Large enough to be cut; the filler is a comment block, which holds no problem.
    const filler = Array.from({ length: 9000 }, (_, i) => `# ghi chú số ${i} cho phần phụ lục của kế hoạch`).join('\n');
    const text = indent(`${VALID}la_mot: 1\n${filler}\nla_hai: 2\n`, 2);
    const quick = loadPlan(text, options);
    expect(quick.problems.map((p) => [p.path, p.line, p.column])).toEqual([
      ['/la_mot', expect.any(Number), 3],
      ['/la_hai', expect.any(Number), 3],
    ]);
    expect(quick).toEqual(finishLoad({ text }, options));
  });
});

describe('a large file whose root map is indented, with a YAML mistake', () => {
  it.each([
    ['a quote left open on the last line', `${VALID}${unknownKeys(40)}bad: "chưa đóng\n`],
    ['a key indented under a sibling', `${VALID}${unknownKeys(40)}  bad: 1\n`],
    ['a key repeated far from its first place', `${VALID}${unknownKeys(40)}khoa_la_5: 2\n`],
    ['a tab after the indent', `${VALID}${unknownKeys(10)}a:\n\tb: 1\n${unknownKeys(10, 'z')}`],
    ['a block scalar, then a mistake', `${VALID}t: |\n  dòng một\n\n  dòng hai\n${unknownKeys(10)}x: "\n`],
    ['a quoted key left open', `${VALID}${unknownKeys(20)}"k\n${unknownKeys(20, 'sau')}`],
    ['a quoted key closed far below', `${VALID}"k\n${unknownKeys(20)}j": 1\n${unknownKeys(20, 'sau')}`],
    ['a list item at the root’s column', `${VALID}${unknownKeys(20)}- mục\n${unknownKeys(20, 'sau')}`],
    // `yaml` reads a quote opened where a key starts on over lines as far in, to a quote in a
    // chunk js-yaml read clean, and reads the rest of that line as YAML: past a value's quote left
    // open, such a chunk must still be read.
    [
      'a quoted key left open past a quote, closed in a comment',
      `${VALID}a: "x\n${unknownKeys(12)}"k\n${unknownKeys(12, 'm')}d: 'x": !la 1 #'\n${unknownKeys(12, 'n')}`,
    ],
    [
      'a single-quoted key left open past a quote, closed in a comment',
      `${VALID}a: 'x\n${unknownKeys(12)}'k\n${unknownKeys(12, 'm')}# x': !la 1\n${unknownKeys(12, 'n')}`,
    ],
  ])('%s: the whole file’s report, at every chunk size and indent', (_name, body) => {
    for (const column of [1, 2, 4]) {
      const text = indent(body, column);
      for (const size of [1, 64, 500, 4000]) {
        const { chunked, whole } = both(text, size);
        expect(whole.problems.some((p) => p.severity === 'error')).toBe(true);
        expect(chunked, `column ${column}, chunks of ${size}`).toEqual(whole);
      }
    }
  });

  // Found by a review. `yaml` says "Map comment with trailing content" once per map, where a key
  // follows the last item that holds none (a flow key, or a block scalar's header, opening a
  // line): chunk reads would each say it of their own. A quote opened after a Tab where a key
  // starts runs on over the cut lines. Either the chunks give way, or they agree.
  it.each([
    ['a flow key, a key, a flow key', '  a: 1\n  [x]: 1\n  b: 1\n  [y]: 1\n  c: 1\n'],
    ['a flow key, then a comment at the end', '  a: 1\n  [x]: 1\n  b: 1\n  # c\n'],
    ['block scalar headers opening lines', ' t: 1\n >\n :\n b: 1\n >'],
    ['a flow key after a blank line, at column 0', 'k: 1\n \n[a1, b]: 1\ne: 1\n# c\n{a6: 1}: 2\nz: 1\n'],
    ['a flow collection ended by a key', '  a: 1\n  -\n  [\n  5: 1\n  b: 1\n'],
    ['a flow collection ended by a key, then a brace', '  t: 1\n  -\n  [\n  5: 1\n  }'],
    ['a quote after a Tab, closed in a comment', 'a: "x\nb: 1\n\t"k\nc: 1\n# ": !!str [1]\n'],
    ['the same, indented', '  a: "x\n  b: 1\n  \t"k\n  c: 1\n  # ": !!str [1]\n'],
    // Found by a review: a verbatim tag runs to a blank or `>`, brackets and all, so the `{` stays
    // open and every line after it is an error.
    ['a verbatim tag holding a bracket', 'a: 1\n[] {!<}>\nb: 1\nc: 1\nd: 1\n'],
    ['the same, indented', '  a: 1\n  q: {!<}>\n  z_0: 1\n  z_1: 1\n  z_2: 1\n'],
  ])('%s: the whole file’s report, or the whole-file path', (_name, text) => {
    const whole = finishLoad({ text }, options);
    for (const size of [1, 8, 64]) {
      const chunks = cutChunks(text, size);
      const chunked = chunks === undefined ? undefined : loadInChunks(text, chunks, options);
      if (chunked !== undefined) expect(chunked, `chunks of ${size}`).toEqual(whole);
    }
  });

  it('reads an indented file with a quote left open on every line no further than its report needs', () => {
    const text = indent(`${VALID}${Array.from({ length: 200 }, (_, i) => `mo_${i}: "x\n`).join('')}`, 2);
    const chunks = cutChunks(text, 64)!;
    const found = chunkedYaml(text, chunks);
    expect(found !== undefined && 'problems' in found && found.unread).toBeGreaterThan(chunks.length / 2);
    expect(loadInChunks(text, chunks, options)).toEqual(finishLoad({ text }, options));
  });

  it('never differs from the whole file on mutated indented plans (600 deterministic mutations)', () => {
    const pieces = [
      ...SYNTAX_MARKS,
      ' ',
      '&a ',
      '*a',
      '!!binary ',
      '\n  version: 2\n',
      '\n  khoa_la_3: 2\n',
      '\n  - mục\n',
      '\n  không hai chấm\n',
      '\n    lệch: 1\n',
      '\n lệch: 1\n',
      '\n  x: "mở\n',
      "\n  y: 'mở\n",
      '\n  "k\n',
      '\n  t: |\n  thân\n',
      '\n  1: một\n',
      '\n  "1": một\n',
      '\n  ]\n',
      '\n  {a: 1,\n',
      '\n  ?',
      '"#',
      '>2\n',
    ];
    const random = seededRandom(20261213);
    let compared = 0;
    let joined = 0;
    for (let i = 0; i < 600; i++) {
      const source = PLAN_SOURCES[random(PLAN_SOURCES.length)]! + unknownKeys(5 + random(20));
      // Half moved in after the edits (every line as far in), half before (edits at any column).
      const text =
        random(2) === 0
          ? indent(mutate(source, random, pieces, 1 + random(3)), 2)
          : mutate(indent(source, 2), random, pieces, 1 + random(3));
      const found = chunkedAgrees(text, [1, 64, 500][random(3)]!);
      if (found === 'joined') joined++;
      if (found === 'compared') compared++;
    }
    expect(compared).toBeGreaterThan(150);
    expect(joined).toBeGreaterThan(50);
  });

  it('never differs from the whole file on indented files full of YAML mistakes (200 deterministic files)', () => {
    const lines: Array<(i: number) => string> = [
      () => 'k: 1',
      (i) => `khoa_${i}: 1`,
      (i) => `khoa_${i}: 1`,
      (i) => `\tt${i}: 1`,
      (i) => `  l${i}: 1`,
      (i) => `q${i}: "a" b`,
      (i) => `u${i}: [1`,
      (i) => `o${i}: "mở`,
      (i) => `n${i}`,
      (i) => `- m${i}`,
      (i) => `a${i}:\n  - x\n   - y`,
      (i) => `c${i}: &a 1`,
      (i) => `d${i}: *a`,
      () => '# ghi chú',
      () => '',
      (i) => `e${i}: 1\n  f: 2`,
      (i) => `s${i}: 'mở`,
    ];
    const random = seededRandom(20261214);
    let compared = 0;
    let stopped = 0;
    for (let i = 0; i < 200; i++) {
      // A repeated key weighs double: enough problems for the report to fill before the end.
      const kinds = [0, 0, 1, ...Array.from({ length: 1 + random(3) }, () => random(lines.length))];
      const body = Array.from({ length: 200 + random(600) }, (_, n) => lines[kinds[random(kinds.length)]!]!(n));
      const text = indent(`${PLAN_SOURCES[random(PLAN_SOURCES.length)]!}${body.join('\n')}\n`, 1 + random(3));
      const found = chunkedStops(text, [1, 64, 500, 4000][random(4)]!);
      if (found === undefined) continue;
      compared++;
      if (found) stopped++;
    }
    expect(compared).toBeGreaterThan(120);
    expect(stopped).toBeGreaterThan(20);
  });

  it('never differs from the whole file on indented keys repeated in other forms (200 deterministic files)', () => {
    const forms = ['1', '1.0', '"1"', "'1'", '01', '0x1', 'true', 'True', 'null', '~', 'NaN', 'k', '"k"', 'k '];
    const random = seededRandom(20261215);
    let compared = 0;
    let repeats = 0;
    for (let i = 0; i < 200; i++) {
      const entries = Array.from({ length: 40 + random(80) }, (_, n) =>
        random(4) === 0 ? `${forms[random(forms.length)]}: ${n}\n` : `khoa_${n}: ${n}\n`,
      );
      const text = indent(`${VALID}${entries.join('')}`, 1 + random(3));
      const { chunked, whole } = both(text, [1, 64, 500][random(3)]!);
      if (chunked === undefined) continue;
      compared++;
      if (chunked.problems.some((p) => p.rule === 'yaml-duplicate-key')) repeats++;
      expect(chunked, text).toEqual(whole);
    }
    expect(compared).toBeGreaterThan(150);
    expect(repeats).toBeGreaterThan(120);
  });
});
