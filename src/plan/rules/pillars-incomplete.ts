import { PILLAR_LABELS } from '../labels.js';
import { PILLARS, type Pillar } from '../types.js';
import { at, list, record } from './draft.js';
import type { Rule } from './rule.js';

export const pillarsIncomplete: Rule = {
  id: 'pillars-incomplete',
  severity: 'warning',
  description:
    'Nhóm nhiệm vụ «thúc đẩy - hội nhập - quảng bá - vận động - tiếp thu» nên có nhiệm vụ cho cả năm trụ cột.',
  check(plan) {
    const tasks = list(at(plan, 'tasks', 'pillars'));
    // An empty group already has its own error.
    if (tasks === undefined || tasks.length === 0) return [];
    const covered = new Set(tasks.map((t) => record(t)?.['pillar']));
    // A misspelt pillar has its own error; counting it as missing would repeat it.
    if ([...covered].some((p) => p !== undefined && !PILLARS.includes(p as Pillar))) return [];
    const missing = PILLARS.filter((p) => !covered.has(p));
    if (missing.length === 0) return [];
    const names = missing.map((p) => `${PILLAR_LABELS[p]} (\`${p}\`)`).join(', ');
    return [
      {
        path: ['tasks', 'pillars'],
        at: 'key',
        message: `Nhóm nhiệm vụ «thúc đẩy - hội nhập - quảng bá - vận động - tiếp thu» chưa có nhiệm vụ cho: ${names}. Công văn 404 yêu cầu triển khai đồng bộ cả năm: hãy thêm nhiệm vụ, hoặc ghi \`pillar: ${missing[0]}\` cho nhiệm vụ đã có thuộc trụ cột đó.`,
        ask: `Nhóm nhiệm vụ «thúc đẩy - hội nhập - quảng bá - vận động - tiếp thu» chưa có nhiệm vụ cho: ${missing.map((p) => PILLAR_LABELS[p]).join(', ')}. Công văn 404 yêu cầu triển khai đồng bộ cả năm: hãy thêm nhiệm vụ, hoặc sửa nhiệm vụ đã có để chọn trụ cột đó.`,
      },
    ];
  },
};
