import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../src/plan/decode.js';
import { VALID, load, positionOf, single } from './plan-helpers.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** `text` as UTF-8 with `bytes` spliced in at the first occurrence of `marker` (which they replace). */
function withBytes(text: string, marker: string, bytes: number[]): Uint8Array {
  const at = text.indexOf(marker);
  expect(at, `text holds ${JSON.stringify(marker)}`).toBeGreaterThanOrEqual(0);
  return Uint8Array.from([...utf8(text.slice(0, at)), ...bytes, ...utf8(text.slice(at + marker.length))]);
}

describe('loadPlan: a file that is not UTF-8 is reported at its first bad byte', () => {
  it('on line 51 of an otherwise valid plan, at the column an editor shows', () => {
    const marker = 'Nhân dân trên địa bàn';
    expect(VALID.split('\n')[50]).toContain(marker);
    // One Windows-1252 byte (0xEC, ì) where UTF-8 has ị, amid UTF-8 Vietnamese on the same line.
    const bytes = withBytes(VALID, marker, [...utf8('Nhân dân trên đ'), 0xec, ...utf8('a bàn')]);
    const problem = single(load(bytes));
    expect(problem).toMatchObject({
      rule: 'file-encoding',
      severity: 'error',
      ...positionOf(VALID, 'ịa bàn', VALID.indexOf(marker)),
    });
    expect(problem.line).toBe(51);
    expect(problem.message).toContain('0xEC');
    expect(problem.message).toContain('UTF-8');
  });

  it('counts columns in UTF-16 code units, as editors do, and ignores a BOM', () => {
    // 😀 takes four bytes and two UTF-16 units; the BOM takes three bytes and no column.
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('a: 1\nb: "😀 ồ'), 0xff, ...utf8('"\n')]);
    expect(single(load(bytes))).toMatchObject({ rule: 'file-encoding', line: 2, column: 9 });
  });

  it('points at a sequence cut short at the end of the file', () => {
    const bytes = Uint8Array.from([...utf8('a: 1\nb: x'), 0xe1, 0xbb]);
    expect(single(load(bytes))).toMatchObject({ rule: 'file-encoding', line: 2, column: 5 });
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['valid text', utf8('Cộng hòa xã hội chủ nghĩa Việt Nam 😀'), -1],
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong encoding of /', [0x61, 0x62, 0xc0, 0xaf], 2],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 0],
    ['a UTF-16 surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a lead byte that never starts a sequence', [0x61, 0xf8, 0x88, 0x80, 0x80, 0x80], 1],
    ['a sequence broken by an ASCII byte', [0xe1, 0xbb, 0x41], 0],
  ])('%s', (_, bytes, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected);
  });

  it('agrees with the fatal TextDecoder on random bytes, and the prefix before it decodes', () => {
    // A fixed linear congruential sequence: the same bytes on every run.
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const valid = (bytes: Uint8Array): boolean => {
      try {
        fatal.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    let invalid = 0;
    for (let n = 0; n < 3000; n++) {
      // Mostly bytes of real UTF-8 text, with a few random ones so that both outcomes occur.
      const text = utf8('Kế hoạch ngoại giao văn hóa 😀'.slice(0, 1 + (next() % 28)));
      const bytes = Uint8Array.from(text, (b) => (next() % 40 === 0 ? next() % 256 : b));
      const index = firstInvalidUtf8(bytes);
      expect(index === -1, Array.from(bytes).join(',')).toBe(valid(bytes));
      if (index !== -1) {
        invalid++;
        expect(valid(bytes.subarray(0, index))).toBe(true);
      }
    }
    expect(invalid).toBeGreaterThan(100);
  });
});
