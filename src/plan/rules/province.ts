// Provinces named in a plan's text, for the rules on whose province a plan speaks of.
import { memoize } from '../../text/memo.js';
import { toOldStyle } from '../../text/tone.js';
import type { IssuePath } from '../issue.js';
import { type TextRef, at, text, texts } from './draft.js';
import type { Draft } from './rule.js';

// "tỉnh Quảng Trị", "thành phố Hồ Chí Minh", "tỉnh Bà Rịa - Vũng Tàu": the level, then capitalised syllables.
const NAMED = /(?<![\p{L}])(tỉnh|thành phố) (\p{Lu}\p{Ll}*(?: (?:- )?\p{Lu}\p{Ll}*)*)/gu;

export interface Named {
  level: string;
  name: string;
  /** The words just before the level, lower case ("trên địa bàn", "ủy ban nhân dân"). */
  before: string;
}

export function provincesIn(value: string): Named[] {
  const text = value.normalize('NFC');
  // NAMED needs one of its two levels written out; most texts name none.
  if (!text.includes('tỉnh') && !text.includes('thành phố')) return [];
  return [...text.matchAll(NAMED)].map((m) => {
    let before: string | undefined;
    return {
      level: m[1]!,
      name: m[2]!,
      // Worded only when asked: most rules stop at the name.
      get before(): string {
        return (before ??= text.slice(Math.max(0, m.index - 40), m.index).toLocaleLowerCase('vi'));
      },
    };
  });
}

// A plan names its own province again and again: each name is folded once.
const foldName = memoize<string>(
  (name) =>
    name
      .split(/\s+/u)
      .map((w) => toOldStyle(w.toLocaleLowerCase('vi')))
      .join(' '),
  1000,
);

export const sameName = (a: string, b: string): boolean => foldName(a) === foldName(b);

/** The province or city the issuing agency governs, from its name, else its place name. */
export function ownProvince(plan: Draft): string | undefined {
  const name = text(at(plan, 'agency', 'name'));
  const named = name === undefined ? undefined : provincesIn(name).at(-1)?.name;
  return named ?? text(at(plan, 'agency', 'place'))?.trim();
}

// Where a plan speaks in its own voice; the agency, signer, recipients and report recipients name
// other bodies by right ("Ủy ban nhân dân các tỉnh", "Bộ Ngoại giao").
const OWN_VOICE = new Set(['document', 'purposes', 'requirements', 'tasks', 'funding', 'implementation']);

export function ownVoiceTexts(plan: Draft): { ref: TextRef; path: IssuePath }[] {
  return texts(plan)
    .map((ref) => ({ ref, path: ref.path }))
    .filter(({ path }) => OWN_VOICE.has(String(path[0])) && !(path[0] === 'document' && path[1] !== 'title'));
}
