import { anyItalic, clean, sizes, sizesText } from './format.js';
import type { DocxRule } from './rule.js';
import { zonesOf } from './zones.js';

const ABBREVIATION = { 'ke-hoach': 'KH', 'chuong-trinh': 'CTr' } as const;
const NAME = { 'ke-hoach': 'Kế hoạch', 'chuong-trinh': 'Chương trình' } as const;

export const docxNumber: DocxRule = {
  id: 'docx-number',
  severity: 'error',
  description:
    'Số, ký hiệu «Số: 05/KH-UBND» (KH: Kế hoạch, CTr: Chương trình), cỡ 13 pt, chữ đứng; số dưới 10 ghi thêm số 0 phía trước; được để trống số cho văn thư.',
  check(doc, part) {
    const { number, agency, typeLine } = zonesOf(doc, part);
    const want = ABBREVIATION[part.kind];
    const example = `Số: 05/${want}-UBND`;
    if (!number) {
      return [
        {
          paragraph: agency[agency.length - 1] ?? typeLine,
          message: `Không thấy dòng số, ký hiệu dưới tên cơ quan ban hành; Nghị định 30 yêu cầu ghi «${example}» (để trống số nếu chưa vào sổ), cỡ 13 pt.`,
        },
      ];
    }
    const text = clean(number.text);
    const wrong: string[] = [];
    const shape = /^(\S+?)\s*([:.]?)\s*(\d*)\s*\/\s*(.*)$/u.exec(text);
    if (!shape) {
      wrong.push('không theo dạng «Số: <số>/<ký hiệu>»');
    } else {
      const [, word, colon, digits, symbol] = shape as unknown as [string, string, string, string, string];
      if (word !== 'Số' || colon !== ':') wrong.push(`viết «${word}${colon}» thay cho «Số:»`);
      if (digits !== '') {
        const value = Number(digits);
        const expected = value < 10 ? `0${value}` : String(value);
        if (digits !== expected) {
          wrong.push(
            value < 10
              ? `số ${digits} thiếu số 0 ở trước (cần ${expected})`
              : `số ${digits} thừa số 0 ở trước (cần ${expected})`,
          );
        }
      }
      const kind = /^([\p{L}]+)-[\p{L}\d]+(?:[-.][\p{L}\d]+)*$/u.exec(symbol);
      if (!kind) wrong.push(`ký hiệu «${symbol}» không theo dạng «${want}-<cơ quan>»`);
      else if (kind[1] !== want)
        wrong.push(`ký hiệu «${symbol}» dùng «${kind[1]}»; ${NAME[part.kind]} viết tắt là ${want}`);
    }
    const found = sizes(number);
    if (found.some((v) => v !== 26)) wrong.push(`cỡ chữ ${sizesText(found)} (cần 13 pt)`);
    if (anyItalic(number)) wrong.push('chữ nghiêng (cần chữ đứng)');
    if (wrong.length === 0) return [];
    return [
      {
        paragraph: number,
        message: `Số, ký hiệu: ${wrong.join('; ')}; Nghị định 30 yêu cầu dạng «${example}», cỡ 13 pt, chữ đứng.`,
      },
    ];
  },
};
