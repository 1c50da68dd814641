// Vietnamese typed in a legacy 8-bit encoding and then read as Unicode (Latin-1/Windows-1252)
// shows up as `Xin chµo` (TCVN3/ABC, one byte per letter) or `Xin chaøo` (VNI, a letter followed
// by a byte for its marks). A word counts as evidence for an encoding only when it is NOT a
// Vietnamese word as written but becomes one once decoded: correct NFC Vietnamese is made of
// real words, so it never counts, whatever letters it uses.
import { isVietnameseSyllable, isVietnameseWord } from './syllable.js';
import { memoize } from './memo.js';
import { forEachWordMatching } from './words.js';

export type LegacyEncoding = 'TCVN3' | 'VNI';

export interface LegacyDetection {
  encoding: LegacyEncoding;
  /** The first word that gave it away, as written and decoded. */
  sample: { written: string; decoded: string };
}

// TCVN3 (TCVN 5712:1993, the ABC fonts) read as Latin-1: each character on the first line stands
// for the one below it. The combining tones at 0xB0-0xB4 (the degree sign among them) and the
// capitals below 0xA1 (controls in Latin-1) are left out: rare, and they would only add noise.
const TCVN3_FROM = '¡¢£¤¥¦§¨©ª«¬\u00ad®¯µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüþÿ';
const TCVN3_TO = 'ĂÂÊÔƠƯĐăâêôơưđẰàảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹỵỐ';
const TCVN3 = new Map<string, string>();
for (let i = 0; i < TCVN3_FROM.length; i++) TCVN3.set(TCVN3_FROM.charAt(i), TCVN3_TO.charAt(i));

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

// VNI: the marks that follow a vowel (lower-case letters; upper-case ones are 0x20 below).
const VNI_MARKS = new Map<string, { shape?: string; tone?: string }>([
  ['ù', { tone: ACUTE }],
  ['ø', { tone: GRAVE }],
  ['û', { tone: HOOK }],
  ['õ', { tone: TILDE }],
  ['ï', { tone: DOT }],
  ['â', { shape: CIRCUMFLEX }],
  ['á', { shape: CIRCUMFLEX, tone: ACUTE }],
  ['à', { shape: CIRCUMFLEX, tone: GRAVE }],
  ['å', { shape: CIRCUMFLEX, tone: HOOK }],
  ['ã', { shape: CIRCUMFLEX, tone: TILDE }],
  ['ä', { shape: CIRCUMFLEX, tone: DOT }],
  ['ê', { shape: BREVE }],
  ['é', { shape: BREVE, tone: ACUTE }],
  ['è', { shape: BREVE, tone: GRAVE }],
  ['ú', { shape: BREVE, tone: HOOK }],
  ['ü', { shape: BREVE, tone: TILDE }],
  ['ë', { shape: BREVE, tone: DOT }],
]);
for (const [lower, mark] of [...VNI_MARKS]) VNI_MARKS.set(String.fromCharCode(lower.charCodeAt(0) - 0x20), mark);

// VNI letters that stand alone: ơ, ư, đ and i with a tone.
const VNI_LETTERS = new Map<string, string>([
  ['ô', 'ơ'],
  ['ö', 'ư'],
  ['ñ', 'đ'],
  ['æ', 'ỉ'],
  ['ó', 'ĩ'],
  ['ò', 'ị'],
  ['Ô', 'Ơ'],
  ['Ö', 'Ư'],
  ['Ñ', 'Đ'],
  ['Æ', 'Ỉ'],
  ['Ó', 'Ĩ'],
  ['Ò', 'Ị'],
]);

const VOWEL_BASE = /^[aeiouyAEIOUY]$/u;

export function decodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3.get(ch) ?? ch;
  return out;
}

