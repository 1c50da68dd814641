import { record } from './draft.js';
import type { Rule } from './rule.js';

const NEEDS_HEAD = new Set(['KT', 'Q', 'TL', 'TUQ']);

export const signerNeedsHead: Rule = {
  id: 'signer-needs-head',
  severity: 'error',
  description: 'Ký thay (KT), quyền (Q), thừa lệnh (TL), thừa ủy quyền (TUQ) phải ghi chức danh người đứng đầu (head).',
  check(plan) {
    const signer = record(plan['signer']);
    const capacity = signer?.['capacity'];
    if (
      signer === undefined ||
      typeof capacity !== 'string' ||
      !NEEDS_HEAD.has(capacity) ||
      signer['head'] !== undefined
    )
      return [];
    return [
      {
        path: ['signer'],
        at: 'key',
        message: `Ký với \`capacity: ${capacity}\` cần chức danh người đứng đầu để in dòng «${capacity}. CHỦ TỊCH» hay «${capacity}. BỘ TRƯỞNG»: hãy thêm \`head: Chủ tịch\` (hoặc chức danh người đứng đầu cơ quan) vào \`signer\`.`,
        ask: `Ký «${capacity}.» cần chức danh người đứng đầu để in dòng «${capacity}. CHỦ TỊCH» hay «${capacity}. BỘ TRƯỞNG»: hãy gõ Chức danh người đứng đầu, ví dụ Chủ tịch.`,
      },
    ];
  },
};
