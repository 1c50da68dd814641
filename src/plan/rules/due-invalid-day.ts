import { at, text } from './draft.js';
import { daysInMonth } from './dates.js';
import type { Rule } from './rule.js';

// Reports are due every year, so 29/02 is accepted: it exists in leap years, and rejecting it
// would only push users to 28/02 for no reason the document cares about. A suggestion, though,
// must be a day every year has, so it never proposes 29/02.
const LEAP_YEAR = 2024;
const COMMON_YEAR = 2023;

/** The real day nearest to `day`/`month`: the month brought into 1–12, the day into that month. */
function nearestDueDay(day: number, month: number): string {
  const m = Math.min(12, Math.max(1, month));
  const d = Math.min(daysInMonth(m, COMMON_YEAR), Math.max(1, day));
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}`;
}

export const dueInvalidDay: Rule = {
  id: 'due-invalid-day',
  severity: 'error',
  description: 'Hạn gửi báo cáo (dd/mm) phải là một ngày có thật trong năm.',
  check(plan) {
    const due = text(at(plan, 'reporting', 'due'));
    const match = due === undefined ? null : /^(\d{2})\/(\d{2})$/u.exec(due);
    if (match === null) return [];
    const day = Number(match[1]);
    const month = Number(match[2]);
    const monthOk = month >= 1 && month <= 12;
    if (monthOk && day >= 1 && day <= daysInMonth(month, LEAP_YEAR)) return [];
    let why: string;
    if (!monthOk) why = 'phần sau dấu `/` là tháng, chỉ từ 01 đến 12';
    else if (day < 1) why = 'phần trước dấu `/` là ngày, bắt đầu từ 01';
    else if (month === 2) why = 'tháng 2 chỉ có 28 ngày, 29 ngày vào năm nhuận';
    else why = `tháng ${month} chỉ có ${daysInMonth(month, COMMON_YEAR)} ngày`;
    return [
      {
        path: ['reporting', 'due'],
        message: `Hạn gửi báo cáo \`${due}\` không phải ngày có thật (${why}): hãy viết ngày/tháng có thật, ví dụ \`due: ${nearestDueDay(day, month)}\`.`,
        ask: `Hạn gửi báo cáo ${due} không phải ngày có thật (${why.replace(/`/gu, '')}): hãy gõ ngày/tháng có thật, ví dụ ${nearestDueDay(day, month)}.`,
      },
    ];
  },
};
