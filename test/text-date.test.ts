import { describe, expect, it } from 'vitest';
import { parseTypedDate, toIsoDate, typedDate } from '../src/text/date.js';

const iso = (typed: string): string | undefined => {
  const parts = parseTypedDate(typed);
  return parts === undefined ? undefined : toIsoDate(parts);
};

describe('dates as a clerk types them', () => {
  it.each([
    ['20/3/2027', '2027-03-20'],
    ['20/03/27', '2027-03-20'],
    ['5/1/27', '2027-01-05'],
    ['20.3.2027', '2027-03-20'],
    ['20-3-2027', '2027-03-20'],
    ['20 / 3 / 2027', '2027-03-20'],
    ['ngày 20 tháng 3 năm 2027', '2027-03-20'],
    ['Ngày 20 tháng 03 năm 2027.', '2027-03-20'],
    ['20 tháng 3 năm 2027', '2027-03-20'],
    ['20 tháng 3, 2027', '2027-03-20'],
    ['2027-03-20', '2027-03-20'],
    ['2027-3-5', '2027-03-05'],
    // NFD, as macOS sends it.
    ['ngày 20 tháng 3 năm 2027'.normalize('NFD'), '2027-03-20'],
  ])('%s is %s', (typed, expected) => {
    expect(iso(typed)).toBe(expected);
  });

  it('keeps a day that does not exist, for the rules to explain', () => {
    expect(parseTypedDate('31/2/2027')).toEqual({ day: 31, month: 2, year: 2027 });
  });

  it.each(['', 'mai', '20/3', '2027', '20/3-2027', '20 3 2027', 'ngày 20 tháng ba năm 2027'])('refuses %j', (typed) => {
    expect(parseTypedDate(typed)).toBeUndefined();
  });

  it('offers a stored date back as it is typed', () => {
    expect(typedDate('2027-03-05')).toBe('5/3/2027');
  });
});
