import { describe, expect, it } from 'vitest';
import { BLANK, dayMonth, decree30Date, documentNumber, placeAndDate, recurringDeadlines } from '../src/text/date.js';
import { HELPERS } from '../src/render/helpers.js';
import { escapeText, MarkupError, parseMarkup, unescapeText } from '../src/render/markup.js';
import { balanceLines, breakName, keepTogether, textWidth } from '../src/render/measure.js';
import { namesAgency } from '../src/render/view.js';
import { pointLetter, POINT_LETTERS, roman } from '../src/render/numbering.js';
import { recipientLines, signerLines, upperVi } from '../src/render/signer.js';
import type { Signer } from '../src/plan/types.js';

describe('Decree 30 dates', () => {
  it.each([
    ['2022-03-05', 'ngày 05 tháng 3 năm 2022'],
    ['2022-02-10', 'ngày 10 tháng 02 năm 2022'],
    ['2020-01-05', 'ngày 05 tháng 01 năm 2020'],
    ['2019-06-29', 'ngày 29 tháng 6 năm 2019'],
    ['2023-12-31', 'ngày 31 tháng 12 năm 2023'],
    ['2024-10-09', 'ngày 09 tháng 10 năm 2024'],
  ])('%s → %s', (iso, printed) => {
    expect(decree30Date(iso, 0)).toBe(printed);
  });

  it('leaves blanks for the office when there is no date, keeping the year', () => {
    expect(decree30Date(undefined, 2026)).toBe(`ngày${BLANK}tháng${BLANK}năm 2026`);
    expect(BLANK.trim()).toBe('');
    expect(BLANK.length).toBeGreaterThanOrEqual(4);
  });

  it('puts the place first, with a comma', () => {
    expect(placeAndDate('Quảng Trị', '2022-03-05', 2022)).toBe('Quảng Trị, ngày 05 tháng 3 năm 2022');
  });

  it('writes a day and month in running text with the same zeros: 15/6, 05/01, 10/02', () => {
    expect([dayMonth(15, 6), dayMonth(5, 1), dayMonth(10, 2), dayMonth(1, 12), dayMonth(9, 3)]).toEqual([
      '15/6',
      '05/01',
      '10/02',
      '01/12',
      '09/3',
    ]);
  });

  it.each([
    ['15/06', 12, ['15/6']],
    ['15/11', 6, ['15/5', '15/11']],
    ['31/08', 6, ['28/02', '31/8']],
    ['31/12', 3, ['31/3', '30/6', '30/9', '31/12']],
    ['1/2', 3, ['01/02', '01/5', '01/8', '01/11']],
    ['29/02', 12, ['29/02']],
  ] as const)('derives the deadlines of %s every %i months: %o', (due, months, deadlines) => {
    expect(recurringDeadlines(due, months)).toEqual(deadlines);
  });

  it('gives numbers below 10 a leading zero and leaves blanks without one', () => {
    expect(documentNumber(7)).toBe('07');
    expect(documentNumber(10)).toBe('10');
    expect(documentNumber(12345)).toBe('12345');
    expect(documentNumber(undefined)).toBe(BLANK);
  });
});

describe('numbering', () => {
  it('uses the 23 Vietnamese point letters in order, đ after d, no f j w z', () => {
    expect(POINT_LETTERS.join('')).toBe('abcdđeghiklmnopqrstuvxy');
    expect([0, 1, 4, 5, 22].map(pointLetter)).toEqual(['a', 'b', 'đ', 'e', 'y']);
  });

  it('doubles the letters past y', () => {
    expect([23, 24, 27, 45, 46].map(pointLetter)).toEqual(['aa', 'bb', 'đđ', 'yy', 'aaa']);
  });

  it('writes Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 9, 14, 40].map(roman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'IX', 'XIV', 'XL']);
  });
});

