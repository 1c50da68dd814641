import { KIND_LABELS } from '../labels.js';
import { titleKind, titleWithoutKind } from '../title.js';
import { at, text } from './draft.js';
import type { Rule } from './rule.js';
import type { Kind } from '../types.js';

export const titleRepeatsKind: Rule = {
  id: 'title-repeats-kind',
  severity: 'warning',
  description:
    'Trích yếu không bắt đầu bằng tên loại văn bản (Kế hoạch, Chương trình): văn bản đã in tên loại ở dòng trên và trong câu mở đầu.',
  check(plan) {
    const title = text(at(plan, 'document', 'title'));
    const kind = text(plan['kind']);
    if (title === undefined || !(kind === 'ke-hoach' || kind === 'chuong-trinh')) return [];
    const starts = titleKind(title);
    if (starts === undefined) return [];
    const own = KIND_LABELS[kind];
    const typed = title.trim().slice(0, KIND_LABELS[starts].name.length);
    const bare = titleWithoutKind(title, starts).trim();
    if (bare === title.trim()) return [];
    if (starts === kind) {
      return [
        {
          path: ['document', 'title'],
          message: `Trích yếu bắt đầu bằng «${typed}», mà văn bản đã in ${own.heading} ở dòng trên và «ban hành ${own.name} …» trong câu mở đầu, nên tên loại bị in hai lần (khi dựng, chữ này được bỏ đi): hãy ghi \`title: ${bare}\`.`,
          ask: `Trích yếu không cần bắt đầu bằng «${typed}»: văn bản đã in ${own.heading} ở dòng trên. Hãy gõ, ví dụ: ${bare}`,
        },
      ];
    }
    const other: Kind = starts;
    return [
      {
        path: ['document', 'title'],
        message: `Trích yếu bắt đầu bằng «${typed}» nhưng loại văn bản là ${own.name} (\`kind: ${kind}\`), nên văn bản sẽ in «${own.heading}» rồi «${title.trim()}»: nếu đây là ${KIND_LABELS[other].name}, hãy ghi \`kind: ${other}\` và \`title: ${bare}\`; nếu không, bỏ «${typed}» ở đầu trích yếu.`,
        ask: `Trích yếu bắt đầu bằng «${typed}» nhưng loại văn bản đã chọn là ${own.name}: hãy chọn lại loại văn bản, hoặc gõ trích yếu không có «${typed}», ví dụ: ${bare}`,
      },
    ];
  },
};
