// Issue 9, item 13: each message says what is really wrong, where, and what to write.
import { describe, expect, it } from 'vitest';
import { VALID, edit, load, positionOf, single } from './plan-helpers.js';

const TITLE = /^ {2}title: .*$/mu;

function withTitle(value: string): string {
  expect(VALID).toMatch(TITLE);
  return VALID.replace(TITLE, `  title: ${value}`);
}

describe('tags that change a value into bytes or a date', () => {
  it.each([
    ['!!binary aGVsbG8=', 'dữ liệu nhị phân'],
    ['!!timestamp 2022-03-15', 'ngày giờ'],
  ])('%s is named as the tag, at the tag, not as "not a map"', (value, becomes) => {
    const source = withTitle(value);
    const problem = single(load(source));
    const tag = value.split(' ')[0]!;
    expect(problem).toMatchObject({ rule: 'yaml-tag-type', severity: 'error', ...positionOf(source, tag) });
    expect(problem.message).toContain(`\`${tag}\``);
    expect(problem.message).toContain(becomes);
    expect(problem.message).not.toContain('nhóm khóa con');
  });
});

// `yaml` also says something of such a tag when it cannot make the value: "Unresolved tag" under
// `%YAML 1.1` (which leaves these tags to the application), a date of the wrong form, a set tag
// on a list. Those were shown beside the tag's own error, one calling the tag ignored, the other
// saying what it makes. One problem per tag now, whatever `yaml` made of it.
describe('tags for bytes, dates and sets, made or not', () => {
  const values = [
    '!!binary aGVsbG8=',
    '!!binary "%%%"',
    '!!timestamp 2022-03-15',
    '!!timestamp hôm nay',
    '!!timestamp [1]',
    '!!set [a]',
    '!!set {a}',
    '!!omap {a: 1}',
    '!!omap [{a: 1}]',
    '!!pairs {a: 1}',
    '!!set {a: 1}',
    '!!omap [{a: 1}, {a: 2}]',
    '!!pairs [a]',
    '!!pairs [{a: 1, b: 2}]',
    '!!la x',
  ];
  it.each(['', '%YAML 1.1\n---\n'])('say one thing at the tag, `%s` before the plan', (head) => {
    for (const value of values) {
      const source = head + withTitle(value);
      const problem = single(load(source));
      const tag = value.split(' ')[0]!;
      expect(problem, value).toMatchObject({ rule: 'yaml-tag-type', severity: 'error', ...positionOf(source, tag) });
      expect(problem.message).toContain('hãy xóa thẻ');
    }
  });
});

// Tags are looked at in the first document only: what `yaml` says of one in a later document is
// said (found by a review: it was left out there too, and the error lost).
it('says what yaml says of such a tag in a later document', () => {
  const text = 'a: 1\n---\nb: !!timestamp hôm nay\n';
  const problems = load(text).problems;
  expect(problems.map((p) => [p.rule, p.line])).toEqual([
    ['yaml-multiple-documents', 2],
    ['yaml-tag', 3],
  ]);
});

describe('numbers and dates', () => {
  it('`!!str 45` is told to remove the tag, not quotes it does not have', () => {
    const source = edit('  number: 45', '  number: !!str 45');
    const problem = single(load(source));
    expect(problem).toMatchObject({ rule: 'schema-type', ...positionOf(source, '45') });
    expect(problem.message).toContain('xóa thẻ `!!str`');
    expect(problem.message).not.toContain('ngoặc kép');
  });

  it('`!foo 45` (a tag YAML does not know) is told to remove the tag, not quotes it does not have', () => {
    const source = edit('  number: 45', '  number: !foo 45');
    const problems = load(source).problems;
    expect(problems.map((p) => p.rule)).toEqual(['yaml-tag', 'schema-type']);
    const problem = problems[1]!;
    expect(problem).toMatchObject(positionOf(source, '45'));
    expect(problem.message).toContain('xóa thẻ `!foo`');
    expect(problem.message).toContain('thẻ lạ `!foo`');
    expect(problem.message).not.toContain('ngoặc kép');
    expect(load(edit('  number: 45', "  number: !foo '45'")).problems[1]!.message).toContain(
      'xóa thẻ `!foo` và bỏ dấu ngoặc kép',
    );
  });

  it('`"45"` is still told to remove its quotes', () => {
    expect(single(load(edit('  number: 45', '  number: "45"'))).message).toContain('bỏ dấu ngoặc kép');
  });

  it('`date: 20220315` is told the form to use, not to add quotes', () => {
    const source = edit('  date: 2022-03-15', '  date: 20220315');
    const problem = single(load(source));
    expect(problem).toMatchObject({ rule: 'schema-format', ...positionOf(source, '20220315') });
    expect(problem.message).toContain('YYYY-MM-DD');
    expect(problem.message).toContain('`date: 2022-03-15`');
    expect(problem.message).not.toContain('ngoặc kép');
  });
});

