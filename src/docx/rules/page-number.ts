import type { DocxHeader } from '../model.js';
import { halfPoints, pt } from './format.js';
import type { DocxFinding, DocxRule } from './rule.js';
import { zonesOf } from './zones.js';

function pageField(header: DocxHeader | undefined) {
  return header?.paragraphs.find((p) => p.fields.includes('PAGE'));
}

const WANT =
  'Nghị định 30 yêu cầu số trang bằng chữ số Ả Rập, cỡ 13–14 pt, đặt canh giữa ở phần đầu trang (header), không hiện ở trang 1.';

export const docxPageNumber: DocxRule = {
  id: 'docx-page-number',
  severity: 'warning',
  description: 'Số trang (trường PAGE) ở giữa phần đầu trang, cỡ 13–14 pt, không hiện ở trang 1 (trang đầu khác).',
  check(doc, part) {
    const first = zonesOf(doc, part).sections[0];
    if (!first) return [];
    const { section } = first;
    // Header paragraphs are numbered within their header, not the body: findings stay on the document.
    const findings: DocxFinding[] = [];
    const field = pageField(section.headers.default);
    if (!field) {
      const elsewhere = pageField(section.headers.first) ?? pageField(section.headers.even);
      findings.push({
        message: elsewhere
          ? `Số trang chỉ có ở đầu trang đầu tiên hoặc trang chẵn, không có ở các trang sau; ${WANT}`
          : `Không thấy số trang (trường PAGE) ở phần đầu trang; ${WANT}`,
      });
      return findings;
    }
    const wrong: string[] = [];
    if (field.align !== 'center') wrong.push('chưa canh giữa');
    const size = field.fieldRun ? halfPoints(field.fieldRun) : undefined;
    if (size !== undefined && (size < 26 || size > 28)) wrong.push(`cỡ chữ ${pt(size)} pt (cần 13–14 pt)`);
    if (field.fieldRun?.italic) wrong.push('chữ nghiêng (cần chữ đứng)');
    if (!section.titlePage) wrong.push('hiện cả ở trang 1 (chưa đặt «trang đầu khác»)');
    else if (pageField(section.headers.first)) wrong.push('hiện cả ở trang 1');
    if (wrong.length > 0) findings.push({ message: `Số trang ${wrong.join(', ')}; ${WANT}` });
    return findings;
  },
};
