// Text helpers of the importer: undoing the letterhead's upper case, splitting lists of names that
// the document joined with commas, and undoing the full stops and semicolons the renderer adds.
import { upperVi } from '../../render/signer.js';
import { AGENCY_HEADS } from './phrases.js';

const isLetter = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char);
const startsUpper = (text: string): boolean => {
  const first = text.charAt(0);
  return first !== first.toLocaleLowerCase('vi');
};

/** One space between words, no blanks around. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Texts in their own case (the body of the document, known agency names and titles), which tell
 * how an upper-case line of the letterhead or the signature block is written in running text.
 */
export class CaseBook {
  private readonly texts: { text: string; upper: string }[] = [];

  add(...texts: readonly string[]): void {
    for (const raw of texts) {
      const text = raw.normalize('NFC');
      const upper = upperVi(text);
      // Vietnamese letters keep their length in upper case; anything else is not worth the risk.
      if (upper.length === text.length && upper !== text) this.texts.push({ text, upper });
    }
  }

  private find(phrase: string): string | undefined {
    let fallback: string | undefined;
    for (const { text, upper } of this.texts) {
      for (let at = upper.indexOf(phrase); at >= 0; at = upper.indexOf(phrase, at + 1)) {
        if (isLetter(upper[at - 1]) || isLetter(upper[at + phrase.length])) continue;
        const found = text.slice(at, at + phrase.length);
        if (startsUpper(found)) return found;
        fallback ??= found;
      }
    }
    return fallback;
  }

  /**
   * `upper` as the book writes it: the longest runs of words found in the book, in their case;
   * a word found nowhere is lower-cased (the first one capitalised) and makes the result a guess.
   */
  recover(upper: string): { text: string; guessed: boolean } {
    const words = squash(upper)
      .split(' ')
      .filter((w) => w !== '');
    const out: string[] = [];
    let guessed = false;
    for (let i = 0; i < words.length;) {
      let taken = false;
      for (let j = words.length; j > i; j--) {
        const found = this.find(words.slice(i, j).join(' '));
        if (found !== undefined) {
          out.push(found);
          i = j;
          taken = true;
          break;
        }
      }
      if (!taken) {
        const word = words[i] ?? '';
        // An acronym (UBND, HĐND, TW) has no vowel to lower.
        out.push(
          /[AEIOUYĂÂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴẮẰẲẴẶẤẦẨẪẬẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ]/u.test(word)
            ? word.toLocaleLowerCase('vi')
            : word,
        );
        guessed = true;
        i++;
      }
    }
    const text = out.join(' ');
    return { text: text.charAt(0).toLocaleUpperCase('vi') + text.slice(1), guessed };
  }
}

function startsAgency(piece: string): boolean {
  return AGENCY_HEADS.some((head) => piece === head || piece.startsWith(`${head} `));
}

/**
 * Splits "A, B và C" (or "A, B" with `and: false`) back into names. Names themselves hold commas
 * and "và" ("Sở Văn hóa, Thể thao và Du lịch"), so a known name is taken whole, and otherwise a
 * new name starts only where a piece starts with an agency word (Sở, Bộ, Ủy ban…).
 */
export function splitNames(text: string, known: ReadonlySet<string>, options: { and: boolean }): string[] {
  const parts = text.split(options.and ? /(, | và )/u : /(, )/u);
  const pieces = parts.filter((_, i) => i % 2 === 0);
  const seps = parts.filter((_, i) => i % 2 === 1);
  const joined = (from: number, to: number): string => {
    let out = pieces[from] ?? '';
    for (let k = from + 1; k <= to; k++) out += (seps[k - 1] ?? '') + (pieces[k] ?? '');
    return out;
  };
  const names: string[] = [];
  for (let i = 0; i < pieces.length;) {
    let end = -1;
    for (let j = pieces.length - 1; j >= i; j--) {
      if (known.has(joined(i, j))) {
        end = j;
        break;
      }
    }
    if (end < 0) {
      end = i;
      while (end + 1 < pieces.length && !startsAgency(pieces[end + 1] ?? '') && !known.has(pieces[end + 1] ?? ''))
        end++;
    }
    names.push(joined(i, end));
    i = end + 1;
  }
  return names.filter((n) => n.trim() !== '');
}

/** Undo `suffix` added by the renderer: dropped once unless what remains ends with it too. */
export function dropAdded(text: string, suffix: string): string {
  if (!text.endsWith(suffix)) return text;
  const rest = text.slice(0, -suffix.length);
  return rest.endsWith(suffix) ? text : rest;
}

/** A typed list item without its bullet: "- ", "+ ", "• ", "a) ", "1.2. ". */
export function unbullet(text: string): string {
  return text.replace(/^(?:[-+•*–]\s+|[a-zđ]\)\s+|\d+(?:\.\d+)+\.?\s+)/u, '');
}

/** Trailing list punctuation of a hand-typed item: "Sở Ngoại vụ;" → "Sở Ngoại vụ". */
export function untrail(text: string): string {
  return text.replace(/[\s;,.]+$/u, '');
}

/** Share of `a`'s words found in `b` (lower case): how alike two wordings of one task are. */
export function overlap(a: string, b: string): number {
  const words = (s: string): string[] =>
    s
      .toLocaleLowerCase('vi')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1);
  const left = words(a);
  if (left.length === 0) return 0;
  const right = new Set(words(b));
  return left.filter((w) => right.has(w)).length / left.length;
}
