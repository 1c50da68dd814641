import { firstFew, sizesOutside, sizesText } from './format.js';
import type { DocxFinding, DocxRule } from './rule.js';
import { zonesOf } from './zones.js';

export const docxBodySize: DocxRule = {
  id: 'docx-body-size',
  severity: 'error',
  description: 'Chữ của phần nội dung cỡ 13–14 pt.',
  check(doc, part) {
    const findings: DocxFinding[] = [];
    for (const paragraph of zonesOf(doc, part).body) {
      const found = sizesOutside(paragraph, 26, 28);
      if (found.length > 0)
        findings.push({
          paragraph,
          message: `Cỡ chữ phần nội dung là ${sizesText(found)}; Nghị định 30 quy định cỡ 13–14 pt.`,
        });
    }
    return firstFew(findings, 3, (more) => `Còn ${more} đoạn nội dung khác có cỡ chữ ngoài 13–14 pt.`);
  },
};
