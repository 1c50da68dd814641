import { allBold, allItalic, clean, firstFew, sizes, sizesText } from './format.js';
import type { DocxFinding, DocxRule } from './rule.js';
import { zonesOf } from './zones.js';

export const docxRecipients: DocxRule = {
  id: 'docx-recipients',
  severity: 'error',
  description: '«Nơi nhận:» in nghiêng đậm cỡ 12 pt; mỗi nơi nhận một dòng «- …;» cỡ 11 pt; dòng cuối «- Lưu: VT, …».',
  check(doc, part) {
    const { recipientsLabel: label, recipients, capacity, typeLine } = zonesOf(doc, part);
    if (!label) {
      return [
        {
          paragraph: capacity[0] ?? typeLine,
          message:
            'Không thấy mục «Nơi nhận:» ở cuối văn bản; Nghị định 30 yêu cầu «Nơi nhận:» (nghiêng, đậm, cỡ 12 pt), mỗi nơi nhận một dòng «- …;» cỡ 11 pt, dòng cuối «- Lưu: VT, …».',
        },
      ];
    }
    const findings: DocxFinding[] = [];
    const wrong: string[] = [];
    const text = clean(label.text);
    if (text !== 'Nơi nhận:') wrong.push('chưa viết đúng «Nơi nhận:» (chữ «N» hoa, có dấu hai chấm)');
    if (!allBold(label)) wrong.push('chưa in đậm');
    if (!allItalic(label)) wrong.push('chưa in nghiêng');
    const labelSizes = sizes(label);
    if (labelSizes.some((v) => v !== 24)) wrong.push(`cỡ chữ ${sizesText(labelSizes)} (cần 12 pt)`);
    if (wrong.length > 0)
      findings.push({
        paragraph: label,
        message: `Chữ «Nơi nhận:» ${wrong.join(', ')}; Nghị định 30 yêu cầu «Nơi nhận:» in nghiêng, đậm, cỡ 12 pt.`,
      });
    if (recipients.length === 0) {
      findings.push({
        paragraph: label,
        message:
          'Mục «Nơi nhận:» chưa có nơi nhận nào; Nghị định 30 yêu cầu mỗi nơi nhận một dòng «- …;», dòng cuối «- Lưu: VT, …».',
      });
      return findings;
    }
    const lines: DocxFinding[] = [];
    const last = recipients[recipients.length - 1]!;
    for (const p of recipients) {
      const issues: string[] = [];
      const line = clean(p.text);
      if (p === last) {
        if (!/^- Lưu: VT(?:\b.*)?\.$/u.test(line))
          issues.push('dòng cuối chưa theo dạng «- Lưu: VT, <đơn vị soạn thảo>.»');
      } else {
        if (!line.startsWith('- ')) issues.push('không mở đầu bằng gạch đầu dòng «- »');
        if (!line.endsWith(';')) issues.push('không kết thúc bằng dấu chấm phẩy');
      }
      const found = sizes(p);
      if (found.some((v) => v !== 22)) issues.push(`cỡ chữ ${sizesText(found)} (cần 11 pt)`);
      if (issues.length > 0)
        lines.push({
          paragraph: p,
          message: `Nơi nhận: ${issues.join('; ')}; Nghị định 30 yêu cầu mỗi nơi nhận một dòng «- …;» cỡ 11 pt, dòng cuối «- Lưu: VT, …».`,
        });
    }
    return [...findings, ...firstFew(lines, 3, (more) => `Còn ${more} dòng nơi nhận khác cũng chưa đúng.`)];
  },
};
