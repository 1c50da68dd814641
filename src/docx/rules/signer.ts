import { allBold, sizesOutside, sizesText, upperCase } from './format.js';
import type { DocxFinding, DocxRule } from './rule.js';
import { zonesOf } from './zones.js';

export const docxSigner: DocxRule = {
  id: 'docx-signer',
  severity: 'error',
  description:
    'Quyền hạn, chức vụ người ký (TM./KT./Q./TL./TUQ. và chức danh) in hoa, đậm, cỡ 13–14 pt; họ tên người ký in đậm.',
  check(doc, part) {
    const { capacity, signerName, recipientsLabel, typeLine } = zonesOf(doc, part);
    if (capacity.length === 0) {
      return [
        {
          paragraph: recipientsLabel ?? typeLine,
          message:
            'Không thấy quyền hạn, chức vụ của người ký ở cuối văn bản; Nghị định 30 yêu cầu ghi (ví dụ «TM. ỦY BAN NHÂN DÂN», «CHỦ TỊCH») in hoa, đậm, cỡ 13–14 pt.',
        },
      ];
    }
    const findings: DocxFinding[] = [];
    for (const p of capacity) {
      const wrong: string[] = [];
      if (!upperCase(p)) wrong.push('chưa viết in hoa');
      if (!allBold(p)) wrong.push('chưa in đậm');
      const found = sizesOutside(p, 26, 28);
      if (found.length > 0) wrong.push(`cỡ chữ ${sizesText(found)} (cần 13–14 pt)`);
      if (wrong.length > 0)
        findings.push({
          paragraph: p,
          message: `Quyền hạn, chức vụ người ký ${wrong.join(', ')}; Nghị định 30 yêu cầu in hoa, đậm, cỡ 13–14 pt.`,
        });
    }
    if (signerName && !allBold(signerName)) {
      findings.push({
        paragraph: signerName,
        message: 'Họ tên người ký chưa in đậm; Nghị định 30 yêu cầu họ tên người ký in đậm, không ghi học hàm, học vị.',
      });
    }
    return findings;
  },
};
