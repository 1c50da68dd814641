import type { DocxParagraph } from '../model.js';
import { cm, firstFew, pt } from './format.js';
import type { DocxFinding, DocxRule } from './rule.js';
import { zonesOf } from './zones.js';

/** 1 cm and 1.27 cm, with a few twips for rounding. */
const INDENT: [number, number] = [562, 725];
const SIX_POINTS = 120;

function lineSpacing(p: DocxParagraph): string | undefined {
  const { line, lineRule } = p.spacing;
  if (line === undefined) return undefined;
  if (lineRule === 'exact' || lineRule === 'atLeast') {
    // Fixed spacing: from a 13 pt line to one and a half lines of 14 pt text (about 24 pt).
    if (line < 260 && lineRule === 'exact') return `giãn dòng cố định ${pt(line / 10)} pt (tối thiểu 13 pt)`;
    if (line > 484)
      return `giãn dòng ${lineRule === 'exact' ? 'cố định' : 'tối thiểu'} ${pt(line / 10)} pt (tối đa khoảng 24 pt, tức 1,5 dòng)`;
    return undefined;
  }
  const lines = line / 240;
  if (line < 238 || line > 362)
    return `giãn dòng ${String(Math.round(lines * 100) / 100).replace('.', ',')} dòng (cần từ 1 đến 1,5 dòng)`;
  return undefined;
}

function defectsOf(p: DocxParagraph): string[] {
  const wrong: string[] = [];
  if (p.align !== 'both') wrong.push(`căn lề ${ALIGN[p.align]} (cần căn đều hai bên)`);
  const first = p.indent.hanging > 0 ? -p.indent.hanging : p.indent.firstLine;
  if (first < INDENT[0] || first > INDENT[1]) wrong.push(`thụt đầu dòng ${cm(first)} cm (cần 1–1,27 cm)`);
  const between = p.spacing.before + p.spacing.after;
  if (between < SIX_POINTS) wrong.push(`khoảng cách giữa các đoạn ${pt(between / 10)} pt (cần tối thiểu 6 pt)`);
  const line = lineSpacing(p);
  if (line) wrong.push(line);
  return wrong;
}

const ALIGN: Record<DocxParagraph['align'], string> = {
  left: 'trái',
  center: 'giữa',
  right: 'phải',
  both: 'đều',
  distribute: 'dàn đều',
};

export const docxBodyParagraph: DocxRule = {
  id: 'docx-body-paragraph',
  severity: 'warning',
  description:
    'Đoạn nội dung căn đều hai bên, thụt đầu dòng 1–1,27 cm, cách đoạn tối thiểu 6 pt, giãn dòng từ một dòng đến 1,5 dòng.',
  check(doc, part) {
    const findings: DocxFinding[] = [];
    for (const paragraph of zonesOf(doc, part).body) {
      const wrong = defectsOf(paragraph);
      if (wrong.length > 0) findings.push({ paragraph, message: `Đoạn nội dung: ${wrong.join('; ')}.` });
    }
    return firstFew(findings, 3, (more) => `Còn ${more} đoạn nội dung khác chưa đúng cách trình bày này.`);
  },
};
