import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findIndentFaults } from '../src/plan/indent.js';
import { FIXTURES, VALID, edit, load, positionOf, single } from './plan-helpers.js';

const INDENT = resolve(FIXTURES, 'indent');
const read = (name: string): string => readFileSync(resolve(INDENT, `${name}.yaml`), 'utf8');

/** The problems of a file as `line:column rule`, in order. */
function located(source: string): string[] {
  return load(source).problems.map((p) => `${p.line}:${p.column} ${p.rule}`);
}

describe('loadPlan: an indentation mistake is reported once, on the line out of step', () => {
  it.each([
    // A key one space deeper than the key above it (the parser blames the value above it, twice).
    ['short-over', '8:4'],
    ['short-over-comment', '9:4'],
    ['sector-over', '9:4'],
    ['sector-over-comment', '10:4'],
    // The first key of a block two spaces too deep: its siblings below look wrong to the parser.
    ['frequency-over', '99:5'],
    ['frequency-over-comment', '100:5'],
    // A key of a list item one space deeper than the item's first key.
    ['lead-over', '39:8'],
    ['lead-over-comment', '40:8'],
    // A key one space shallower than its siblings.
    ['short-under', '8:2'],
    ['short-under-comment', '9:2'],
  ])('%s: only at %s', (name, position) => {
    const source = read(name);
    expect(located(source)).toEqual([`${position} yaml-indent`]);
    // The fixture is the valid plan with that one line moved.
    const line = Number(position.split(':')[0]);
    const lines = source.split('\n');
    expect(lines.filter((l) => !VALID.split('\n').includes(l)).map((l) => l.trimStart())).toContain(
      lines[line - 1]!.trimStart(),
    );
  });

  it('names the key, its neighbour and the column to use', () => {
    const short = load(read('short-over')).problems[0]!;
    expect(short.message).toContain('`short`');
    expect(short.message).toContain('`name`');
    expect(short.message).toContain('cột 3');
    expect(short.message).toContain('cùng một cột');
    const frequency = load(read('frequency-over')).problems[0]!;
    expect(frequency.message).toContain('`frequency`');
    expect(frequency.message).toContain('`due`');
    expect(frequency.message).toContain('xóa bớt dấu cách');
    const under = load(read('short-under')).problems[0]!;
    expect(under.message).toContain('thêm dấu cách');
  });

  it('reports two separate mistakes in two blocks, once each', () => {
    expect(located(read('two-mistakes'))).toEqual(['8:4 yaml-indent', '100:4 yaml-indent']);
  });

  it('leaves other syntax errors of the same file where the parser puts them', () => {
    const source = read('frequency-over').replace('place: Quảng Trị', 'place: Tỉnh: Quảng Trị');
    expect(located(source)).toEqual(['10:10 yaml-syntax', '99:5 yaml-indent']);
  });
});

describe('loadPlan: what the parser finds far from its cause', () => {
  it.each([
    ['a quote', 'place: Quảng Trị', 'place: "Quảng Trị', '"Quảng', '`"`'],
    [
      'a bracket',
      'to: [Bộ Ngoại giao, Ủy ban nhân dân tỉnh]',
      'to: [Bộ Ngoại giao, Ủy ban nhân dân tỉnh',
      '[Bộ Ngoại',
      '`]`',
    ],
    [
      'a bracket in a list item',
      'partners: [Sở Ngoại vụ]\n      pillar: advocate',
      'partners: [Sở Ngoại vụ\n      pillar: advocate',
      '[Sở Ngoại vụ\n',
      '`]`',
    ],
  ])('an unclosed value (%s) is reported where it opens, once', (_, from, to, opening, closer) => {
    const source = edit(from, to);
    const problem = single(load(source));
    expect(problem).toMatchObject({ rule: 'yaml-syntax', ...positionOf(source, opening) });
    expect(problem.message).toContain(closer);
  });

  // `yaml` says these at the end of the text, a line past the last one (or that a key is out of
  // step, for a bracket); they are the clerk's last key left open.
  it.each([
    ['a list', 'archive: [VT, HTQT\n', '1:10', '`]`'],
    ['a list over lines', 'a: 1\nx: [1,\n  2\n', '2:4', '`]`'],
    ['a map', 'a: 1\nx: {b: 1\n', '2:4', '`}`'],
    ['a single quote', "a: 1\nx: 'mở\n", '2:4', "`'`"],
    ['a double quote over lines, no line break at the end', 'a: 1\nx: "mở\n  tiếp', '2:4', '`"`'],
  ])('an unclosed value (%s) at the end of the file is reported where it opens, once', (_, source, at, closer) => {
    const problem = single(load(source));
    expect(`${problem.line}:${problem.column}`).toBe(at);
    expect(problem.rule).toBe('yaml-syntax');
    expect(problem.message).toContain(closer);
  });

  it('moves a parser error off a comment line to the line it is about, and says each thing once', () => {
    const source = edit('place: Quảng Trị', 'place: a\n  # ghi chú\n  - b: c');
    const { problems } = load(source);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatchObject({ severity: 'error', ...positionOf(source, '- b: c') });
    expect(new Set(problems.map((p) => p.message)).size).toBe(problems.length);
  });
});

