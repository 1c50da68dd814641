// What a well-formed Vietnamese syllable looks like. Used by the legacy-encoding detector: a word
// that is already a real syllable is never taken for mis-decoded text, so every real syllable
// must pass (place names such as Đắk Lắk included), while mis-decoded letters (taùc) must not.

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
// Vowel groups as spelt (before tone marks), longest first. Those ending in a glide (ai, ao, ươi)
// close the syllable; ă, â and the diphthongs iê, yê, uô, ươ need a final consonant; the rest may
// take one or not.
const CLOSED = [
  'oai',
  'oay',
  'oao',
  'oeo',
  'uây',
  'uôi',
  'ươi',
  'ươu',
  'iêu',
  'yêu',
  'uya',
  'uyu',
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iu',
  'oi',
  'ôi',
  'ơi',
  'ua',
  'ui',
  'ưa',
  'ưi',
  'ưu',
];
const BOUND = ['uyê', 'iê', 'yê', 'uô', 'ươ', 'oă', 'uâ', 'uă', 'ă', 'â'];
const OPEN = ['oa', 'oe', 'uê', 'uơ', 'uy', 'a', 'e', 'ê', 'i', 'y', 'o', 'ô', 'ơ', 'u', 'ư'];
const CODA = '(?:ch|ng|nh|c|k|m|n|p|t)';
const RHYME = `(?:${CLOSED.join('|')})|(?:${BOUND.join('|')})${CODA}|(?:${OPEN.join('|')})${CODA}?`;
const SYLLABLE = new RegExp(`^${ONSET}(?:${RHYME})$`, 'u');

/** True when `word` (NFC, letters only) is spelt like one Vietnamese syllable, ignoring case. */
export function isVietnameseSyllable(word: string): boolean {
  const lower = word.toLowerCase();
  const bare = lower.normalize('NFD');
  const tones = bare.match(TONE_MARKS);
  if (tones !== null && tones.length > 1) return false;
  return SYLLABLE.test(bare.replace(TONE_MARKS, '').normalize('NFC'));
}

/** A syllable written as people write words: all lower, Capitalised or ALL CAPS. */
export function isVietnameseWord(word: string): boolean {
  if (!isVietnameseSyllable(word)) return false;
  const lower = word.toLowerCase();
  if (word === lower || word === word.toUpperCase()) return true;
  return word === lower.charAt(0).toUpperCase() + lower.slice(1);
}
