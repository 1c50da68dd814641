// formatCount and formatSeconds write Vietnamese numbers by hand (Intl's locale data is slow to
// load); they must write exactly what Intl.NumberFormat('vi-VN') writes for what a build reports.
import { describe, expect, it } from 'vitest';
import { formatCount, formatSeconds } from '../src/build/progress.js';

describe('Vietnamese number formats', () => {
  const count = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
  const seconds = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  it('match Intl for counts and durations', () => {
    const values = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 123456, 1000000, 1234567890];
    for (let i = 0; i < 5000; i++) values.push(Math.floor(Math.random() * 10 ** (1 + (i % 9))));
    for (const n of values) expect(formatCount(n), String(n)).toBe(count.format(n));
    const durations = [0, 4, 5, 6, 994, 995, 996, 1004, 1005, 1240, 59999, 3_600_000, 12_345_678];
    for (let i = 0; i < 5000; i++) durations.push(Math.random() * 10 ** (1 + (i % 8)));
    for (const ms of durations) expect(formatSeconds(ms), String(ms)).toBe(seconds.format(ms / 1000));
  });
});
