// Issue 9, item 3: a file with thousands of problems reports the first ones, located, and says how
// many it left out. Speed is measured by `npm run bench` (check-worst), never here.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHUNKED_FROM_CHARS } from '../src/plan/chunks.js';
import { type LoadResult, finishLoad, lastContentLine, loadPlan, locateFirst } from '../src/plan/load.js';
import { isUnsettled, loadQuickly } from '../src/plan/load-quick.js';
import { MAX_PROBLEMS_PER_FILE } from '../src/plan/problem.js';
import { TODAY, VALID, edit, load, positionOf } from './plan-helpers.js';
import { seededRandom } from './helpers/random.js';
import { flowPrefix } from '../src/plan/quick-parse.js';

describe('problems per file', () => {
  it('reports the first problems in order, each at its key, then one line for the rest', () => {
    const keys = 1000;
    let source = VALID;
    for (let i = 0; i < keys; i++) source += `khoa_la_${i}: 1\n`;
    const { plan, problems } = load(source);
    expect(plan).toBeUndefined();
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    for (let i = 0; i < MAX_PROBLEMS_PER_FILE; i++) {
      expect(problems[i]).toMatchObject({
        rule: 'schema-unknown-key',
        path: `/khoa_la_${i}`,
        ...positionOf(source, `khoa_la_${i}:`),
      });
    }
    const last = problems[MAX_PROBLEMS_PER_FILE]!;
    expect(last.rule).toBe('too-many-problems');
    expect(last.severity).toBe('error');
    expect(last.message).toContain(`… và ${keys - MAX_PROBLEMS_PER_FILE} lỗi khác không hiển thị`);
    expect(last).toMatchObject(positionOf(source, `khoa_la_${MAX_PROBLEMS_PER_FILE}:`));
  });

  it('leaves a file with fewer problems than the cap untouched', () => {
    let source = VALID;
    for (let i = 0; i < MAX_PROBLEMS_PER_FILE; i++) source += `khoa_la_${i}: 1\n`;
    const { problems } = load(source);
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE);
    expect(problems.some((p) => p.rule === 'too-many-problems')).toBe(false);
  });

  it('a thousand repeats of one key: each repeat located, then the rest counted', () => {
    const source = `${VALID}${'lap_lai: 1\n'.repeat(1000)}`;
    const { problems } = load(source);
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    const first = positionOf(source, 'lap_lai: 1');
    // The first is an unknown key; every later one is also a repeat of it.
    expect(problems.filter((p) => p.rule === 'yaml-duplicate-key')[0]).toMatchObject({
      line: first.line + 1,
      column: 1,
    });
    expect(problems.at(-1)?.rule).toBe('too-many-problems');
  });

  it('still finds a repeated key, in any map, at the repeat', () => {
    const source = VALID.replace(/^version: 1$/mu, 'version: 1\nversion: 1');
    const problem = load(source).problems.find((p) => p.rule === 'yaml-duplicate-key');
    expect(problem).toMatchObject({
      line: positionOf(source, '\nversion: 1', source.indexOf('version: 1')).line + 1,
      column: 1,
    });
  });
});

