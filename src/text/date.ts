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

/** `15/6`, `05/01`: a day and month in running text, with the same zeros as the date line. */
export function dayMonth(day: number, month: number): string {
  return `${decree30Day(day)}/${decree30Month(month)}`;
}

// February has 28: a derived deadline recurs every year, and the 29th exists only in leap years.
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The deadlines within a year of a report due on `due` (`dd/mm`, `d/m`) and every `months` months
 * after it, earliest first, as `dayMonth` prints them. A derived deadline keeps the day, clamped
 * to its month's length: 31/8 every 6 months is also 28/02.
 */
export function recurringDeadlines(due: string, months: 3 | 6 | 12): string[] {
  const match = /^(\d{1,2})\/(\d{1,2})$/.exec(due.trim());
  if (!match) throw new Error(`not a day/month: ${due}`);
  const day = Number(match[1]);
  const month = Number(match[2]);
  const dates: { day: number; month: number }[] = [];
  for (let k = 0; k < 12 / months; k++) {
    const m = ((month - 1 + k * months) % 12) + 1;
    dates.push({ day: k === 0 ? day : Math.min(day, MONTH_LENGTHS[m - 1] ?? 28), month: m });
  }
  return dates.sort((a, b) => a.month - b.month).map((d) => dayMonth(d.day, d.month));
}

/**
 * A date as a clerk types it: `20/3/2027`, `20/03/27`, `20.3.2027`, `20-3-2027`,
 * `ngày 20 tháng 3 năm 2027`, `20 tháng 3, 2027`, or ISO `2027-03-20`. A two-digit year is
 * 20yy. The parts are returned whether or not the day exists (31/2): saying why is the rules' job.
 * Undefined for anything else.
 */
export function parseTypedDate(typed: string): DayMonthYear | undefined {
  const text = typed.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/gu, ' ').replace(/[.]$/u, '');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const numeric = /^(?:ngày )?(\d{1,2}) ?([/.-]) ?(\d{1,2}) ?\2 ?(\d{4}|\d{2})$/u.exec(text);
  const words = /^(?:ngày )?(\d{1,2}) tháng (\d{1,2})(?:,? năm|,|\/) ?(\d{4}|\d{2})$/u.exec(text);
  const [day, month, year] = numeric
    ? [numeric[1], numeric[3], numeric[4]]
    : words
      ? [words[1], words[2], words[3]]
      : [];
  if (day === undefined || month === undefined || year === undefined) return undefined;
  return { day: Number(day), month: Number(month), year: year.length === 2 ? 2000 + Number(year) : Number(year) };
}

export function toIsoDate({ year, month, day }: DayMonthYear): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `20/3/2027`: how the wizard offers a stored date back for editing. */
export function typedDate(iso: string): string {
  const { day, month, year } = parseIsoDate(iso);
  return `${day}/${month}/${year}`;
}
