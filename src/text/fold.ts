// One spelling to compare Vietnamese words on: lower case, NFC, and the tone mark of oa/oe/uy
// pairs on the first vowel (hoá → hóa, thuỷ → thủy), since both placements are in use.

export function foldTone(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/oà/gu, 'òa')
    .replace(/oá/gu, 'óa')
    .replace(/oả/gu, 'ỏa')
    .replace(/oã/gu, 'õa')
    .replace(/oạ/gu, 'ọa')
    .replace(/uỷ/gu, 'ủy')
    .replace(/uý/gu, 'úy')
    .replace(/uỳ/gu, 'ùy')
    .replace(/uỹ/gu, 'ũy')
    .replace(/uỵ/gu, 'ụy');
}
