// Numbering as Vietnamese administrative documents write it: sections in Roman numerals, points
// in the letters of the Vietnamese alphabet that have no diacritic (Decree 30: a, b, c, d, đ, e,
// g, …, y — no f, j, w, z and no ă, â, ê, ô, ơ, ư).

export const POINT_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
] as const;

/**
 * The letter of the index-th point (0-based). Past `y` the letters double, then triple
 * (aa, bb, …, yy, aaa, …), which keeps them in the same alphabet and in order.
 */
export function pointLetter(index: number): string {
  const letter = POINT_LETTERS[index % POINT_LETTERS.length] ?? 'a';
  return letter.repeat(Math.floor(index / POINT_LETTERS.length) + 1);
}

/**
 * How a task is numbered in section II. Points run a) to y) (23 letters); a group with more tasks
 * would need "aa)", which a document office sends back, so then every group numbers its tasks as
 * sub-clauses of its clause instead (1.1., 1.2., …, 2.1., …), the same in every group of the plan.
 */
export function pointLabel(clause: number, index: number, decimal: boolean): string {
  return decimal ? `${clause}.${index + 1}.` : `${pointLetter(index)})`;
}

/** Whether a plan with these group sizes must number its tasks 1.1., 1.2. instead of a), b). */
export function needsDecimalPoints(sizes: readonly number[]): boolean {
  return sizes.some((size) => size > POINT_LETTERS.length);
}

const ROMAN: readonly [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function roman(value: number): string {
  let rest = value;
  let out = '';
  for (const [amount, symbol] of ROMAN) {
    while (rest >= amount) {
      out += symbol;
      rest -= amount;
    }
  }
  return out;
}
