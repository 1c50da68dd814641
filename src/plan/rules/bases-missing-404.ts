import { list, text } from './draft.js';
import type { Rule } from './rule.js';

export const LETTER_404 =
  'Công văn số 404/BNG-NGVH-UNESCO ngày 10/02/2022 của Bộ Ngoại giao về việc hướng dẫn xây dựng Chương trình/Kế hoạch hành động triển khai Chiến lược Ngoại giao văn hóa đến năm 2030';

export const basesMissing404: Rule = {
  id: 'bases-missing-404',
  severity: 'warning',
  description: 'Căn cứ ban hành nên nêu Công văn số 404/BNG-NGVH-UNESCO hướng dẫn xây dựng chương trình, kế hoạch.',
  check(plan) {
    const bases = list(plan['bases']);
    if (bases === undefined || bases.length === 0) return [];
    if (bases.some((b) => /404\s*\/\s*BNG/iu.test(text(b) ?? ''))) return [];
    return [
      {
        path: ['bases'],
        at: 'key',
        message: `Căn cứ ban hành chưa nêu Công văn số 404/BNG-NGVH-UNESCO, văn bản hướng dẫn xây dựng chương trình, kế hoạch này: nên thêm mục \`- ${LETTER_404}\`.`,
      },
    ];
  },
};
