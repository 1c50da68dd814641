// One spelling to compare Vietnamese words on: lower case, NFC, and the tone mark of oa/oe/uy
// pairs on the first vowel (hoá → hóa, thuỷ → thủy), since both placements are in use.

const OLD_STYLE: Readonly<Record<string, string>> = {
  oà: 'òa',
  oá: 'óa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  uỷ: 'ủy',
  uý: 'úy',
  uỳ: 'ùy',
  uỹ: 'ũy',
  uỵ: 'ụy',
};
// One pass over the text, not one per pair: the renderer folds every syllable of every title.
const NEW_STYLE_PAIR = /o[àáảãạ]|u[ỷýỳỹỵ]/gu;

export function foldTone(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(NEW_STYLE_PAIR, (pair) => OLD_STYLE[pair] ?? pair);
}
