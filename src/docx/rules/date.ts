import { allItalic, clean, sizesOutside, sizesText } from './format.js';
import type { DocxRule } from './rule.js';
import { zonesOf } from './zones.js';

const EXAMPLE = 'Quảng Trị, ngày 05 tháng 3 năm 2022';

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** What is wrong with the place-and-date text, in Vietnamese; blank day and month are allowed. */
function textDefects(text: string): string[] {
  const shape = /^(.*?)(\s*,)?\s*ngày\s*(\S*)\s+tháng\s*(\S*)\s+năm\s+(\d{4})$/u.exec(text);
  if (!shape) return ['không theo dạng «<địa danh>, ngày … tháng … năm …»'];
  const [, place, comma, day, month, year] = shape as unknown as [
    string,
    string,
    string | undefined,
    string,
    string,
    string,
  ];
  const wrong: string[] = [];
  if (place.trim() === '') wrong.push('thiếu địa danh');
  else if (!comma) wrong.push(`thiếu dấu phẩy sau địa danh «${place.trim()}»`);
  let d: number | undefined;
  let m: number | undefined;
  if (day !== '') {
    if (!/^\d{1,2}$/u.test(day)) wrong.push(`ngày «${day}» không phải là số`);
    else {
      d = Number(day);
      if (d < 10 && day.length === 1) wrong.push(`ngày ${day} thiếu số 0 ở trước (cần 0${day})`);
    }
  }
  if (month !== '') {
    if (!/^\d{1,2}$/u.test(month)) wrong.push(`tháng «${month}» không phải là số`);
    else {
      m = Number(month);
      if (m <= 2 && month.length === 1) wrong.push(`tháng ${month} thiếu số 0 ở trước (cần 0${month})`);
      if (m >= 3 && month.startsWith('0')) wrong.push(`tháng ${month} thừa số 0 ở trước (cần ${m})`);
    }
  }
  if (m !== undefined && (m < 1 || m > 12)) wrong.push(`không có tháng ${month}`);
  else if (d !== undefined && (d < 1 || d > (m !== undefined ? daysIn(m, Number(year)) : 31))) {
    wrong.push(m !== undefined ? `không có ngày ${day} tháng ${month} năm ${year}` : `không có ngày ${day}`);
  }
  return wrong;
}

export const docxDate: DocxRule = {
  id: 'docx-date',
  severity: 'error',
  description:
    'Địa danh và ngày tháng «Quảng Trị, ngày 05 tháng 3 năm 2022»: chữ nghiêng, cỡ 13–14 pt, dấu phẩy sau địa danh; ngày dưới 10 và tháng 1, 2 có số 0 phía trước; ngày có thật.',
  check(doc, part) {
    const { date, quocHieu, tieuNgu, typeLine } = zonesOf(doc, part);
    if (!date) {
      return [
        {
          paragraph: tieuNgu ?? quocHieu ?? typeLine,
          message: `Không thấy dòng địa danh, ngày tháng dưới Tiêu ngữ; Nghị định 30 yêu cầu dạng «${EXAMPLE}», chữ nghiêng, cỡ 13–14 pt.`,
        },
      ];
    }
    const wrong = textDefects(clean(date.text));
    if (!allItalic(date)) wrong.push('chưa viết nghiêng');
    const found = sizesOutside(date, 26, 28);
    if (found.length > 0) wrong.push(`cỡ chữ ${sizesText(found)} (cần 13–14 pt)`);
    if (wrong.length === 0) return [];
    return [
      {
        paragraph: date,
        message: `Địa danh, ngày tháng: ${wrong.join('; ')}; Nghị định 30 yêu cầu dạng «${EXAMPLE}», chữ nghiêng, cỡ 13–14 pt.`,
      },
    ];
  },
};
