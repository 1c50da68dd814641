import { at } from './draft.js';
import { LAST_DATE, localIso, realDate, vietnameseDate } from './dates.js';
import type { Rule } from './rule.js';

export const dateInFuture: Rule = {
  id: 'date-in-future',
  severity: 'warning',
  description: 'Ngày ban hành nằm sau hôm nay: có thể gõ nhầm, hoặc văn bản chưa được ký.',
  check(plan, options) {
    const date = realDate(at(plan, 'document', 'date'));
    const today = localIso(options.today);
    if (date === null || date.iso <= today || date.iso > LAST_DATE) return [];
    return [
      {
        path: ['document', 'date'],
        message: `Ngày ban hành ${vietnameseDate(date)} nằm sau hôm nay: hãy kiểm tra lại; nếu văn bản chưa ký, bỏ \`date\` và chỉ giữ \`year: ${date.year}\` để văn thư điền ngày khi ban hành.`,
        ask: `Ngày ban hành ${vietnameseDate(date)} nằm sau hôm nay: hãy kiểm tra lại; nếu văn bản chưa ký, hãy để trống Ngày ban hành để văn thư điền khi ban hành.`,
      },
    ];
  },
};
