// Two placements of the tone mark are both in use for the open syllables ending in oa, oe and uy:
// the old one on the first vowel (hòa, khỏe, thủy) and the new one on the second (hoà, khoẻ,
// thuỷ). Syllables with a final consonant (hoàng, thuyết) and `qu` + y (quý) have one spelling.

import { memoize } from './memo.js';
import { isWordChar } from './words.js';

export type ToneStyle = 'old' | 'new';

const TONES = '\u0300\u0301\u0303\u0309\u0323';
const TONE_CLASS = new RegExp(`[${TONES}]`, 'u');

/** Which placement a word uses, or null when the word has only one correct spelling. */
export function toneStyle(word: string): ToneStyle | null {
  const parts = splitFinalPair(word);
  if (parts === null) return null;
  const [, first, second] = parts;
  const firstTone = TONE_CLASS.test(first.normalize('NFD'));
  const secondTone = TONE_CLASS.test(second.normalize('NFD'));
  if (firstTone === secondTone) return null;
  return firstTone ? 'old' : 'new';
}

/** The same word with the tone on the first vowel of the final pair (hoà → hòa). */
export function toOldStyle(word: string): string {
  return moveTone(word, 'old');
}

/** The same word with the tone on the second vowel of the final pair (hòa → hoà). */
export function toNewStyle(word: string): string {
  return moveTone(word, 'new');
}

function moveTone(word: string, style: ToneStyle): string {
  const current = toneStyle(word);
  const parts = splitFinalPair(word);
  if (current === null || current === style || parts === null) return word;
  const [head, first, second] = parts;
  const from = current === 'old' ? first : second;
  const to = current === 'old' ? second : first;
  const decomposed = from.normalize('NFD');
  const tone = [...decomposed].find((c) => TONES.includes(c)) ?? '';
  const stripped = decomposed.replace(TONE_CLASS, '').normalize('NFC');
  const marked = (to.normalize('NFD') + tone).normalize('NFC');
  return current === 'old' ? head + stripped + marked : head + marked + stripped;
}

const PAIR = /^(.*?)([oOuU][\u0300-\u036f]*)([aAeEyY][\u0300-\u036f]*)$/u;

// [everything before, first vowel, second vowel] of a word ending in oa/oe/uy, in NFC pieces.
function splitFinalPair(word: string): [string, string, string] | null {
  const match = PAIR.exec(word.normalize('NFD'));
  if (match === null) return null;
  const [, head = '', first = '', second = ''] = match;
  const base = (first.charAt(0) + second.charAt(0)).toLowerCase();
  if (base !== 'oa' && base !== 'oe' && base !== 'uy') return null;
  // Only the tone marks may sit on these vowels: ô, ơ, ư, â, ê make another syllable (thuở, ủa).
  if (/[^\u0300\u0301\u0303\u0309\u0323]/u.test(first.slice(1) + second.slice(1))) return null;
  if (base === 'uy' && /[qQ]$/u.test(head)) return null;
  // A vowel before the pair makes it part of a longer nucleus (khuya, ngoeo): not this case.
  if (/[aeiouyAEIOUY][\u0300-\u036f]*$/u.test(head)) return null;
  return [head.normalize('NFC'), first.normalize('NFC'), second.normalize('NFC')];
}

export interface ToneOccurrence {
  word: string;
  style: ToneStyle;
  /** UTF-16 offset of the word in the text. */
  index: number;
}

// Plans repeat the same few words (hóa, hòa, Ủy): remember each word's placement.
const memoStyle = memoize<ToneStyle | null>(toneStyle, 10_000);

// A placement shows only where one vowel of the pair carries the tone and the other does not, and
// in NFC each toned vowel is one character: only words ending in such a pair are looked at.
// Two such pairs never overlap: the second letter of one (a, e, y) cannot start another (o, u).
const TONED_PAIRS = /[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]|[òóỏõọùúủũụÒÓỎÕỌÙÚỦŨỤ][aAeEyY]/gu;

/** Every word of `text` (NFC) whose spelling shows a tone-mark placement. */
export function findToneStyles(text: string): ToneOccurrence[] {
  const found: ToneOccurrence[] = [];
  // Each pair that ends its word: the word's last two letters are then the pair.
  TONED_PAIRS.lastIndex = 0;
  for (let match = TONED_PAIRS.exec(text); match !== null; match = TONED_PAIRS.exec(text)) {
    const end = match.index + 2;
    if (end < text.length && isWordChar(text.charCodeAt(end))) continue;
    let start = match.index;
    while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
    const word = text.slice(start, end);
    const style = memoStyle(word);
    if (style !== null) found.push({ word, style, index: start });
  }
  return found;
}
