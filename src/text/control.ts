// Control characters have no business in a document's text: C0 except tab and line feed, DEL,
// and C1 (what Windows-1252 punctuation becomes when a file is misread as Latin-1).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

/** The first control character in `text` and its UTF-16 index, or null. */
export function findControlCharacter(text: string): { char: string; index: number } | null {
  const match = CONTROL.exec(text);
  return match === null ? null : { char: match[0], index: match.index };
}

/** `U+0007`: how messages name a character the user cannot see. */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

// A surrogate without its pair, and the noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF): YAML's
// `"\uD800"` escapes can write them, no font shows them, and Word's XML cannot hold them, so they
// would vanish from the document without a word.
const INVALID =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

// Every match of INVALID holds one of these code units. A plain class is several times quicker than
// INVALID's look-arounds, and almost no text has any of them.
const MAYBE_INVALID = /[\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** The first lone surrogate or noncharacter in `text` and its UTF-16 index, or null. */
export function findInvalidCharacter(text: string): { char: string; index: number } | null {
  if (!MAYBE_INVALID.test(text)) return null;
  const match = INVALID.exec(text);
  return match === null ? null : { char: match[0], index: match.index };
}
