import { record } from './draft.js';
import type { Rule } from './rule.js';

export const signerTmNeedsBody: Rule = {
  id: 'signer-tm-needs-body',
  severity: 'error',
  description: 'Ký thay mặt tập thể (TM) phải ghi tên tập thể lãnh đạo (body).',
  check(plan) {
    const signer = record(plan['signer']);
    if (signer?.['capacity'] !== 'TM' || signer['body'] !== undefined) return [];
    return [
      {
        path: ['signer'],
        at: 'key',
        message:
          'Ký thay mặt tập thể (`capacity: TM`) cần tên tập thể lãnh đạo để in dòng «TM. ỦY BAN NHÂN DÂN»: hãy thêm `body: Ủy ban nhân dân` (hoặc tên tập thể của cơ quan) vào `signer`.',
        ask: 'Ký thay mặt tập thể (TM.) cần tên tập thể lãnh đạo để in dòng «TM. ỦY BAN NHÂN DÂN»: hãy gõ tên tập thể, ví dụ Ủy ban nhân dân.',
      },
    ];
  },
};
