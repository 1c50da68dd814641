import { readFileSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUP_LABELS, PILLAR_LABELS } from '../src/plan/labels.js';
import { decodeTcvn3, decodeVni, detectLegacy, detectLegacyEncoding } from '../src/text/legacy.js';
import { isVietnameseSyllable, isVietnameseWord } from '../src/text/syllable.js';

const ROOT = resolve(import.meta.dirname, '..');

interface Source {
  file: string;
  text: string;
}

function readAll(dir: string, pattern: RegExp): Source[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

/** Every title and description of the JSON schema: the text editors show while typing a plan. */
function schemaTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(schemaTexts);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    (key === 'title' || key === 'description') && typeof value === 'string' ? [value] : schemaTexts(value),
  );
}

const SCHEMA_FILE = resolve(ROOT, 'schemas', 'plan.schema.json');
const README_FILE = resolve(ROOT, 'README.md');

/**
 * Genuine Vietnamese, all of it inside the repository so that a fresh clone (and CI) holds it:
 * the examples, the templates and their data, the README, the schema's texts and the fixture.
 */
const SOURCES: Source[] = [
  ...readAll(resolve(ROOT, 'examples'), /\.yaml$/u),
  ...readAll(resolve(ROOT, 'templates'), /\.(yaml|hbs|md)$/u),
  { file: README_FILE, text: readFileSync(README_FILE, 'utf8') },
  ...schemaTexts(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).map((text) => ({ file: SCHEMA_FILE, text })),
  ...readAll(resolve(ROOT, 'test', 'fixtures', 'plan'), /^valid.*\.yaml$/u),
];

const CORPUS: string[] = [
  ...SOURCES.map((s) => s.text),
  ...Object.values(GROUP_LABELS),
  ...Object.values(PILLAR_LABELS),
]
  .map((text) => text.normalize('NFC'))
  .flatMap((text) => text.split('\n'))
  .filter((line) => /[^\x00-\x7f]/u.test(line));

describe('the corpus of genuine Vietnamese', () => {
  it('is read from inside the repository only, so a fresh clone runs these tests', () => {
    const outside = SOURCES.map((s) => relative(ROOT, s.file)).filter((rel) => rel.startsWith('..') || isAbsolute(rel));
    expect(outside).toEqual([]);
    const kinds = new Set(SOURCES.map((s) => relative(ROOT, s.file).split(sep)[0]));
    expect([...kinds].sort()).toEqual(['README.md', 'examples', 'schemas', 'templates', 'test']);
  });
});

/** The words of legacy-looking text that are not Vietnamese as written: the detector's clues. */
const legacyWords = (text: string): string[] =>
  [...text.matchAll(/\p{L}+/gu)].map(([w]) => w).filter((w) => /[\u00a1-\u00ff]/u.test(w) && !isVietnameseWord(w));

// Encoders built from the decoders, to write the corpus as the legacy tools would.
const TCVN3_ENCODE = new Map<string, string>();
for (let code = 0xa1; code <= 0xff; code++) {
  const legacy = String.fromCharCode(code);
  const letter = decodeTcvn3(legacy);
  if (letter !== legacy && !TCVN3_ENCODE.has(letter)) TCVN3_ENCODE.set(letter, legacy);
}
const toTcvn3 = (text: string): string => [...text].map((c) => TCVN3_ENCODE.get(c) ?? c).join('');

