import { record } from './draft.js';
import type { Rule } from './rule.js';

export const yearMissing: Rule = {
  id: 'year-missing',
  severity: 'error',
  description: 'Văn bản cần ngày ban hành (date) hoặc ít nhất năm ban hành (year).',
  check(plan) {
    const document = record(plan['document']);
    if (document === undefined || document['date'] !== undefined || document['year'] !== undefined) return [];
    return [
      {
        path: ['document'],
        at: 'key',
        message:
          'Chưa có ngày ban hành (`date`) lẫn năm ban hành (`year`): hãy thêm `year: 2022` khi chưa biết ngày ký (văn bản in «ngày … tháng … năm 2022» để văn thư điền), hoặc `date: 2022-03-15`.',
        ask: 'Chưa có Năm của kế hoạch: hãy gõ năm, ví dụ 2027 (khi chưa biết ngày ký, văn bản in «ngày … tháng … năm 2027» để văn thư điền).',
      },
    ];
  },
};
