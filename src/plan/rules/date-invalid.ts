import { at } from './draft.js';
import { type CalendarDate, daysInMonth, isRealDate, isoParts } from './dates.js';
import type { Rule } from './rule.js';

export const dateInvalid: Rule = {
  id: 'date-invalid',
  severity: 'error',
  description: 'Ngày ban hành phải là một ngày có thật.',
  check(plan) {
    const value = at(plan, 'document', 'date');
    const parts = isoParts(value);
    if (parts === null || isRealDate(parts)) return [];
    const why =
      parts.month < 1 || parts.month > 12
        ? `năm chỉ có 12 tháng, tháng \`${String(parts.month).padStart(2, '0')}\` không có`
        : parts.day < 1
          ? 'ngày trong tháng bắt đầu từ 01'
          : `tháng ${parts.month} năm ${parts.year} chỉ có ${daysInMonth(parts.month, parts.year)} ngày`;
    return [
      {
        path: ['document', 'date'],
        message: `Ngày ban hành \`${String(value)}\` không có thật (${why}): hãy sửa lại theo dạng năm-tháng-ngày, ví dụ \`date: ${nearestDate(parts)}\`.`,
        ask: `Ngày ban hành ${parts.day}/${parts.month}/${parts.year} không có thật (${why.replace(/`/gu, '')}): hãy gõ lại, ví dụ ${typed(nearestDate(parts))}.`,
      },
    ];
  },
};

function typed(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

/** The real date nearest to the one written: the month brought into 1–12, the day into that month. */
function nearestDate({ year, month, day }: CalendarDate): string {
  const m = Math.min(12, Math.max(1, month));
  const d = Math.min(daysInMonth(m, year), Math.max(1, day));
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