describe('loadPlan: every key and list item of the valid plan, moved by one space', () => {
  const lines = VALID.split('\n');
  const movable = lines.flatMap((text, index) => (/^\s*(?:- |[a-z]+:)/u.test(text) ? [index] : []));

  it.each(['deeper', 'shallower'] as const)(
    '%s, with or without a comment above: at most one indentation problem, on that line',
    (side) => {
      let reported = 0;
      for (const index of movable) {
        const text = lines[index]!;
        if (side === 'shallower' && !text.startsWith(' ')) continue;
        const moved = side === 'deeper' ? ` ${text}` : text.slice(1);
        const indent = moved.length - moved.trimStart().length;
        for (const comment of [false, true]) {
          const edited = [
            ...lines.slice(0, index),
            ...(comment ? [`${' '.repeat(indent)}# ghi chú`] : []),
            moved,
            ...lines.slice(index + 1),
          ];
          const line = index + 1 + (comment ? 1 : 0);
          const problems = load(edited.join('\n')).problems.filter((p) => p.rule.startsWith('yaml-'));
          // Some moves are still valid YAML (a list item read as the end of the item above).
          if (problems.length === 0) continue;
          reported++;
          const where = `${side} line ${index + 1}${comment ? ' after a comment' : ''}: ${JSON.stringify(problems)}`;
          expect(problems, where).toHaveLength(1);
          expect(problems[0], where).toMatchObject({ rule: 'yaml-indent', line });
          // At the `-` or at a key of that line.
          const columns = [...moved.matchAll(/(?:^|[ ])([-a-z])/gu)].map((m) => m.index + m[0].length);
          expect(columns, where).toContain(problems[0]!.column);
        }
      }
      expect(reported).toBeGreaterThan(movable.length / 2);
    },
  );
});