describe('characters Word cannot hold', () => {
  it.each([
    ['\\uD800', 'U+D800'],
    ['\\uDC00', 'U+DC00'],
    ['\\uFFFE', 'U+FFFE'],
    ['\\uFDD0', 'U+FDD0'],
  ])('"%s" is rejected where it is written', (escape, label) => {
    const source = withTitle(`"Triển khai ${escape} năm 2022"`);
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'unicode-invalid',
      severity: 'error',
      path: '/document/title',
      ...positionOf(source, '"Triển khai'),
    });
    expect(problem.message).toContain(label);
  });

  it('a surrogate pair (an emoji) is fine', () => {
    const { plan } = load(withTitle('"Kế hoạch \\uD83D\\uDE00 năm 2022"'));
    expect(plan).toBeDefined();
  });
});

describe('encodings and line endings', () => {
  it('a UTF-32 BOM is called UTF-32, not UTF-16', () => {
    for (const bom of [
      [0xff, 0xfe, 0, 0],
      [0, 0, 0xfe, 0xff],
    ]) {
      const problem = single(load(Uint8Array.from([...bom, 0x61, 0, 0, 0])));
      expect(problem.rule).toBe('file-encoding');
      expect(problem.message).toContain('UTF-32');
      expect(problem.message).not.toContain('UTF-16');
    }
  });

  it('UTF-16 without a BOM is called UTF-16, not a binary file', () => {
    for (const bytes of [Buffer.from(VALID, 'utf16le'), Buffer.from(VALID, 'utf16le').swap16()]) {
      const problem = single(load(new Uint8Array(bytes)));
      expect(problem.rule).toBe('file-encoding');
      expect(problem.message).toContain('UTF-16');
      expect(problem.message).not.toContain('.docx');
    }
  });

  it('UTF-32 without a BOM is called UTF-32', () => {
    const ascii = 'version: 1\nkind: ke-hoach\n';
    const bytes = Uint8Array.from([...ascii].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]));
    expect(single(load(bytes)).message).toContain('UTF-32');
  });

  it('CR-only line endings are said once, not as one error per key on line 1', () => {
    const source = VALID.replace(/\n/gu, '\r');
    for (const input of [source, new TextEncoder().encode(source)]) {
      const problem = single(load(input));
      expect(problem).toMatchObject({ rule: 'file-line-endings', line: 1, column: 1 });
      expect(problem.message).toContain('CR');
    }
  });

  it('CRLF line endings stay valid', () => {
    expect(load(VALID.replace(/\n/gu, '\r\n')).plan).toBeDefined();
  });
});

describe('a block scalar header with text after it', () => {
  it('is told to move the text to the next line, and is never called an empty file', () => {
    const problem = single(load('version: 1\nmuc_tieu: > Nâng cao vị thế\n'));
    expect(problem).toMatchObject({ rule: 'yaml-syntax', line: 2, column: 13 });
    expect(problem.message).toContain('`Nâng cao vị thế` xuống dòng dưới');
  });

  // `yaml` puts an error in the place of the whole document when the root is closed first.
  it.each([
    ['a flow collection a line at column 0 ends', 'k: 1\nk: 1\n: [}{\n| x\n'],
    ['a line less indented than an indented root', '  k: 1\n  k: 1\n> x\n'],
  ])('after %s: the errors, not "file-empty"', (_name, text) => {
    const { problems } = load(text);
    expect(problems.map((p) => p.rule)).not.toContain('file-empty');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('a header with a comment after it is fine', () => {
    expect(load('version: 1\nmuc_tieu: > # ghi chú\n  Nâng cao\n').problems.map((p) => p.rule)).not.toContain(
      'yaml-syntax',
    );
  });
});
