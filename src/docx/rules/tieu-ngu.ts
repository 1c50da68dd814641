import { allBold, clean, sizesOutside, sizesText } from './format.js';
import type { DocxRule } from './rule.js';
import { TIEU_NGU, zonesOf } from './zones.js';

/** Each phrase capitalised, hyphens with a space on each side (an en dash is tolerated). */
const SHAPE = /^Độc lập [-–] Tự do [-–] Hạnh phúc$/u;

export const docxTieuNgu: DocxRule = {
  id: 'docx-tieu-ngu',
  severity: 'error',
  description: 'Tiêu ngữ «Độc lập - Tự do - Hạnh phúc»: đậm, cỡ 13–14 pt, chữ đầu mỗi cụm viết hoa, gạch nối có cách chữ.',
  check(doc, part) {
    const { tieuNgu, quocHieu, typeLine } = zonesOf(doc, part);
    if (!tieuNgu) {
      return [{ paragraph: quocHieu ?? typeLine, message: `Không thấy Tiêu ngữ dưới Quốc hiệu; Nghị định 30 yêu cầu dòng «${TIEU_NGU}», in đậm, cỡ 13–14 pt.` }];
    }
    const wrong: string[] = [];
    const text = clean(tieuNgu.text);
    if (!SHAPE.test(text)) wrong.push(`viết là «${text}»`);
    if (!allBold(tieuNgu)) wrong.push('chưa in đậm');
    const found = sizesOutside(tieuNgu, 26, 28);
    if (found.length > 0) wrong.push(`cỡ chữ ${sizesText(found)} (cần 13–14 pt)`);
    if (wrong.length === 0) return [];
    return [
      {
        paragraph: tieuNgu,
        message: `Tiêu ngữ ${wrong.join(', ')}; Nghị định 30 yêu cầu «${TIEU_NGU}»: chữ đầu mỗi cụm viết hoa, giữa các cụm có gạch nối và cách chữ, in đậm, cỡ 13–14 pt.`,
      },
    ];
  },
};
