import { at, text } from './draft.js';
import type { Rule } from './rule.js';

export const titleAllCaps: Rule = {
  id: 'title-all-caps',
  severity: 'warning',
  description:
    'Trích yếu viết chữ thường (hoa chữ đầu và tên riêng), như Nghị định 30 quy định; chỉ tên loại văn bản in hoa.',
  check(plan) {
    const title = text(at(plan, 'document', 'title'))?.trim();
    if (title === undefined) return [];
    const letters = title.match(/\p{L}/gu) ?? [];
    // A short acronym ("UNESCO") is not a title in capitals.
    if (letters.length < 12 || title !== title.toLocaleUpperCase('vi') || title.split(/\s+/u).length < 3) return [];
    const lower = title.toLocaleLowerCase('vi');
    const guess = lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
    return [
      {
        path: ['document', 'title'],
        message: `Trích yếu viết toàn chữ in hoa, mà Nghị định 30 quy định trích yếu in chữ thường, đậm (chỉ tên loại văn bản in hoa): hãy viết chữ thường, hoa chữ đầu và tên riêng, ví dụ \`title: ${guess}\` (viết hoa lại tên riêng).`,
        ask: `Trích yếu đang viết toàn chữ in hoa: hãy gõ chữ thường, hoa chữ đầu và tên riêng, ví dụ: ${guess} (viết hoa lại tên riêng).`,
      },
    ];
  },
};