export function decodeVni(text: string): string {
  const out: string[] = [];
  for (const ch of text) {
    const mark = VNI_MARKS.get(ch);
    const prev = out[out.length - 1];
    if (mark !== undefined && prev !== undefined && canTake(prev, mark.shape)) {
      out[out.length - 1] = (prev.normalize('NFD') + (mark.shape ?? '') + (mark.tone ?? '')).normalize('NFC');
      continue;
    }
    out.push(VNI_LETTERS.get(ch) ?? ch);
  }
  return out.join('');
}

function canTake(prev: string, shape: string | undefined): boolean {
  const parts = prev.normalize('NFD');
  const base = parts.charAt(0);
  if (!VOWEL_BASE.test(base)) return false;
  const marks = parts.slice(1);
  if (shape === undefined) return !/[\u0300\u0301\u0303\u0309\u0323]/u.test(marks);
  if (marks !== '') return false;
  if (shape === BREVE) return /[aA]/u.test(base);
  return /[aeoAEO]/u.test(base);
}

const LATIN1 = /[\u00a1-\u00ff]/u;
const LATIN1_ALL = /[\u00a1-\u00ff]/gu;

const DECODERS: ReadonlyArray<[LegacyEncoding, (w: string) => string]> = [
  ['TCVN3', decodeTcvn3],
  ['VNI', decodeVni],
];

interface Verdict {
  /** Encodings that turn the word into Vietnamese; empty when none does (or it already is). */
  encodings: readonly LegacyEncoding[];
  /** Neither Vietnamese nor explained by an encoding: a foreign name, say. */
  odd: boolean;
}

const PLAIN: Verdict = { encodings: [], odd: false };
// Vietnamese has a few thousand syllables: the memo stays small on real text.
const judgeWord = memoize<Verdict>((word) => {
  if (isVietnameseWord(word)) return PLAIN;
  const encodings = DECODERS.filter(([, decode]) => {
    const decoded = decode(word);
    return decoded !== word && isVietnameseSyllable(decoded);
  }).map(([encoding]) => encoding);
  return { encodings, odd: encodings.length === 0 };
}, 20_000);

/**
 * The legacy encoding `text` (NFC) looks like, or null. Flags only when words that decode to
 * Vietnamese outnumber the other odd words (foreign names such as Zürich or España). A tie
 * between the two encodings (one lone word such as Löu) goes to TCVN3.
 */
export function detectLegacy(text: string): LegacyDetection | null {
  if (!LATIN1.test(text)) return null;
  const counts: Record<LegacyEncoding, number> = { TCVN3: 0, VNI: 0 };
  const samples: Partial<Record<LegacyEncoding, string>> = {};
  let odd = 0;
  // The scanner keeps the Latin-1 signs TCVN3 uses for letters inside words: `chµo` is one word.
  // Only words holding a Latin-1 character are looked at, found by the regex engine.
  forEachWordMatching(text, LATIN1_ALL, (word) => {
    if (!hasLatin1AndAscii(word)) return;
    const verdict = judgeWord(word);
    if (verdict.odd) odd++;
    for (const encoding of verdict.encodings) {
      counts[encoding]++;
      samples[encoding] ??= word;
    }
  });
  const encoding: LegacyEncoding = counts.VNI > counts.TCVN3 ? 'VNI' : 'TCVN3';
  const written = samples[encoding];
  if (written === undefined || counts[encoding] <= odd) return null;
  const decoded = encoding === 'TCVN3' ? decodeTcvn3(written) : decodeVni(written);
  return { encoding, sample: { written, decoded } };
}

// Only a word with a Latin-1 character can be legacy text, and both encodings keep the plain
// letters, so it has one of those too. Lone signs («, ×) would decode to one-letter words (ô, ì)
// and prove nothing.
function hasLatin1AndAscii(word: string): boolean {
  let latin1 = false;
  let ascii = false;
  for (let i = 0; i < word.length && !(latin1 && ascii); i++) {
    const code = word.charCodeAt(i);
    if (code < 0x80) ascii = true;
    else if (code <= 0xff) latin1 = true;
  }
  return latin1 && ascii;
}

export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  return detectLegacy(text)?.encoding ?? null;
}
