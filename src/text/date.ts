// Dates as Decree 30/2020/NĐ-CP prints them: a day below 10 and the months 1 and 2 take a leading
// zero ("ngày 05 tháng 01 năm 2020", "ngày 10 tháng 02 năm 2022"); months 3–12 never do
// ("ngày 29 tháng 6 năm 2019"). Months 1 and 2 keep the zero so that nobody can add a digit later.

/** What the signing office fills in by hand when the plan has no number or date yet. */
export const BLANK = '     ';

export interface DayMonthYear {
  day: number;
  month: number;
  year: number;
}

/** Parses `YYYY-MM-DD` without going through `Date`, so the time zone cannot shift the day. */
export function parseIsoDate(iso: string): DayMonthYear {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${iso}`);
  const [, y, m, d] = match;
  return { year: Number(y), month: Number(m), day: Number(d) };
}

export function decree30Day(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

export function decree30Month(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/** `ngày 05 tháng 3 năm 2022`, or `ngày      tháng      năm 2026` when the date is not known yet. */
export function decree30Date(iso: string | undefined, year: number): string {
  if (iso === undefined) return `ngày${BLANK}tháng${BLANK}năm ${year}`;
  const { day, month, year: y } = parseIsoDate(iso);
  return `ngày ${decree30Day(day)} tháng ${decree30Month(month)} năm ${y}`;
}

/** The place-and-date line of the header: `Quảng Trị, ngày 05 tháng 3 năm 2022`. */
export function placeAndDate(place: string, iso: string | undefined, year: number): string {
  return `${place}, ${decree30Date(iso, year)}`;
}

/** The document number with Decree 30's leading zero below 10 (`07`), or blanks when unnumbered. */
export function documentNumber(number: number | undefined): string {
  if (number === undefined) return BLANK;
  return number < 10 ? `0${number}` : String(number);
}
