import { allBold, sizesOutside, sizesText, upperCase } from './format.js';
import type { DocxRule } from './rule.js';
import { QUOC_HIEU, zonesOf } from './zones.js';

export const docxQuocHieu: DocxRule = {
  id: 'docx-quoc-hieu',
  severity: 'error',
  description: 'Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» ở đầu trang 1: chữ in hoa, đứng, đậm, cỡ 12–13 pt.',
  check(doc, part) {
    const { quocHieu, typeLine } = zonesOf(doc, part);
    if (!quocHieu) {
      return [
        {
          paragraph: typeLine,
          message: `Không thấy Quốc hiệu ở đầu trang 1 (trước tên loại văn bản); Nghị định 30 yêu cầu dòng «${QUOC_HIEU}», in hoa, đậm, cỡ 12–13 pt.`,
        },
      ];
    }
    const wrong: string[] = [];
    if (!upperCase(quocHieu)) wrong.push('chưa viết in hoa');
    if (!allBold(quocHieu)) wrong.push('chưa in đậm');
    const found = sizesOutside(quocHieu, 24, 26);
    if (found.length > 0) wrong.push(`cỡ chữ ${sizesText(found)} (cần 12–13 pt)`);
    if (wrong.length === 0) return [];
    return [
      {
        paragraph: quocHieu,
        message: `Quốc hiệu ${wrong.join(', ')}; Nghị định 30 yêu cầu «${QUOC_HIEU}» in hoa, đậm, cỡ 12–13 pt.`,
      },
    ];
  },
};