// A file with more problems than a report shows is located from a prefix of its text (the entries
// that hold the problems shown). The answer must be the one the whole-file path gives.
describe('locating only the problems shown', () => {
  const options = { today: TODAY };
  const unknownKeys = (n: number, indent = '', prefix = 'khoa_la'): string =>
    Array.from({ length: n }, (_, i) => `${indent}${prefix}_${i}: 1\n`).join('');

  const jsonValues = (n: number, indent: string): string =>
    Array.from(
      { length: n },
      (_, i) => `${indent}k_${i}: {\n${indent}  "a": ${i},\n${indent}  "b": [1, "x"]\n${indent}}\n`,
    ).join('');

  function both(source: string): { first: ReturnType<typeof locateFirst>; whole: LoadResult } {
    const quick = loadQuickly(source, options);
    if (!isUnsettled(quick)) throw new Error('the quick loader settled a file with problems');
    expect(quick.many, 'the schema reported more problems than are shown').toBeDefined();
    return { first: locateFirst(quick.text, quick.many!, options), whole: finishLoad({ text: quick.text }, options) };
  }

  it.each([
    ['unknown keys at the top level', `${VALID}${unknownKeys(1000)}`],
    ['unknown keys inside one entry, then more entries', edit('signer:\n', `signer:\n${unknownKeys(1500, '  ')}`)],
    [
      'a missing key, a wrong type and unknown keys in several entries',
      edit('kind: ke-hoach\n', `${unknownKeys(150, '', 'dau')}`)
        .replace('archive: VT, KGVX\n', `archive: [1, 2]\n${unknownKeys(120, '', 'giua')}`)
        .concat(unknownKeys(1400, '', 'cuoi')),
    ],
    ['warnings among the errors', edit('version: 1\n', `version: 1\n${unknownKeys(1500, '', 'kh\u006f\u0302ng')}`)],
    ['a key the line scan would not take for one', `${VALID}-an: 1\n${unknownKeys(1500)}`],
    ['unknown keys in the last entry', edit('signer:\n', 'ky:\n').concat(`signer:\n${unknownKeys(1500, '  ')}`)],
    // The first prefix holds only comments: a longer one is read.
    ['problems after a long stretch without any', `${VALID}${'# ghi chú dài\n'.repeat(3000)}${unknownKeys(4000)}`],
    // A prefix cut at a line inside a value over several lines leaves it open: it is cut at the
    // next top-level key instead.
    ['unknown keys holding JSON over several lines', `${VALID}${jsonValues(1500, '')}`],
    ['the same inside one entry', edit('signer:\n', `signer:\n${jsonValues(1500, '  ')}`)],
  ])('%s: the same report as reading the whole file', (_name, source) => {
    expect(source.length).toBeGreaterThan(16_384);
    const { first, whole } = both(source);
    expect(first).toBeDefined();
    expect(first).toEqual(whole);
    expect(whole.problems.at(-1)?.rule).toBe('too-many-problems');
  });

  it('gives the whole-file report for list items whose value starts below comment lines, at many cuts', () => {
    // Some of these cuts land between a dash and its value, where the item reads as empty.
    const items = Array.from({ length: 3000 }, (_, i) => `  - # mục ${i}\n    # ghi chú\n    ${i}\n`).join('');
    let located = 0;
    for (let pad = 0; pad < 48; pad++) {
      const source = VALID.replace(/^bases:\n(?: {2}- .*\n)+/mu, `${'#'.repeat(pad)}\nbases:\n${items}`);
      const { first, whole } = both(source);
      if (first === undefined) continue;
      located++;
      expect(first, `pad ${pad}`).toEqual(whole);
    }
    expect(located).toBeGreaterThan(40);
  });

  it('does not trust the last line with content before the cut, nor the comments after it', () => {
    const prefix = 'a: 1\nb:\n  - # mục\n    # ghi chú\n\n';
    expect(lastContentLine(prefix)).toBe(prefix.indexOf('  - # mục'));
    expect(lastContentLine('a: 1\nb: 2\n')).toBe('a: 1\n'.length);
    expect(lastContentLine('# chỉ có chú thích\n')).toBe(0);
  });

  it('reads a short file whole, with the same report', () => {
    const source = `${VALID}${unknownKeys(300)}`;
    expect(source.length).toBeLessThan(16_384);
    const { first, whole } = both(source);
    expect(first).toBeUndefined();
    expect(load(source)).toEqual(whole);
    expect(whole.problems.length).toBeGreaterThan(MAX_PROBLEMS_PER_FILE);
  });
});

