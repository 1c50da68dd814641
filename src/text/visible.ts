// User text shown on a terminal must not act on it. A plan key can hold `\e]0;…\a` (which
// retitles the window), a carriage return (which overwrites the line) or U+202E (which reverses
// what follows, so a message reads differently from what the file holds). Every human-facing
// output shows such characters as a visible label instead.
import { codePointLabel } from './control.js';

// C0 but tab and line feed, DEL, C1; the bidi marks, embeddings, overrides and isolates; zero
// width space and the BOM; interlinear annotation marks; lone surrogates. Zero width (non-)joiners
// stay: emoji and some scripts need them.
const INVISIBLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/** `text` with every character that would act on a terminal shown as `‹U+001B›`. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (char) => `‹${codePointLabel(char)}›`);
}
