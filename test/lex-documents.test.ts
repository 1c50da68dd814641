// Issue 9, item 3: where `yaml` starts each document, from its lexer alone (lex-documents.ts). The
// count and places must be those of `yaml`'s whole read, which the tests ask for each text.
import { describe, expect, it } from 'vitest';
import { seededRandom } from './helpers/random.js';
import { lexDocuments } from '../src/plan/lex-documents.js';
import { parseQuietly } from '../src/plan/parse-yaml.js';

/** Where `yaml`'s whole read starts each document. */
function documentStarts(text: string): number[] {
  return parseQuietly(text).map((doc) => doc.range[0]);
}

// Lines that start, end or take in documents, or hold what can make `yaml` warn.
const LINES = [
  '---',
  '--- ',
  '---\t# c',
  '--- a',
  '--- |',
  '--- "x',
  '--- !t',
  '--- &a',
  '---x',
  '---]',
  '...',
  '... # c',
  '... a',
  '...#',
  '%YAML 1.2',
  '%TAG !x! tag:x,1:',
  '%FOO',
  'a: 1',
  'b: "x',
  "c: 'y",
  '"',
  "'",
  '"---',
  'x: "a\\"',
  "y: 'it''s",
  'd: [1,',
  'e: {a: 1',
  ']',
  '}',
  ',',
  '[',
  '  a,',
  '  ]',
  '- y',
  '  - x',
  '? ---',
  ': b',
  '|',
  '  text',
  '   ---',
  'k: ---',
  '- ---',
  'z: ...',
  '# c "',
  '  k: v',
  'f: !x 1',
  'g: &a 1',
  'h: *a',
  'a: *b:',
  'b: &c: 1',
  '*a',
  '!t',
  '\t',
  '',
  '\ufeffa: 1',
];

describe('lexDocuments', () => {
  it.each([
    ['one document', 'a: 1\n', [0]],
    ['comments, then its marker', '# c\n---\na: 1\n', [4]],
    ['a marker after content', 'a: 1\n---\nb: 1\n', [0, 5]],
    ['empty documents', '---\n---\n', [0, 4]],
    ['a quote closed nowhere, which takes in every marker', 'a: 1\n---\nb: "x\n---\nc: 1\n---\n', [0, 5]],
    ['a quote closed past the marker, which ends there', 'a: "x\n---\nb: "y"\n', [0, 6]],
    ['content on an end line, which starts no document', '... a\n---\n', [0, 6]],
    ['a stray bracket, which gives its document no value', ']\n--- a\n', [0]],
    ['a document after an end line, with no marker', 'a: 1\n...\nb: 1\n', [0, 9]],
    ['a marker inside a block scalar, which ends it', 'a: |\n  x\n---\nb: 1\n', [0, 9]],
    ['a marker inside a flow list, which ends it', 'a: [1,\n---\nb: 1\n', [0, 7]],
    // Found by a review: the text after a block scalar's header is a token of its own.
    ['a marker after a header on an end line', 'a\n... | ---\nb\n', [0]],
  ])('starts the documents of %s where yaml does', (_name, text, starts) => {
    expect(documentStarts(text)).toEqual(starts);
    expect(lexDocuments(text).starts).toEqual(starts);
  });

  it('finds where a quote closed nowhere runs to the end', () => {
    expect(lexDocuments('a: 1\n---\nb: "x\n---\nc: 1\n').toEnd).toBe(12);
    expect(lexDocuments('a: "x"\n').toEnd).toBe(-1);
    expect(lexDocuments('a: "x\n---\nb: "y"\n').toEnd).toBe(-1);
  });

  it('places the last token that can warn, a directive after the first document at the end', () => {
    expect(lexDocuments('a: 1\n').lastWarnable).toBe(-1);
    expect(lexDocuments('a: !t 1\nb: [1]\nc: 1\n').lastWarnable).toBe(3);
    expect(lexDocuments('a: 1\nb: &x 1\nc: *x\n').lastWarnable).toBe(16);
    expect(lexDocuments('%FOO\n---\na: 1\n').lastWarnable).toBe(0);
    const later = 'a: 1\n...\n%FOO\n---\nb: 1\n';
    expect(lexDocuments(later).lastWarnable).toBe(later.length);
    expect(parseQuietly(later)[1]!.warnings).toHaveLength(1);
    // Found by a review: a tag after such a directive lowered it again.
    const tagged = 'a: 1\n---\n- a\nb: | %x\n!t\n---\nd: 1\n';
    expect(lexDocuments(tagged).lastWarnable).toBe(tagged.length);
  });

  it('agrees with yaml on 3,000 generated texts: starts, and no warning in a document past the last warnable token', () => {
    const random = seededRandom(20261207);
    let several = 0;
    let quiet = 0;
    for (let n = 0; n < 3000; n++) {
      const lines = Array.from({ length: 1 + random(12) }, () => LINES[random(LINES.length)]!);
      const text = lines.join(['\n', '\n', '\r\n'][random(3)]!) + ['', '\n'][random(2)]!;
      const docs = parseQuietly(text);
      const { starts, lastWarnable } = lexDocuments(text);
      expect(starts, JSON.stringify(text)).toEqual(docs.map((doc) => doc.range[0]));
      if (starts.length > 1) several++;
      for (const [index, start] of starts.entries()) {
        if (index === 0 || start <= lastWarnable) continue;
        quiet++;
        expect(
          docs.slice(index).flatMap((doc) => doc.warnings),
          JSON.stringify(text),
        ).toEqual([]);
      }
    }
    expect(several).toBeGreaterThan(1000);
    expect(quiet).toBeGreaterThan(500);
  });
});