describe('findIndentFaults', () => {
  const ROOT = resolve(FIXTURES, '..', '..', '..');
  it.each([
    ...readdirSync(resolve(ROOT, 'examples')).map((name) => resolve(ROOT, 'examples', name)),
    resolve(ROOT, 'templates', 'init', 'ke-hoach.yaml'),
    resolve(ROOT, 'templates', 'data', 'agencies.yaml'),
    resolve(ROOT, 'templates', 'data', 'suggestions.yaml'),
    resolve(FIXTURES, 'valid.yaml'),
  ])('finds nothing in well-indented YAML: %s', (file) => {
    expect(findIndentFaults(readFileSync(file, 'utf8'), 'tab')).toEqual([]);
  });

  it('follows block scalars, multi-line quotes and flow lists, lists at their key’s column and wrapped values', () => {
    const source = [
      'a: |',
      '  text: with a colon',
      '    deeper text',
      '',
      '  after a blank line',
      'b: "a quoted value',
      '   continued: here"',
      'c: [one,',
      '      two: three]',
      'd:',
      '- item',
      '- key: value',
      '  other: value',
      'e: a plain value',
      '  wrapped on the next line',
      'f: &anchor',
      '  g: >-',
      '    folded',
      '  h: 1  # comment: here',
      '# comment at column 1',
      '      # deep comment',
      "i: 'it''s: fine'",
    ].join('\n');
    expect(load(source).problems.filter((p) => p.rule.startsWith('yaml-'))).toEqual([]);
    expect(findIndentFaults(source, 'tab')).toEqual([]);
  });

  // `yaml` reads these without a complaint. The scan took each for a value never closed, and its
  // message then hid the file's real mistake (found trying JSON plans with a comma left out).
  it.each([
    ['a map of JSON', '{\n  "a": 1,\n  "b": [\n    1,\n    2\n  ],\n  "c": "x\n    y",\n  "d": {\n  }\n}\n'],
    ['a list of JSON, its quotes over lines', '[\n  "a\n  b",\n  \'c\'\n]\n'],
    ['a map of JSON whose `{` is indented and its lines not', '\n  {\n"a": 1,\n"b": [\n1\n]\n}\n'],
    ['a bracket closing at its key’s column', 'a: [1,\n]\nb: {c: 1,\n}\n'],
    ['a bracket closing at its key’s column in a list item', 'l:\n  - a: [1,\n    ] # c\n'],
  ])('finds nothing in %s', (_name, source) => {
    // A root list or quote is no plan (yaml-not-mapping), but it is read as written.
    expect(load(source).problems.filter((p) => p.rule.startsWith('yaml-') && p.rule !== 'yaml-not-mapping')).toEqual(
      [],
    );
    expect(findIndentFaults(source, 'tab')).toEqual([]);
  });

  it.each([
    // Found by a review: a stray bracket before the first key, a closing bracket of the other kind,
    // a JSON file missing its last `}`.
    ['a bracket before the first key', '[version: 1\nkind: ke-hoach\n', 1],
    ['a closing bracket of the other kind', 'a: [1,\n}\nb: 2\n', 1],
    ['a JSON map missing its last bracket', '{"a": 1,\n"b": 2\n', 1],
    ['a JSON map a marker ends', '{\n  "a": 1,\n---\n}\n', 1],
    ['a bracket closing left of its key’s column', 'a:\n  b: [1,\n ]\n', 2],
    ['the inner bracket at the key’s column', 'a: [[1,\n]]\n', 1],
    ['a value at the key’s column', 'a: [1,\n2]\n', 1],
    // `yaml` reads on, but a quote closed nowhere near is the likelier mistake.
    ['a quote opening the first line, the next not deeper', '"a\nb"\n', 1],
  ])('still finds a value not closed in %s', (_name, source, line) => {
    expect(findIndentFaults(source, 'tab').map((f) => [f.rule, f.line])).toEqual([['yaml-syntax', line]]);
  });

  it('takes a flow collection at column 1 for the root only on its document’s first line', () => {
    expect(findIndentFaults('a: 1\n---\n# c\n[\n"x",\ny,\n]\n', 'tab')).toEqual([]);
    expect(findIndentFaults('a: 1\n[\n"x"\n]\n', 'tab').map((f) => f.line)).toEqual([2]);
  });

  // Found by a review: the `[` closed on its line was named, not the `{` after it.
  it.each([
    ['a: [x] {\nb: 1\n', 8, '`}`'],
    ['a: [x] {\n', 8, '`}`'],
  ])('names the bracket still open in %j, not one closed before it', (source, column, closer) => {
    const [fault] = findIndentFaults(source, 'tab');
    expect([fault?.line, fault?.column]).toEqual([1, column]);
    expect(fault?.message).toContain(closer);
  });
});

describe('loadPlan: a JSON plan with a comma left out', () => {
  it.each([
    // Found by a review: written without indentation, each of these was told only that the `{` at
    // 1:1 has no `}`.
    ['between two keys at column 1', '{\n"version": 1,\n"kind": "ke-hoach"\n"agency": {"name": "x"}\n}\n', 4],
    ['after a first key on the bracket’s line', '{"version": 1,\n"kind": "ke-hoach"\n"agency": {"name": "x"}}\n', 3],
    ['after a string over lines', '{\n  "a": "x\ny",\n  "b": 1\n  "c": 2\n}\n', 4],
    ['between two keys', '{\n  "a": 1\n  "b": 2\n}\n', 2],
    ['between two values', '{\n  "a": [\n    "x"\n    "y"\n  ]\n}\n', 4],
    ['then a key repeated', '{\n  "a": 1,\n  "a": 2\n}\n', 3],
    // Found trying JSON plans: an indented `{` whose lines are not was told it has no `}`.
    ['then a key repeated, the `{` indented', '  {\n"a": 1,\n"a": 2\n}\n', 3],
    // Found by a review: a line at the `{`'s own column was still taken for the block going on.
    [
      'then a key repeated, the `{` and its lines indented',
      '  {\n  "k": {\n    "v": 1\n  },\n  "k": {\n    "v": 2\n  }\n}\n',
      5,
    ],
  ])('is told %s, not of a bracket left open', (_name, source, line) => {
    const { problems } = load(source);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBe(line);
    for (const p of problems) expect(p.message).not.toMatch(/chưa có dấu/u);
  });
});
