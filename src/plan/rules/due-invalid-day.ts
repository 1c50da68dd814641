import { at, text } from './draft.js';
import { daysInMonth } from './dates.js';
import type { Rule } from './rule.js';

// Reports are due every year, so 29/02 is accepted: it exists in leap years, and rejecting it
// would only push users to 28/02 for no reason the document cares about.
const ANY_YEAR_MAX = (month: number): number => daysInMonth(month, 2024);

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
    if (month >= 1 && month <= 12 && day >= 1 && day <= ANY_YEAR_MAX(month)) return [];
    const why =
      month < 1 || month > 12
        ? `phần sau dấu \`/\` là tháng, chỉ từ 01 đến 12`
        : `tháng ${month} chỉ có ${ANY_YEAR_MAX(month)} ngày`;
    const example = month >= 1 && month <= 12 ? `${String(ANY_YEAR_MAX(month)).padStart(2, '0')}/${match[2]}` : '15/11';
    return [
      {
        path: ['reporting', 'due'],
        message: `Hạn gửi báo cáo \`${due}\` không phải ngày có thật (${why}): hãy viết ngày/tháng có thật, ví dụ \`due: ${example}\`.`,
      },
    ];
  },
};