// A plan written as JSON is read by JSON.parse, and its first problems are located in a prefix
// cut after a comma, its brackets closed (quick-parse.ts, jsonPrefix), on one line too.
describe('locating the problems of a plan written as JSON', () => {
  const options = { today: TODAY };
  const plan = parse(VALID) as Record<string, unknown>;
  const unknown = (n: number): Record<string, unknown> =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`khoa_la_${i}`, { v: `giá trị ${i}, mục [${i}] {"q"}` }]));
  const shapes: Array<[string, Record<string, unknown>]> = [
    ['unknown keys at the top level', { ...plan, ...unknown(3000) }],
    ['unknown keys inside one entry', { ...plan, signer: { ...(plan.signer as object), ...unknown(3000) } }],
    ['a wrong type, then unknown keys', { ...plan, archive: [1, 2], ...unknown(3000), kind: 5 }],
    [
      'a list too long, then unknown keys',
      { ...plan, bases: Array.from({ length: 5000 }, (_, i) => `Căn cứ ${i}`), ...unknown(2000) },
    ],
    ['a few problems early in a large file', { ...plan, version: 2, zz: Array.from({ length: 60_000 }, (_, i) => i) }],
  ];
  const layouts: Array<[string, (data: unknown) => string]> = [
    ['on one line', (data) => JSON.stringify(data)],
    ['indented', (data) => JSON.stringify(data, null, 2)],
    ['with Tabs and CRLF', (data) => JSON.stringify(data, null, '\t').replace(/\n/gu, '\r\n')],
    ['its `{` indented', (data) => `\n  ${JSON.stringify(data, null, 1)}\n`],
  ];
  for (const [shape, data] of shapes) {
    it.each(layouts)(`${shape}, %s: the whole file's report`, (_layout, write) => {
      const source = write(data);
      // Longer than a first prefix (16 KB); a file with few problems is also longer than one read whole.
      expect(source.length).toBeGreaterThan(shape.startsWith('a few') ? CHUNKED_FROM_CHARS : 16_384);
      const quick = loadQuickly(source, options);
      if (!isUnsettled(quick) || quick.many === undefined) throw new Error('JSON.parse did not read the file');
      expect(quick.many.json).toBe(true);
      const first = locateFirst(quick.text, quick.many, options);
      const whole = finishLoad({ text: quick.text }, options);
      expect(first).toBeDefined();
      expect(first).toEqual(whole);
      expect(loadPlan(source, options)).toEqual(whole);
    });
  }

  // The same maps in YAML's flow forms, which JSON.parse refuses and js-yaml reads: a comment
  // after each comma, keys unquoted, strings in single quotes, a comma before a closer
  // (quick-parse.ts, flowPrefix).
  const flowLayouts: Array<[string, (data: unknown) => string]> = [
    [
      'with a comment after each comma',
      (data) => `# ghi chú\n${JSON.stringify(data, null, 2).replace(/,\n/gu, ', # c, "x" [\n')}`,
    ],
    [
      'with unquoted keys and single quotes',
      (data) =>
        JSON.stringify(data, null, 1)
          .replace(/^( *)"([a-z_0-9]+)":/gmu, '$1$2:')
          .replace(/: "([^"'\\]*)"/gu, ": '$1'"),
    ],
    [
      'its lines at the margin, a comma after each last entry',
      (data) =>
        JSON.stringify(data, null, 1)
          .replace(/^ +/gmu, '')
          .replace(/\n([}\]])/gu, ',\n$1'),
    ],
  ];
  for (const [shape, data] of shapes) {
    it.each(flowLayouts)(`${shape} in YAML's flow forms, %s: the whole file's report`, (_layout, write) => {
      const source = write(data);
      expect(() => JSON.parse(source) as unknown).toThrow();
      const quick = loadQuickly(source, options);
      if (!isUnsettled(quick) || quick.many === undefined) throw new Error('js-yaml did not read the file');
      expect(quick.many.json).toBeUndefined();
      const first = locateFirst(quick.text, quick.many, options);
      const whole = finishLoad({ text: quick.text }, options);
      expect(first).toBeDefined();
      expect(first).toEqual(whole);
      expect(loadPlan(source, options)).toEqual(whole);
    });
  }

  // A block file whose first key is a flow map matched the test of a flow root, and a quote
  // misread in a plain scalar put the cut inside a comment, between a key and its value.
  it('cuts no block file whose first key is a flow map (found by a review)', () => {
    expect(flowPrefix('{a: 1}: x\nb: [1, 2]\n', 5)).toBeUndefined();
    const pad = '# ghi chú để độn tệp cho dài hơn\n';
    const source = `{a: 1}: x\n${VALID.replace('version: 1\n', '')}${pad.repeat(600)}z: a 'b\nversion:\n# c' [d, e\n  2\n${pad.repeat(8000)}`;
    const whole = finishLoad({ text: source }, options);
    expect(whole.problems.some((p) => p.rule === 'schema-const')).toBe(true);
    expect(loadPlan(source, options)).toEqual(whole);
  });

  it('leaves a key written twice to `yaml`, which says so', () => {
    const source = JSON.stringify({ ...plan, ...unknown(3000) }).replace('"khoa_la_7"', '"khoa_la_6"');
    const quick = loadQuickly(source, options);
    expect(isUnsettled(quick) && quick.many === undefined).toBe(true);
    expect(loadPlan(source, options).problems.map((p) => p.rule)).toContain('yaml-duplicate-key');
  });
});

