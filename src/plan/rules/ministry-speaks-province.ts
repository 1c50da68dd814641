import { at, text } from './draft.js';
import { ownVoiceTexts } from './province.js';
import type { Finding, Rule } from './rule.js';

// A province's own voice, copied from a province's plan: "trên địa bàn tỉnh", "của tỉnh", "toàn tỉnh".
const PROVINCE_VOICE =
  /(?<![\p{L}])(trên địa bàn tỉnh|của tỉnh|toàn tỉnh|trong tỉnh|Ủy ban nhân dân tỉnh|UBND tỉnh)(?![\p{L}])/iu;

export const ministrySpeaksProvince: Rule = {
  id: 'ministry-speaks-province',
  severity: 'warning',
  description: 'Kế hoạch của bộ, ngành không nói như kế hoạch của một tỉnh ("trên địa bàn tỉnh", "của tỉnh").',
  check(plan) {
    if (text(at(plan, 'agency', 'sector')) !== 'ministry') return [];
    const agency = text(at(plan, 'agency', 'name')) ?? 'cơ quan ban hành';
    const findings: Finding[] = [];
    for (const { ref, path } of ownVoiceTexts(plan)) {
      const said = PROVINCE_VOICE.exec(ref.text)?.[1];
      if (said === undefined) continue;
      findings.push({
        path,
        message: `Văn bản của ${agency} (\`sector: ministry\`) mà viết «${said}», như kế hoạch của một tỉnh (thường do chép từ kế hoạch của tỉnh): hãy viết theo phạm vi của bộ, ngành (ví dụ «của Bộ», «toàn ngành», «các cơ quan, đơn vị thuộc Bộ»), hoặc nêu rõ tỉnh nào nếu đúng là nói về một tỉnh.`,
        ask: `Văn bản của ${agency} mà viết «${said}», như kế hoạch của một tỉnh: hãy viết theo phạm vi của bộ, ngành, ví dụ «toàn ngành», «các cơ quan, đơn vị thuộc Bộ».`,
      });
    }
    return findings;
  },
};