describe('line markup', () => {
  it('reads styles, rules, columns and body lines; skips blank lines', () => {
    const lines = parseMarkup('@section I. MỤC ĐÍCH\n\n  \nThân bài\n@rule\n@columns A | B\\|C | D\n');
    expect(lines).toEqual([
      { kind: 'para', style: 'Heading1', text: 'I. MỤC ĐÍCH' },
      { kind: 'para', style: 'Normal', text: 'Thân bài' },
      { kind: 'rule' },
      { kind: 'columns', cells: ['A', 'B|C', 'D'] },
    ]);
  });

  it('round-trips any user text through escape and parse unchanged', () => {
    const hostile = ['@section x', '# {{x}} <b>&amp; "q" | - *', '\\@rule', 'a\\b\\\\c', '|', '@', '  thụt đầu dòng'];
    for (const text of hostile) {
      const lines = parseMarkup(escapeText(text));
      expect(lines).toEqual([{ kind: 'para', style: 'Normal', text }]);
      expect(unescapeText(escapeText(text))).toBe(text);
    }
  });

  it('turns a line break inside user text into a space, never a new paragraph', () => {
    expect(parseMarkup(`@clause 1. ${escapeText('a\n@section b')}`)).toEqual([
      { kind: 'para', style: 'Heading2', text: '1. a @section b' },
    ]);
  });

  it('refuses an unknown style and a style without text', () => {
    expect(() => parseMarkup('@sektion I.')).toThrow(MarkupError);
    expect(() => parseMarkup('@sektion I.')).toThrow(/@sektion/);
    expect(() => parseMarkup('@clause')).toThrow(/cần có chữ/);
    expect(() => parseMarkup('@rule x')).toThrow(MarkupError);
  });
});

describe('template helpers', () => {
  it('upper-cases Vietnamese letters', () => {
    expect(HELPERS.upper('ủy ban đoàn kết')).toBe('ỦY BAN ĐOÀN KẾT');
    expect(upperVi('đ ủ ơ ư ạ')).toBe('Đ Ủ Ơ Ư Ạ');
  });

  it('lowers the first letter of a capitalised word only', () => {
    expect(HELPERS.lowerFirst('Triển khai Chiến lược')).toBe('triển khai Chiến lược');
    expect(HELPERS.lowerFirst('UNESCO và Việt Nam')).toBe('UNESCO và Việt Nam');
    expect(HELPERS.lowerFirst('Đẩy mạnh')).toBe('đẩy mạnh');
  });

  it('ends a sentence with one full stop', () => {
    expect(HELPERS.sentence('Làm việc')).toBe('Làm việc.');
    expect(HELPERS.sentence('Làm việc.')).toBe('Làm việc.');
    expect(HELPERS.sentence('Làm việc;')).toBe('Làm việc;');
    expect(HELPERS.sentence('Làm việc (2022)')).toBe('Làm việc (2022).');
  });

  it('refuses to run without text', () => {
    expect(() => HELPERS.upper({})).toThrow(/upper/);
  });
});

