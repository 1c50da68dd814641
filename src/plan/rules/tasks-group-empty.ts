import { GROUP_LABELS } from '../labels.js';
import { GROUP_KEYS } from '../types.js';
import { at, list } from './draft.js';
import type { Finding, Rule } from './rule.js';

export const tasksGroupEmpty: Rule = {
  id: 'tasks-group-empty',
  severity: 'error',
  description: 'Mỗi nhóm trong năm nhóm nhiệm vụ ưu tiên của Công văn 404 phải có ít nhất một nhiệm vụ.',
  check(plan) {
    const findings: Finding[] = [];
    for (const group of GROUP_KEYS) {
      if (list(at(plan, 'tasks', group))?.length !== 0) continue;
      findings.push({
        path: ['tasks', group],
        at: 'key',
        message: `Nhóm nhiệm vụ «${GROUP_LABELS[group]}» (\`${group}\`) chưa có nhiệm vụ nào: Công văn 404 yêu cầu triển khai cả năm nhóm, hãy thêm ít nhất một nhiệm vụ \`- content: …\` kèm \`lead: …\`.`,
        ask: `Nhóm nhiệm vụ «${GROUP_LABELS[group]}» chưa có nhiệm vụ nào: Công văn 404 yêu cầu triển khai cả năm nhóm, hãy thêm ít nhất một nhiệm vụ, có nội dung và cơ quan chủ trì.`,
      });
    }
    return findings;
  },
};
