import { allBold, anyBold, sizesOutside, sizesText, upperCase } from './format.js';
import type { DocxFinding, DocxRule } from './rule.js';
import { zonesOf } from './zones.js';

export const docxAgency: DocxRule = {
  id: 'docx-agency',
  severity: 'error',
  description:
    'Tên cơ quan ban hành: in hoa, đậm, cỡ 12–13 pt (tên cơ quan chủ quản ở trên, nếu có: in hoa, không đậm); tên có thể xuống hai dòng.',
  check(doc, part) {
    const { agency, quocHieu, typeLine } = zonesOf(doc, part);
    if (agency.length === 0) {
      return [
        {
          paragraph: quocHieu ?? typeLine,
          message:
            'Không thấy tên cơ quan ban hành ở góc trên bên trái trang 1; Nghị định 30 yêu cầu ghi tên cơ quan in hoa, đậm, cỡ 12–13 pt.',
        },
      ];
    }
    const findings: DocxFinding[] = [];
    // A parent agency (not bold) may stand above the issuing one (bold); once the name turns
    // bold, every later line is the issuing agency's name running over.
    const firstBold = agency.findIndex((p) => anyBold(p));
    for (const [n, p] of agency.entries()) {
      const wrong: string[] = [];
      if (!upperCase(p)) wrong.push('chưa viết in hoa');
      if (firstBold < 0 && n === agency.length - 1) wrong.push('chưa in đậm');
      else if (firstBold >= 0 && n >= firstBold && !allBold(p)) wrong.push('chưa in đậm');
      const found = sizesOutside(p, 24, 26);
      if (found.length > 0) wrong.push(`cỡ chữ ${sizesText(found)} (cần 12–13 pt)`);
      if (wrong.length > 0) {
        findings.push({
          paragraph: p,
          message: `Tên cơ quan ${wrong.join(', ')}; Nghị định 30 yêu cầu tên cơ quan ban hành in hoa, đậm, cỡ 12–13 pt (cơ quan chủ quản, nếu có, in hoa, không đậm).`,
        });
      }
    }
    return findings;
  },
};