describe('text measure', () => {
  it('grows with length, size and weight', () => {
    expect(textWidth('ABC', 13)).toBeGreaterThan(textWidth('AB', 13));
    expect(textWidth('ABC', 14)).toBeGreaterThan(textWidth('ABC', 13));
    expect(textWidth('ABC', 13, true)).toBeGreaterThan(textWidth('abc', 13, true));
    // the motto is about 5.6 cm at 13 pt bold
    expect(textWidth('Độc lập - Tự do - Hạnh phúc', 13, true)).toBeGreaterThan(3000);
    expect(textWidth('Độc lập - Tự do - Hạnh phúc', 13, true)).toBeLessThan(3400);
  });

  it('breaks a people’s committee after its body name', () => {
    expect(breakName('ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', 3000, 13, true)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG TRỊ']);
  });

  it('prefers a comma, never breaks a word, and keeps each line within the width', () => {
    const lines = breakName('BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH', 3000, 13, true);
    expect(lines).toEqual(['BỘ VĂN HÓA,', 'THỂ THAO VÀ DU LỊCH']);
    const long = breakName(
      'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH THÀNH PHỐ HỒ CHÍ MINH VÀ CÁC ĐƠN VỊ TRỰC THUỘC',
      3000,
      13,
      true,
    );
    expect(long.join(' ')).toBe('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH THÀNH PHỐ HỒ CHÍ MINH VÀ CÁC ĐƠN VỊ TRỰC THUỘC');
    for (const line of long) expect(textWidth(line, 13, true)).toBeLessThanOrEqual(3000);
  });

  it('never breaks inside a run of blanks left for the office', () => {
    const note = `(Kèm theo Kế hoạch số ${BLANK}/KH-UBND ngày${BLANK}tháng${BLANK}năm 2026 của Ủy ban nhân dân tỉnh Quảng Trị)`;
    const lines = balanceLines(note, textWidth(note, 14) / 2 + 500, 14, false);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(note);
    expect(lines.every((l) => l === l.trim())).toBe(true);
  });

  it('balances a long title instead of leaving one word on the last line', () => {
    const title = 'Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Quảng Trị';
    const max = textWidth(title, 14, true) - 200;
    const lines = balanceLines(title, max, 14, true);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe(title);
    const [a = '', b = ''] = lines;
    expect(Math.abs(textWidth(a, 14, true) - textWidth(b, 14, true))).toBeLessThan(max / 3);
  });
});

describe('lines that must not break', () => {
  const whole = (s: string): string[] => keepTogether(s.split(' '), () => true);

  it('keeps a number with the word that counts it, a date in one piece and "đến năm 2030" together', () => {
    expect(whole('Kế hoạch số 52/KH-UBND ngày 28 tháng 3 năm 2022 của tỉnh')).toEqual([
      'Kế',
      'hoạch',
      'số 52/KH-UBND',
      'ngày 28 tháng 3 năm 2022',
      'của',
      'tỉnh',
    ]);
    expect(whole('Chiến lược đến năm 2030 trong Quý II/2023 giai đoạn 2026-2030 Phụ lục IV')).toEqual([
      'Chiến',
      'lược',
      'đến năm 2030',
      'trong',
      'Quý II/2023',
      'giai đoạn 2026-2030',
      'Phụ lục IV',
    ]);
    expect(whole('đến cộng đồng năm nay Việt Nam')).toEqual(['đến', 'cộng', 'đồng', 'năm', 'nay', 'Việt', 'Nam']);
  });

  it('breaks inside a unit only when the unit is wider than the line', () => {
    expect(keepTogether(['đến', 'năm', '2030'], (s) => s.length <= 8)).toEqual(['đến', 'năm 2030']);
    const narrow = textWidth('đến năm', 14, true);
    const lines = balanceLines('Chiến lược đến năm 2030', narrow, 14, true);
    expect(lines.join(' ')).toBe('Chiến lược đến năm 2030');
    for (const line of lines) expect(textWidth(line, 14, true)).toBeLessThanOrEqual(narrow);
  });

  const titles = [
    'Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Quảng Trị',
    'Thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Vĩnh Long năm 2026',
    'Hành động thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn thành phố Đà Nẵng giai đoạn 2026-2030',
    '(Kèm theo Chương trình số 1425/CTr-BVHTTDL ngày 20 tháng 4 năm 2022 của Bộ Văn hóa, Thể thao và Du lịch)',
    '(Kèm theo Kế hoạch số 45/KH-UBND trong Quý II/2023 của Ủy ban nhân dân tỉnh Quảng Trị)',
  ];
  // Every width from the widest unit to the title's own: the break never lands inside a unit.
  it.each(titles)('balances "%s" at any width without splitting a counted number', (title) => {
    const units = [...title.matchAll(/(?:đến )?(?:ngày \d+ tháng \d+ năm \d+|(?:năm|số|Quý|giai đoạn) \S+)/g)].map(
      (m) => m[0],
    );
    expect(units.length).toBeGreaterThan(0);
    const widest = Math.max(...units.map((u) => textWidth(u, 14, true)));
    for (let max = widest; max < textWidth(title, 14, true); max += 97) {
      const lines = balanceLines(title, max, 14, true);
      expect(lines.join(' ')).toBe(title);
      for (const unit of units)
        expect(
          lines.some((l) => l.includes(unit)),
          `${unit} at ${max}: ${lines.join(' / ')}`,
        ).toBe(true);
    }
  });
});

describe('title lines break between phrases', () => {
  // Pairs of syllables a line must never end between, and phrases that must share one line.
  const WORDS = [
    'Du lịch',
    'Chiến lược',
    'Ngoại giao',
    'văn hóa',
    'địa bàn',
    'kế hoạch',
    'Kế hoạch',
    'Đà Nẵng',
    'Quảng Trị',
    'Vĩnh Long',
    'Vũng Tàu',
    'tỉnh Quảng',
    'phố Đà',
  ];
  const PHRASES = ['Chiến lược Ngoại giao văn hóa', 'Thể thao và Du lịch', 'năm 2030'];
  const titles = [
    'Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Quảng Trị',
    'Thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Vĩnh Long năm 2026',
    'Hành động thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn thành phố Đà Nẵng giai đoạn 2026-2030',
    'Hành động của ngành Văn hóa, Thể thao và Du lịch triển khai Chiến lược Ngoại giao văn hóa đến năm 2030',
    'Triển khai Chiến lược Ngoại giao văn hóa trên địa bàn tỉnh Bà Rịa - Vũng Tàu giai đoạn 2022-2025',
    'Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 của Bộ Văn hóa, Thể thao và Du lịch năm 2027',
  ];
  const widest = (t: string): number =>
    Math.max(
      ...PHRASES.filter((p) => t.includes(p)).map((p) => textWidth(p, 14, true)),
      textWidth('Hành động thực hiện', 14, true),
    );

  it.each(titles)('never splits a word, a name or a fixed phrase: "%s"', (title) => {
    for (let max = Math.max(widest(title) * 1.6, 4000); max < textWidth(title, 14, true); max += 173) {
      const lines = balanceLines(title, max, 14, true);
      const shown = `${max}: ${lines.join(' / ')}`;
      expect(lines.join(' ')).toBe(title);
      for (const line of lines) expect(textWidth(line, 14, true), shown).toBeLessThanOrEqual(max);
      for (let i = 1; i < lines.length; i++) {
        const pair = `${lines[i - 1]!.split(' ').at(-1)} ${lines[i]!.split(' ')[0]}`;
        expect(WORDS, shown).not.toContain(pair);
      }
      for (const phrase of PHRASES.filter((p) => title.includes(p)))
        expect(
          lines.some((l) => l.includes(phrase)),
          `${phrase} at ${shown}`,
        ).toBe(true);
    }
  });

  it('breaks the appendix heading between phrases, never leaving one syllable alone', () => {
    const heading = 'DANH MỤC NHIỆM VỤ TRIỂN KHAI CHIẾN LƯỢC NGOẠI GIAO VĂN HÓA ĐẾN NĂM 2030';
    for (
      let max = textWidth('CHIẾN LƯỢC NGOẠI GIAO VĂN HÓA', 14, true) * 1.2;
      max < textWidth(heading, 14, true);
      max += 211
    ) {
      const lines = balanceLines(heading, max, 14, true);
      expect(lines.join(' ')).toBe(heading);
      expect(
        lines.some((l) => l.includes('CHIẾN LƯỢC NGOẠI GIAO VĂN HÓA')),
        lines.join(' / '),
      ).toBe(true);
      expect(lines.at(-1)!.split(' ').length, lines.join(' / ')).toBeGreaterThan(1);
    }
    expect(
      balanceLines(
        'Danh mục nhiệm vụ ưu tiên thực hiện trong năm của kế hoạch',
        textWidth('Danh mục nhiệm vụ ưu tiên thực hiện trong năm của kế', 14, true),
        14,
        true,
      )
        .at(-1)!
        .split(' ').length,
    ).toBeGreaterThan(1);
  });
});

describe('report recipients that name the issuing agency', () => {
  it.each([
    ['Ủy ban nhân dân tỉnh', 'Ủy ban nhân dân tỉnh Vĩnh Long'],
    ['Uỷ ban nhân dân tỉnh Vĩnh Long', 'Ủy ban nhân dân tỉnh Vĩnh Long'],
    ['UBND tỉnh', 'Ủy ban nhân dân tỉnh Vĩnh Long'],
    ['ủy ban  nhân dân', 'Ủy ban nhân dân thành phố Đà Nẵng'],
    ['Bộ Văn hóa, Thể thao và Du lịch', 'Bộ Văn hóa, Thể thao và Du lịch'],
    ['Sở Ngoại vụ', 'Sở Ngoại vụ tỉnh Quảng Trị'],
  ])('%s names %s', (recipient, agency) => {
    expect(namesAgency(recipient, agency)).toBe(true);
  });

  it.each([
    ['Bộ Ngoại giao', 'Ủy ban nhân dân tỉnh Vĩnh Long'],
    ['Ủy ban nhân dân tỉnh', 'Sở Ngoại vụ tỉnh Quảng Trị'],
    ['Ủy ban nhân dân tỉnh Vĩnh', 'Ủy ban nhân dân tỉnh Vĩnh Long'],
    ['Thường trực Tỉnh ủy', 'Ủy ban nhân dân tỉnh Vĩnh Long'],
    ['Bộ trưởng', 'Bộ Văn hóa, Thể thao và Du lịch'],
    ['Bộ Văn hóa', 'Bộ Văn hóa, Thể thao và Du lịch'],
  ])('%s does not name %s', (recipient, agency) => {
    expect(namesAgency(recipient, agency)).toBe(false);
  });
});

describe('signature and recipients', () => {
  const cases: [Signer, string[]][] = [
    [{ capacity: 'TM', body: 'Ủy ban nhân dân', title: 'Chủ tịch' }, ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']],
    [
      { capacity: 'KT', body: 'Ủy ban nhân dân', head: 'Chủ tịch', title: 'Phó Chủ tịch' },
      ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    ],
    [{ capacity: 'KT', head: 'Bộ trưởng', title: 'Thứ trưởng' }, ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG']],
    [{ capacity: 'Q', head: 'Giám đốc', title: 'Phó Giám đốc' }, ['Q. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']],
    [
      { capacity: 'TL', head: 'Bộ trưởng', title: 'Vụ trưởng Vụ Hợp tác quốc tế' },
      ['TL. BỘ TRƯỞNG', 'VỤ TRƯỞNG VỤ HỢP TÁC QUỐC TẾ'],
    ],
    [{ capacity: 'TUQ', head: 'Chủ tịch', title: 'Chánh Văn phòng' }, ['TUQ. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG']],
    [{ capacity: 'none', title: 'Giám đốc' }, ['GIÁM ĐỐC']],
  ];
  it.each(cases)('prints %o as the spec’s table says', (signer, lines) => {
    expect(signerLines(signer)).toEqual(lines);
  });

  it('ends each recipient with a semicolon and the archive line with a full stop', () => {
    expect(recipientLines(['Bộ Ngoại giao', 'Sở Ngoại vụ;'], 'VT, KGVX')).toEqual([
      '- Bộ Ngoại giao;',
      '- Sở Ngoại vụ;',
      '- Lưu: VT, KGVX.',
    ]);
  });
});
