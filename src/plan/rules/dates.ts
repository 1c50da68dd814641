// Calendar arithmetic for the date rules. Dates stay strings (YYYY-MM-DD): no time zone enters.

/** The Strategy's horizon, from the year of Letter 404. */
export const FIRST_YEAR = 2022;
export const LAST_YEAR = 2030;
export const FIRST_DATE = '2022-02-10';
export const LAST_DATE = '2030-12-31';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function daysInMonth(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The parts of a string shaped YYYY-MM-DD (real day or not); null for any other shape. */
export function isoParts(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (match === null) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function isRealDate({ year, month, day }: CalendarDate): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
}

/** A real date from `document.date`, or null when it is absent, malformed or not a real day. */
export function realDate(value: unknown): (CalendarDate & { iso: string }) | null {
  const parts = isoParts(value);
  return parts !== null && isRealDate(parts) ? { ...parts, iso: value as string } : null;
}

/** 15/03/2022: how a Vietnamese reader writes a date. */
export function vietnameseDate({ year, month, day }: CalendarDate): string {
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** Today in the user's own calendar, as YYYY-MM-DD. */
export function localIso(today: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}
