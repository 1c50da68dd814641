import { describe, expect, it } from 'vitest';
import { findToneStyles, toNewStyle, toOldStyle, toneStyle } from '../src/text/tone.js';

describe('tone-mark placement', () => {
  it.each([
    ['hòa', 'old', 'hòa', 'hoà'],
    ['hoà', 'new', 'hòa', 'hoà'],
    ['Ủy', 'old', 'Ủy', 'Uỷ'],
    ['uỷ', 'new', 'ủy', 'uỷ'],
    ['thủy', 'old', 'thủy', 'thuỷ'],
    ['khoẻ', 'new', 'khỏe', 'khoẻ'],
    ['HÓA', 'old', 'HÓA', 'HOÁ'],
    ['tuỳ', 'new', 'tùy', 'tuỳ'],
    ['họa', 'old', 'họa', 'hoạ'],
  ])('%s is the %s placement', (word, style, old, fresh) => {
    expect(toneStyle(word)).toBe(style);
    expect(toOldStyle(word)).toBe(old);
    expect(toNewStyle(word)).toBe(fresh);
    expect(toOldStyle(word)).toBe(toOldStyle(word).normalize('NFC'));
  });

  it.each(['hoa', 'hoàng', 'thuyết', 'quý', 'quỳ', 'của', 'thuở', 'khuya', 'người', 'hòn', 'Huế', 'ngoằn'])(
    '%s has one spelling only',
    (word) => {
      expect(toneStyle(word)).toBeNull();
      expect(toOldStyle(word)).toBe(word);
      expect(toNewStyle(word)).toBe(word);
    },
  );

  it('finds the words that show a placement, with their offsets, in NFD too', () => {
    const text = 'Văn hóa, hòa bình và phát triển bền vững; Ủy ban nhân dân; thuỷ lợi';
    const found = findToneStyles(text);
    expect(found.map((f) => [f.word, f.style])).toEqual([
      ['hóa', 'old'],
      ['hòa', 'old'],
      ['Ủy', 'old'],
      ['thuỷ', 'new'],
    ]);
    expect(text.slice(found[3]!.index, found[3]!.index + 4)).toBe('thuỷ');
    expect(toneStyle('hoà'.normalize('NFD'))).toBe('new');
  });
});

describe('findToneStyles finds every placement', () => {
  // Every o/u then a/e/y, toned or not, as a word and inside a sentence: whatever toneStyle says
  // of the word, findToneStyles must say of the text (its quick test must let all of them through).
  const firsts = [...'oòóỏõọuùúủũụOÒÓỎÕỌUÙÚỦŨỤ'];
  const seconds = [...'aàáảãạeèéẻẽẹyỳýỷỹỵAÀÁẢÃẠEÈÉẺẼẸYỲÝỶỸỴ'];
  it('on all 900 pairs after h and th', () => {
    let shown = 0;
    for (const first of firsts) {
      for (const second of seconds) {
        for (const word of [`h${first}${second}`, `th${first}${second}`]) {
          const style = toneStyle(word);
          const found = findToneStyles(`Kế hoạch ${word}, năm 2026`).find((o) => o.word === word);
          expect(found?.style ?? null, word).toBe(style);
          if (style !== null) shown++;
        }
      }
    }
    expect(shown).toBeGreaterThan(100);
  });
});
