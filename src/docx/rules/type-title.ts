import { allBold, clean, sizesOutside, sizesText } from './format.js';
import type { DocxFinding, DocxRule } from './rule.js';
import { zonesOf } from './zones.js';

const TYPE = { 'ke-hoach': 'KẾ HOẠCH', 'chuong-trinh': 'CHƯƠNG TRÌNH' } as const;

export const docxTypeTitle: DocxRule = {
  id: 'docx-type-title',
  severity: 'error',
  description:
    'Tên loại «KẾ HOẠCH»/«CHƯƠNG TRÌNH» in hoa, đậm, cỡ 13–14 pt, căn giữa; trích yếu ngay dưới, in đậm, căn giữa.',
  check(doc, part) {
    const { typeLine, title } = zonesOf(doc, part);
    const want = TYPE[part.kind];
    const findings: DocxFinding[] = [];
    const wrong: string[] = [];
    const text = clean(typeLine.text);
    if (text !== want && !typeLine.runs.every((r) => r.caps || r.text.trim() === ''))
      wrong.push(`chưa viết in hoa (cần «${want}»)`);
    if (!allBold(typeLine)) wrong.push('chưa in đậm');
    const found = sizesOutside(typeLine, 26, 28);
    if (found.length > 0) wrong.push(`cỡ chữ ${sizesText(found)} (cần 13–14 pt)`);
    if (typeLine.align !== 'center') wrong.push('chưa căn giữa');
    if (wrong.length > 0)
      findings.push({
        paragraph: typeLine,
        message: `Tên loại văn bản ${wrong.join(', ')}; Nghị định 30 yêu cầu «${want}» in hoa, đậm, cỡ 13–14 pt, căn giữa.`,
      });
    if (title.length === 0) {
      findings.push({
        paragraph: typeLine,
        message:
          'Không thấy trích yếu nội dung ngay dưới tên loại văn bản; Nghị định 30 yêu cầu trích yếu in đậm, căn giữa, cỡ 13–14 pt.',
      });
    }
    for (const p of title) {
      const issues: string[] = [];
      if (!allBold(p)) issues.push('chưa in đậm');
      if (p.align !== 'center') issues.push('chưa căn giữa');
      const sizesFound = sizesOutside(p, 26, 28);
      if (sizesFound.length > 0) issues.push(`cỡ chữ ${sizesText(sizesFound)} (cần 13–14 pt)`);
      if (issues.length > 0)
        findings.push({
          paragraph: p,
          message: `Trích yếu nội dung ${issues.join(', ')}; Nghị định 30 yêu cầu trích yếu in đậm, căn giữa, cỡ 13–14 pt, ngay dưới tên loại.`,
        });
    }
    return findings;
  },
};