// A large file with few problems: when they all lie early, `yaml` reads a prefix instead of 2 MB.
describe('locating every problem of a large file in a prefix', () => {
  const options = { today: TODAY };
  const edits: Array<[string, string]> = [
    ['version: 1\n', 'version: 2\n'],
    ['kind: ke-hoach\n', 'kind: ke-hoach\nkhoa_la: 1\n'],
    ['  year: 2022\n', '  year: hai nghìn\n'],
    ['      period: Hằng năm\n', '      period: 12\n'],
    ['      partners: [Sở Ngoại vụ]\n', '      partners: [Sở Ngoại vụ, 5]\n'],
    ['  due: 15/11\n', '  due: 31/02\n'],
    ['archive: VT, KGVX\n', 'archive: [VT]\n'],
  ];
  const random = seededRandom(1206);

  function sample(): { source: string; late: boolean } {
    let source = VALID;
    for (let n = 1 + random(3); n > 0; n--) {
      const [from, to] = edits[random(edits.length)]!;
      source = source.replace(from, to);
    }
    // Bulk after the problems: a long list (itself one problem, at its key) or comments.
    const bulk =
      random(2) === 0
        ? source.replace(/^bases:\n/mu, `bases:\n${'  - Căn cứ thêm\n'.repeat(20_000)}`)
        : `${source}${'# ghi chú dài dòng\n'.repeat(16_000)}`;
    // Sometimes one more problem at the very end, which no prefix holds.
    const late = random(3) === 0;
    return { source: late ? `${bulk}cuoi_tep: 1\n` : bulk, late };
  }

  it('gives the whole file’s report, and reads a prefix when every problem is in one', () => {
    let located = 0;
    for (let i = 0; i < 40; i++) {
      const { source, late } = sample();
      expect(source.length).toBeGreaterThan(CHUNKED_FROM_CHARS);
      const quick = loadQuickly(source, options);
      if (!isUnsettled(quick) || quick.many === undefined) throw new Error('a file with problems was settled');
      const first = locateFirst(quick.text, quick.many, options);
      const whole = finishLoad({ text: quick.text }, options);
      expect(whole.problems.length).toBeGreaterThan(0);
      expect(whole.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS_PER_FILE);
      // A problem past the first quarter (the one at the end, or one below the long list) is
      // left to the whole file, unless every problem is at a top-level key (atTopKeys).
      if (late && whole.problems.some((p) => p.path.split('/').length > 2)) expect(first).toBeUndefined();
      if (first !== undefined) {
        located++;
        expect(first).toEqual(whole);
      }
      expect(loadPlan(source, options)).toEqual(whole);
    }
    expect(located).toBeGreaterThan(8);
  });

  // A few problems all at top-level keys are placed at the keys' lines, without `yaml`.
  describe('a few problems at top-level keys', () => {
    const long = (n: number): string => `[${'1, '.repeat(n)}1]`;
    function both(source: string): { first: ReturnType<typeof locateFirst>; whole: LoadResult } {
      const quick = loadQuickly(source, options);
      if (!isUnsettled(quick) || quick.many === undefined) throw new Error('js-yaml did not read the file');
      return { first: locateFirst(quick.text, quick.many, options), whole: finishLoad({ text: quick.text }, options) };
    }
    it.each([
      ['an unknown key holding one long line', `${VALID}big: ${long(100_000)}\n`],
      ['an unknown key before a long line', `lạ: 1\n${VALID}big_x: ${long(100_000)}\n`],
      ['an unknown key after comments at the top', `# đầu\n\n# tệp\n${VALID}${'# ghi chú\n'.repeat(30_000)}lạ: 1\n`],
      [
        'a missing key and an unknown one',
        `${VALID.replace(/^funding:\n(?: {2}- .*\n)+/mu, '')}big: ${long(100_000)}\n`,
      ],
      ['a list too long', VALID.replace(/^bases:\n/mu, `bases:\n${'  - Căn cứ thêm\n'.repeat(20_000)}`)],
      ['keys written in NFD', `${VALID}${'# ghi chú\n'.repeat(30_000)}lạ_khác: 1\n`.normalize('NFD')],
      ['CRLF line ends', `${VALID}big: ${long(100_000)}\nlạ: 1\n`.replace(/\n/gu, '\r\n')],
    ])('%s: placed as the whole file places them', (_name, source) => {
      const { first, whole } = both(source);
      expect(first).toBeDefined();
      expect(first).toEqual(whole);
    });

    it.each([
      [
        'a key written twice, once in NFD',
        `${VALID}lạ: 1\n${'# ghi chú\n'.repeat(30_000)}${'lạ'.normalize('NFD')}: 2\n`,
      ],
      ['a quoted unknown key', `${VALID}"big": ${long(100_000)}\n`],
      ['a document marker first', `---\n${VALID}big: ${long(100_000)}\n`],
    ])('%s: left to the other paths, which agree with the whole file', (_name, source) => {
      const quick = loadQuickly(source, options);
      if (!isUnsettled(quick)) return;
      // The text as written: a marker before the only document is read as a blank line (quick.text).
      const whole = finishLoad({ text: source }, options);
      if (quick.many !== undefined) {
        const first = locateFirst(quick.text, quick.many, options);
        if (first !== undefined) expect(first).toEqual(whole);
      }
      expect(loadPlan(source, options)).toEqual(whole);
    });
  });

  it('keeps the plan of a valid file with warnings', () => {
    // Recipients without the Ministry of Foreign Affairs is a warning, not an error: the plan stands.
    const source = `${VALID.replace('  - Bộ Ngoại giao (để báo cáo)\n', '')}${'# ghi chú dài dòng\n'.repeat(16_000)}`;
    const whole = finishLoad({ text: source }, options);
    expect(whole.plan).toBeDefined();
    expect(whole.problems.length).toBeGreaterThan(0);
    const quick = loadQuickly(source, options);
    if (!isUnsettled(quick) || quick.many === undefined) throw new Error('a file with warnings was settled');
    expect(locateFirst(quick.text, quick.many, options)).toEqual(whole);
  });
});
