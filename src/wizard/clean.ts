// What the clerk typed, made fit to store: NFC (macOS and copy-paste send NFD), no edge spaces,
// and single spaces inside, since stray runs of spaces come from IMEs and pasted PDF text and
// are never meaningful in a plan.

export function cleanAnswer(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[ \t\u00a0\u3000]+/g, ' ')
    .trim();
}

/** Split a list typed on one line. Agency names hold commas, so items are separated by `;`. */
export function splitList(raw: string): string[] {
  return cleanAnswer(raw)
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Agencies typed with commas ("Sở Ngoại vụ, Sở Công Thương, Sở Du lịch"). Names hold commas too
 * ("Sở Văn hóa, Thể thao và Du lịch"), so runs of pieces that make a known name stay one agency.
 */
export function splitAgencies(text: string, known: readonly string[]): string[] {
  const names = new Set(known.map((name) => cleanAnswer(name).toLocaleLowerCase('vi')));
  const pieces = cleanAnswer(text)
    .split(/\s*,\s*/u)
    .filter((piece) => piece !== '');
  const found: string[] = [];
  for (let i = 0; i < pieces.length;) {
    let j = pieces.length;
    while (j > i + 1 && !names.has(pieces.slice(i, j).join(', ').toLocaleLowerCase('vi'))) j--;
    found.push(pieces.slice(i, j).join(', '));
    i = j;
  }
  return found;
}

export function joinList(items: readonly string[] | undefined): string {
  return (items ?? []).join('; ');
}

/** Lower-case ASCII without tone marks, for searching and for file names. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/**
 * Every word of the term starts a word of the text, ignoring case and tone marks: "ha tinh" finds
 * Hà Tĩnh, not Lai Châu (whose "nhân" holds "ha").
 */
export function matches(text: string, term: string | undefined): boolean {
  if (term === undefined) return true;
  const words = fold(text).split(/[^\p{L}\p{N}]+/u);
  return fold(cleanAnswer(term))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .every((word) => words.some((w) => w.startsWith(word)));
}

/** Every word of the term is a whole word of the text ("ha giang" is Hà Giang more than Hậu Giang). */
export function matchesWhole(text: string, term: string): boolean {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u);
  return fold(cleanAnswer(term))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .every((word) => words.includes(word));
}

/** `ke-hoach-quang-tri-2026`: ASCII, lower case, words joined by hyphens. */
export function slug(...parts: (string | number | undefined)[]): string {
  return parts
    .filter((part) => part !== undefined && part !== '')
    .map((part) => fold(String(part)).replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Shorten for a one-line menu entry. */
export function ellipsis(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
