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
