export { normalizeDeep } from './nfc.js';
export { detectLegacy, detectLegacyEncoding, decodeTcvn3, decodeVni } from './legacy.js';
export type { LegacyDetection, LegacyEncoding } from './legacy.js';
export { findToneStyles, toneStyle, toNewStyle, toOldStyle } from './tone.js';
export type { ToneOccurrence, ToneStyle } from './tone.js';
export { isVietnameseSyllable, isVietnameseWord } from './syllable.js';
export { codePointLabel, findControlCharacter, findInvalidCharacter } from './control.js';
export { visible } from './visible.js';
