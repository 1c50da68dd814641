import { list, text } from './draft.js';
import type { Rule } from './rule.js';

export const recipientsMissingMofa: Rule = {
  id: 'recipients-missing-mofa',
  severity: 'warning',
  description: 'Nơi nhận nên có Bộ Ngoại giao, cơ quan đầu mối theo dõi và tổng hợp việc triển khai Chiến lược.',
  check(plan) {
    const recipients = list(plan['recipients']);
    if (recipients === undefined || recipients.length === 0) return [];
    if (recipients.some((r) => /bộ ngoại giao/iu.test(text(r) ?? ''))) return [];
    return [
      {
        path: ['recipients'],
        at: 'key',
        message:
          'Nơi nhận chưa có Bộ Ngoại giao, cơ quan đầu mối theo dõi, tổng hợp và báo cáo việc triển khai Chiến lược Ngoại giao văn hóa: nên thêm mục `- Bộ Ngoại giao (để báo cáo)`.',
      },
    ];
  },
};
