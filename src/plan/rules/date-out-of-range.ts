import { at } from './draft.js';
import { FIRST_DATE, FIRST_YEAR, LAST_DATE, LAST_YEAR, realDate, vietnameseDate } from './dates.js';
import type { Rule } from './rule.js';

export const dateOutOfRange: Rule = {
  id: 'date-out-of-range',
  severity: 'error',
  description: 'Ngày ban hành nằm trong khoảng từ 10/02/2022 (ngày Công văn 404) đến 31/12/2030.',
  check(plan) {
    const date = realDate(at(plan, 'document', 'date'));
    if (date === null || (date.iso >= FIRST_DATE && date.iso <= LAST_DATE)) return [];
    return [
      {
        path: ['document', 'date'],
        message: `Ngày ban hành ${vietnameseDate(date)} nằm ngoài khoảng cho phép: kế hoạch triển khai Chiến lược ban hành từ 10/02/2022 (ngày Công văn 404) đến 31/12/2030; hãy sửa \`date\`, ví dụ \`date: 2022-03-15\`.`,
        ask: `Ngày ban hành ${vietnameseDate(date)} nằm ngoài khoảng cho phép: kế hoạch triển khai Chiến lược ban hành từ 10/02/2022 (ngày Công văn 404) đến 31/12/2030; hãy gõ một ngày trong khoảng đó, ví dụ 15/3/${Math.min(LAST_YEAR, Math.max(FIRST_YEAR + 1, date.year))}.`,
      },
    ];
  },
};