const VNI_TONE: Record<string, string> = { '\u0301': 'ù', '\u0300': 'ø', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï' };
const VNI_CIRCUMFLEX: Record<string, string> = {
  '': 'â',
  '\u0301': 'á',
  '\u0300': 'à',
  '\u0309': 'å',
  '\u0303': 'ã',
  '\u0323': 'ä',
};
const VNI_BREVE: Record<string, string> = {
  '': 'ê',
  '\u0301': 'é',
  '\u0300': 'è',
  '\u0309': 'ú',
  '\u0303': 'ü',
  '\u0323': 'ë',
};
const VNI_I: Record<string, string> = { '\u0301': 'í', '\u0300': 'ì', '\u0309': 'æ', '\u0303': 'ó', '\u0323': 'ò' };
const upper = (c: string, yes: boolean): string => (yes ? String.fromCharCode(c.charCodeAt(0) - 0x20) : c);
function toVni(text: string): string {
  let out = '';
  for (const ch of text) {
    const [base = '', ...marks] = [...ch.normalize('NFD')];
    const big = base !== base.toLowerCase();
    const tone = marks.find((m) => m in VNI_TONE) ?? '';
    const shape = marks.find((m) => !(m in VNI_TONE));
    if (ch === 'đ' || ch === 'Đ') out += upper('ñ', ch === 'Đ');
    else if (!/[aeiouy]/iu.test(base) || marks.length === 0) out += ch;
    else if (/i/iu.test(base) && shape === undefined) out += upper(VNI_I[tone]!, big);
    else if (shape === '\u031b')
      out += upper(base.toLowerCase() === 'o' ? 'ô' : 'ö', big) + (tone ? upper(VNI_TONE[tone]!, big) : '');
    else if (shape === '\u0302') out += base + upper(VNI_CIRCUMFLEX[tone]!, big);
    else if (shape === '\u0306') out += base + upper(VNI_BREVE[tone]!, big);
    else out += base + upper(VNI_TONE[tone]!, big);
  }
  return out;
}

describe('detectLegacyEncoding', () => {
  it('recognises the samples of the domain notes', () => {
    expect(detectLegacyEncoding('Xin chµo tÊt c¶ mäi ngêi')).toBe('TCVN3');
    expect(detectLegacyEncoding('Xin chaøo')).toBe('VNI');
    expect(detectLegacy('Xin chµo tÊt c¶ mäi ngêi')?.sample).toEqual({ written: 'chµo', decoded: 'chào' });
    expect(detectLegacy('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')?.sample).toEqual({
      written: 'Coäng',
      decoded: 'Cộng',
    });
  });

  it(`never flags genuine Vietnamese (${CORPUS.length} lines)`, () => {
    expect(CORPUS.length).toBeGreaterThan(300);
    const flagged = CORPUS.filter((line) => detectLegacyEncoding(line) !== null);
    expect(flagged).toEqual([]);
  });

  it('flags the same text once written in TCVN3 or VNI, naming the encoding, and decodes it back', () => {
    // Lower-case words that carry a letter only Vietnamese has (TCVN3 has no capitals with tones).
    const marked = (line: string): number =>
      [...line.matchAll(/\p{L}+/gu)].filter(
        ([w]) =>
          w === w.toLowerCase() && /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđơư]/u.test(w) && isVietnameseWord(w),
      ).length;
    const lines = CORPUS.filter((line) => marked(line) >= 2);
    expect(lines.length).toBeGreaterThan(300);
    let tied = 0;
    for (const line of lines) {
      expect(detectLegacyEncoding(toTcvn3(line)), toTcvn3(line)).toBe('TCVN3');
      // VNI writes ơ and ư as ô and ö, which TCVN3 reads as ụ and ử: a line whose only clues are
      // such words (nơi lưu → nôi löu → nụi lửu) fits both, and the documented tie goes to TCVN3.
      const vni = toVni(line);
      const bothWays = legacyWords(vni).every((w) => isVietnameseSyllable(decodeTcvn3(w)));
      if (bothWays) tied++;
      expect(detectLegacyEncoding(vni), vni).toBe(bothWays ? 'TCVN3' : 'VNI');
      expect(decodeVni(vni)).toBe(line);
    }
    expect(tied).toBeLessThan(lines.length / 50);
    expect(decodeTcvn3(toTcvn3('người Việt'))).toBe('người Việt');
  });

  it('cannot tell words that read as Vietnamese either way, and says nothing then', () => {
    // Phụ lục in TCVN3 is «Phô lôc»: two real words (phô, lôc).
    expect(toTcvn3('Phụ lục')).toBe('Phô lôc');
    expect(detectLegacyEncoding('Phô lôc')).toBeNull();
  });

  it.each([
    'Hợp tác với Zürich, España, Curaçao và São Paulo',
    'Giáo sư Müller, Gödel và Ångström; naïve café',
    'Khổ giấy 210 × 297 mm, nhiệt độ 25°C',
    'Nhóm «Huy động mọi chủ thể» ; « ngoặc kép kiểu Pháp »',
    '© UNESCO 2022, ISO® 9001 · Hà Nội',
    'Êđê, Đắk Lắk, HĐND, QĐ-TTg, TƯ',
  ])('leaves real text with Latin-1 letters alone: %s', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it('knows every lower-case word of the corpus as a Vietnamese word', () => {
    const odd = new Set<string>();
    let words = 0;
    for (const line of CORPUS) {
      for (const [word] of line.matchAll(/\p{L}+/gu)) {
        // đ alone is a list label (a, b, c, d, đ, e…), as Decree 30 letters the items of a list.
        if (word !== word.toLowerCase() || !/[^a-z]/u.test(word) || word === 'đ') continue;
        words++;
        if (!isVietnameseWord(word)) odd.add(word);
      }
    }
    expect(words).toBeGreaterThan(5000);
    expect([...odd]).toEqual([]);
  });
});
