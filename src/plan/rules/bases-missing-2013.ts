import { list, text } from './draft.js';
import type { Rule } from './rule.js';

export const DECISION_2013 =
  'Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ phê duyệt Chiến lược Ngoại giao văn hóa đến năm 2030';

export const basesMissing2013: Rule = {
  id: 'bases-missing-2013',
  severity: 'error',
  description:
    'Căn cứ ban hành phải nêu Quyết định số 2013/QĐ-TTg phê duyệt Chiến lược Ngoại giao văn hóa đến năm 2030.',
  check(plan) {
    const bases = list(plan['bases']);
    // An empty list is the schema's to report.
    if (bases === undefined || bases.length === 0) return [];
    if (bases.some((b) => /2013\s*\/\s*Q[ĐD]-TTg/iu.test(text(b) ?? ''))) return [];
    return [
      {
        path: ['bases'],
        at: 'key',
        message: `Căn cứ ban hành chưa nêu Quyết định số 2013/QĐ-TTg, văn bản phê duyệt Chiến lược mà kế hoạch này triển khai: hãy thêm mục \`- ${DECISION_2013}\`.`,
      },
    ];
  },
};
