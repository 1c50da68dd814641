import type { DocxSection } from '../model.js';
import { mm } from './format.js';
import type { DocxFinding, DocxRule } from './rule.js';
import { zonesOf } from './zones.js';

const A4 = { short: 11906, long: 16838 };
/** Half a millimetre either way: producers round 210 × 297 mm differently. */
const SLACK = 30;

const near = (value: number, target: number): boolean => Math.abs(value - target) <= SLACK;

function isA4(section: DocxSection): boolean {
  const { width, height } = section.page;
  return (near(width, A4.short) && near(height, A4.long)) || (near(width, A4.long) && near(height, A4.short));
}

function paper(section: DocxSection): string {
  const { width, height } = section.page;
  const known: [number, number, string][] = [
    [12240, 15840, 'Letter'],
    [12240, 20160, 'Legal'],
    [8391, 11906, 'A5'],
    [16838, 23811, 'A3'],
  ];
  const [w, h] = [Math.min(width, height), Math.max(width, height)];
  const name = known.find(([kw, kh]) => near(w, kw) && near(h, kh))?.[2];
  const size = `${mm(width)} × ${mm(height)} mm`;
  return name ? `${name} (${size})` : size;
}

export const docxPageSize: DocxRule = {
  id: 'docx-page-size',
  severity: 'error',
  description: 'Khổ giấy A4 (210 × 297 mm); trang đầu khổ dọc, các phần sau (phụ lục) có thể khổ ngang.',
  check(doc, part) {
    const findings: DocxFinding[] = [];
    for (const [n, { section, first }] of zonesOf(doc, part).sections.entries()) {
      const landscape = section.page.width > section.page.height;
      if (!isA4(section)) {
        findings.push({
          paragraph: first,
          message: `Khổ giấy ${n === 0 ? 'của văn bản' : `của phần ${n + 1}`} là ${paper(section)}; Nghị định 30 quy định khổ A4 (210 × 297 mm).`,
        });
      } else if (n === 0 && landscape) {
        findings.push({
          paragraph: first,
          message:
            'Trang đầu văn bản đang để khổ ngang; Nghị định 30 quy định trình bày theo chiều dài khổ A4 (khổ dọc), chỉ phụ lục hoặc bảng mới được để khổ ngang.',
        });
      }
    }
    return findings;
  },
};
