import { at, text } from './draft.js';
import { ownProvince, ownVoiceTexts, provincesIn, sameName } from './province.js';
import type { Finding, Rule } from './rule.js';

// Words that make a province the plan's own: "trên địa bàn tỉnh X", "Ủy ban nhân dân tỉnh X".
const OWNING = /(?:trên địa bàn|ủy ban nhân dân|uỷ ban nhân dân|ubnd|hội đồng nhân dân|toàn|nhân dân)\s*$/u;

export const localityOtherProvince: Rule = {
  id: 'locality-other-province',
  severity: 'warning',
  description: 'Kế hoạch của một tỉnh không gọi tỉnh khác là địa bàn của mình (thường do chép kế hoạch của tỉnh khác).',
  check(plan) {
    if (text(at(plan, 'agency', 'sector')) !== 'locality') return [];
    const own = ownProvince(plan);
    if (own === undefined || own === '') return [];
    const findings: Finding[] = [];
    for (const { ref, path } of ownVoiceTexts(plan)) {
      const title = path[0] === 'document';
      const other = provincesIn(ref.text).find((p) => !sameName(p.name, own) && (title || OWNING.test(p.before)));
      if (other === undefined) continue;
      const named = `${other.level} ${other.name}`;
      findings.push({
        path,
        message: `Kế hoạch của ${text(at(plan, 'agency', 'name')) ?? own} mà ${title ? 'trích yếu nêu' : 'viết'} «${named}» như địa bàn của mình (thường do chép kế hoạch của tỉnh khác): nếu đây là địa bàn của kế hoạch, hãy sửa thành «${other.level} ${own}».`,
        ask: `Chỗ này viết «${named}», mà cơ quan ban hành thuộc ${own}: nếu là địa bàn của kế hoạch, hãy sửa thành «${other.level} ${own}».`,
      });
    }
    return findings;
  },
};
