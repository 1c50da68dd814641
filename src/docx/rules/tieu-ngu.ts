import { allBold, clean, sizesOutside, sizesText } from './format.js';
import type { DocxRule } from './rule.js';
import { TIEU_NGU, zonesOf } from './zones.js';

const PHRASES = ['Độc lập', 'Tự do', 'Hạnh phúc'];

export const docxTieuNgu: DocxRule = {
  id: 'docx-tieu-ngu',
  severity: 'error',
  description:
    'Tiêu ngữ «Độc lập - Tự do - Hạnh phúc»: đậm, cỡ 13–14 pt, chữ đầu mỗi cụm viết hoa, gạch nối có cách chữ.',
  check(doc, part) {
    const { tieuNgu, quocHieu, typeLine } = zonesOf(doc, part);
    if (!tieuNgu) {
      return [
        {
          paragraph: quocHieu ?? typeLine,
          message: `Không thấy Tiêu ngữ dưới Quốc hiệu; Nghị định 30 yêu cầu dòng «${TIEU_NGU}», in đậm, cỡ 13–14 pt.`,
        },
      ];
    }
    const wrong: string[] = [];
    const text = clean(tieuNgu.text);
    // Hyphens with a space each side (an en dash is tolerated); each phrase capitalised.
    if (/\S[-–]|[-–]\S/u.test(text) || (text.match(/[-–]/gu) ?? []).length !== 2)
      wrong.push('gạch nối giữa các cụm từ chưa có dấu cách hai bên');
    const phrases = text.split(/\s*[-–]\s*/u);
    if (phrases.length !== 3 || phrases.some((phrase, i) => phrase !== PHRASES[i]))
      wrong.push(`chữ hoa chưa đúng (cần ${PHRASES.map((x) => `«${x}»`).join(', ')})`);
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
