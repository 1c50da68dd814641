// The regex-led word scans must visit exactly the words a character-by-character scan would.
import { describe, expect, it } from 'vitest';
import { findToneStyles, toneStyle } from '../src/text/tone.js';
import { forEachWordMatching, isWordChar } from '../src/text/words.js';
import { seededRandom } from './helpers/random.js';

// Letters, toned vowels of the oa/oe/uy pairs, Latin-1 signs of the legacy encodings, combining
// marks, and the separators a word scan must stop at.
const PIECES = [
  'hoà',
  'hòa',
  'khỏe',
  'khoẻ',
  'thủy',
  'thuỷ',
  'quý',
  'hoàng',
  'chµo',
  'Zürich',
  'a',
  'o',
  'u',
  'y',
  'ò',
  'à',
  'é',
  'ỳ',
  'Ủ',
  'OÀ',
  '\u0300',
  '¸',
  'µ',
  ' ',
  ' ',
  '-',
  '–',
  '“',
  '”',
  '\u2003',
  ',',
  '.',
  '1',
  '\n',
  'đ',
  'Đ',
  'ư',
  'ơ',
  '\ufeff',
];

function randomText(random: (n: number) => number): string {
  let text = '';
  for (let i = random(40); i >= 0; i--) text += PIECES[random(PIECES.length)]!;
  return text;
}

/** The words of `text` that `keep` keeps, found character by character. */
function wordsByScan(text: string, keep: (word: string) => boolean): Array<[string, number]> {
  const found: Array<[string, number]> = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inWord = i < text.length && isWordChar(text.charCodeAt(i));
    if (inWord && start === -1) start = i;
    else if (!inWord && start !== -1) {
      const word = text.slice(start, i);
      if (keep(word)) found.push([word, start]);
      start = -1;
    }
  }
  return found;
}

describe('regex-led word scans', () => {
  it('forEachWordMatching visits each word that holds a match, once', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 3000; i++) {
      const text = randomText(random);
      const found: Array<[string, number]> = [];
      forEachWordMatching(text, /[\u00a1-\u00ff]/gu, (word, index) => found.push([word, index]));
      expect(found, JSON.stringify(text)).toEqual(wordsByScan(text, (w) => /[\u00a1-\u00ff]/u.test(w)));
    }
  });

  it('findToneStyles finds the words ending in o/u then a/e/y (either toned) that toneStyle places', () => {
    const first = new Set('oòóỏõọuùúủũụOÒÓỎÕỌUÙÚỦŨỤ');
    const second = new Set('aàáảãạeèéẻẽẹyỳýỷỹỵAÀÁẢÃẠEÈÉẺẼẸYỲÝỶỸỴ');
    const endsInPair = (w: string): boolean => first.has(w.charAt(w.length - 2)) && second.has(w.charAt(w.length - 1));
    const random = seededRandom(11);
    for (let i = 0; i < 3000; i++) {
      const text = randomText(random);
      const expected = wordsByScan(text, (w) => endsInPair(w) && toneStyle(w) !== null).map(([word, index]) => ({
        word,
        style: toneStyle(word),
        index,
      }));
      expect(findToneStyles(text), JSON.stringify(text)).toEqual(expected);
    }
  });
});
