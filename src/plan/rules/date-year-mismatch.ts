import { at } from './draft.js';
import { FIRST_DATE, FIRST_YEAR, LAST_DATE, LAST_YEAR, realDate, vietnameseDate } from './dates.js';
import type { Rule } from './rule.js';

export const dateYearMismatch: Rule = {
  id: 'date-year-mismatch',
  severity: 'error',
  description: 'Khi có cả ngày và năm ban hành, năm phải trùng với năm của ngày.',
  check(plan) {
    const date = realDate(at(plan, 'document', 'date'));
    const year = at(plan, 'document', 'year');
    // A date or a year out of range already has its own message.
    if (date === null || date.iso < FIRST_DATE || date.iso > LAST_DATE) return [];
    if (typeof year !== 'number' || year < FIRST_YEAR || year > LAST_YEAR) return [];
    if (year === date.year) return [];
    return [
      {
        path: ['document', 'year'],
        message: `Năm ban hành \`year: ${year}\` khác năm của ngày ban hành \`date: ${date.iso}\`: hãy sửa cho khớp (\`year: ${date.year}\`), hoặc bỏ dòng \`year\` vì đã có ngày.`,
        ask: `Năm của kế hoạch là ${year}, còn Ngày ban hành ${vietnameseDate(date)} thuộc năm ${date.year}: hãy gõ một ngày trong năm ${year}, hoặc sửa Năm của kế hoạch thành ${date.year} (Esc: quay lại câu trước).`,
      },
    ];
  },
};
