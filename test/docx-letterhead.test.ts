// The page-1 letterhead, the title block and the signature block, as Decree 30 lays them out.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan, Signer } from '../src/plan/types.js';
import { textWidth } from '../src/render/measure.js';
import { child, children, findAll, textOf, type Docx, type XNode } from './helpers/docx.js';
import { quangTriPlan } from './fixtures/render/quang-tri.js';
import { renderDocx } from './fixtures/render/render.js';

let doc: Docx;
beforeAll(async () => {
  doc = await renderDocx(quangTriPlan());
});

const tables = (d: Docx): XNode[] => children(d.body, 'w:tbl');
const cells = (table: XNode): XNode[] => findAll(table, 'w:tc');
const textWidthOfPage = (d: Docx): number => {
  const section = d.sections()[0];
  const m = child(section, 'w:pgMar')?.attrs ?? {};
  return Number(child(section, 'w:pgSz')?.attrs['w:w']) - Number(m['w:left']) - Number(m['w:right']);
};

function expectBorderlessFixed(d: Docx, table: XNode): void {
  const tblPr = child(table, 'w:tblPr');
  expect(child(tblPr, 'w:tblLayout')?.attrs['w:type']).toBe('fixed');
  expect(child(tblPr, 'w:tblW')?.attrs['w:type']).toBe('dxa');
  const borders = child(tblPr, 'w:tblBorders')?.children ?? [];
  expect(borders.map((b) => b.name).sort()).toEqual([
    'w:bottom',
    'w:insideH',
    'w:insideV',
    'w:left',
    'w:right',
    'w:top',
  ]);
  expect(borders.every((b) => b.attrs['w:val'] === 'none')).toBe(true);
  const grid = children(child(table, 'w:tblGrid'), 'w:gridCol').map((g) => Number(g.attrs['w:w']));
  expect(grid.reduce((a, b) => a + b, 0)).toBe(Number(child(tblPr, 'w:tblW')?.attrs['w:w']));
  expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(textWidthOfPage(d));
  for (const row of children(table, 'w:tr')) {
    children(row, 'w:tc').forEach((tc, i) => {
      const w = child(child(tc, 'w:tcPr'), 'w:tcW');
      expect(w?.attrs['w:type']).toBe('dxa');
      expect(Number(w?.attrs['w:w'])).toBe(grid[i]);
    });
  }
}

/** Width of a rule paragraph: its cell's text width minus its indents. */
function ruleWidth(cellWidth: number, rule: XNode): number {
  const ind = child(child(rule, 'w:pPr'), 'w:ind')?.attrs ?? {};
  return cellWidth - 2 * 108 - Number(ind['w:left']) - Number(ind['w:right']);
}

describe('letterhead', () => {
  it('is a borderless fixed two-column table that fits the text width', () => {
    const [head] = tables(doc);
    if (head === undefined) throw new Error('no letterhead');
    expect(children(child(head, 'w:tblGrid'), 'w:gridCol')).toHaveLength(2);
    expectBorderlessFixed(doc, head);
    const first = doc.body.children.find((c) => c.name === 'w:tbl' || c.name === 'w:p');
    expect(first).toBe(head);
  });

  it('left: the agency upper case, bold, 13 pt, broken after ỦY BAN NHÂN DÂN, with a short rule under it', () => {
    const [head] = tables(doc);
    const [left] = cells(head!);
    const paras = findAll(left!, 'w:p');
    expect(paras.slice(0, 2).map(textOf)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG TRỊ']);
    for (const p of paras.slice(0, 2)) {
      expect(doc.runFormat(p)).toMatchObject({ size: 26, bold: true });
      expect(doc.paraFormat(p).jc).toBe('center');
    }
    const rule = paras[2]!;
    expect(textOf(rule)).toBe('');
    expect(doc.paraFormat(rule).borderTop).toMatchObject({ 'w:val': 'single', 'w:color': '000000' });
    const agency = textWidth('ỦY BAN NHÂN DÂN', 13, true);
    const width = ruleWidth(Number(child(child(left!, 'w:tcPr'), 'w:tcW')?.attrs['w:w']), rule);
    expect(width).toBeGreaterThanOrEqual(agency / 3);
    expect(width).toBeLessThanOrEqual(agency / 2);
  });

  it('prints the parent agency, upper case, not bold, above the agency', async () => {
    const plan = quangTriPlan();
    plan.agency = { ...plan.agency, parent: 'Ủy ban nhân dân tỉnh Quảng Trị', name: 'Sở Ngoại vụ', short: 'SNgV' };
    const d = await renderDocx(plan);
    const paras = findAll(cells(tables(d)[0]!)[0]!, 'w:p');
    expect(paras.slice(0, 3).map(textOf)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG TRỊ', 'SỞ NGOẠI VỤ']);
    expect(d.runFormat(paras[0]!)).toMatchObject({ size: 26, bold: false });
    expect(d.runFormat(paras[2]!)).toMatchObject({ size: 26, bold: true });
    expect(textOf(d.paragraph(/^Số:/))).toBe('Số: 45/KH-SNgV');
  });

  it('right: national name 12 pt bold, motto 13 pt bold with a rule as long as the motto', () => {
    const right = cells(tables(doc)[0]!)[1]!;
    const [name, motto, rule] = findAll(right, 'w:p');
    expect(textOf(name!)).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(doc.runFormat(name!)).toMatchObject({ size: 24, bold: true });
    expect(textOf(motto!)).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(doc.runFormat(motto!)).toMatchObject({ size: 26, bold: true });
    expect(doc.paraFormat(rule!).borderTop).toMatchObject({ 'w:val': 'single' });
    const width = ruleWidth(Number(child(child(right, 'w:tcPr'), 'w:tcW')?.attrs['w:w']), rule!);
    expect(Math.abs(width - textWidth('Độc lập - Tự do - Hạnh phúc', 13, true))).toBeLessThan(60);
  });

  it('Số: 13 pt upright, and the italic place-and-date line on the same row', () => {
    const row = children(tables(doc)[0]!, 'w:tr')[1]!;
    const [left, right] = findAll(row, 'w:p');
    expect(textOf(left!)).toBe('Số: 45/KH-UBND');
    expect(doc.runFormat(left!)).toMatchObject({ size: 26, bold: false, italic: false });
    expect(textOf(right!)).toBe('Quảng Trị, ngày 15 tháng 3 năm 2022');
    expect(doc.runFormat(right!)).toMatchObject({ italic: true, size: 28 });
  });

  const variant = async (change: (p: Plan) => void): Promise<Docx> => {
    const plan = quangTriPlan();
    change(plan);
    return renderDocx(plan);
  };

  it('gives numbers below 10 a leading zero and leaves blanks without a number', async () => {
    expect(textOf((await variant((p) => (p.document.number = 7))).paragraph(/^Số:/))).toBe('Số: 07/KH-UBND');
    const blank = textOf((await variant((p) => delete p.document.number)).paragraph(/^Số:/));
    expect(blank).toMatch(/^Số: {4,}\/KH-UBND$/);
  });

  it('dates 05/3/2022 and 10/02/2022 with Decree 30’s zeros, and leaves blanks without a date', async () => {
    const on = async (date: string): Promise<string> =>
      textOf((await variant((p) => (p.document.date = date))).paragraph(/^Quảng Trị, /));
    expect(await on('2022-03-05')).toBe('Quảng Trị, ngày 05 tháng 3 năm 2022');
    expect(await on('2022-02-10')).toBe('Quảng Trị, ngày 10 tháng 02 năm 2022');
    const none = await variant((p) => {
      delete p.document.date;
      p.document.year = 2026;
    });
    expect(textOf(none.paragraph(/^Quảng Trị, /))).toMatch(/^Quảng Trị, ngày {3,}tháng {3,}năm 2026$/);
  });
});

describe('title block', () => {
  it('KẾ HOẠCH then the title, 14 pt bold centred, then a short rule', () => {
    const type = doc.paragraph('KẾ HOẠCH');
    expect(doc.runFormat(type)).toMatchObject({ size: 28, bold: true });
    expect(doc.paraFormat(type).jc).toBe('center');
    const paras = doc.paragraphs();
    const i = paras.indexOf(type);
    const title = paras[i + 1]!;
    expect(textOf(title).replace('\n', ' ')).toBe(quangTriPlan().document.title);
    expect(doc.runFormat(title)).toMatchObject({ size: 28, bold: true });
    expect(doc.paraFormat(title).jc).toBe('center');
    expect(doc.paraFormat(paras[i + 2]!).borderTop).toMatchObject({ 'w:val': 'single' });
  });

  it('says CHƯƠNG TRÌNH and CTr for a programme', async () => {
    const plan = quangTriPlan();
    plan.kind = 'chuong-trinh';
    const d = await renderDocx(plan);
    expect(d.runFormat(d.paragraph('CHƯƠNG TRÌNH'))).toMatchObject({ bold: true, size: 28 });
    expect(textOf(d.paragraph(/^Số:/))).toBe('Số: 45/CTr-UBND');
    expect(d.texts().some((t) => t.includes('ban hành Chương trình triển khai Chiến lược'))).toBe(true);
  });
});

describe('recipients and signature', () => {
  const signature = (d: Docx): [XNode, XNode] => {
    const table = tables(d)[1]!;
    expectBorderlessFixed(d, table);
    return cells(table) as [XNode, XNode];
  };

  const grid = (d: Docx): [number, number] => {
    const table = tables(d)[1]!;
    return children(child(table, 'w:tblGrid'), 'w:gridCol').map((g) => Number(g.attrs['w:w'])) as [number, number];
  };
  /** What a 14 pt bold line may fill of a cell, as the renderer itself allows (MEASURE_SLACK). */
  const room = (cell: number): number => (cell - 2 * 108) * 0.96;
  const cm = 567;

  it('gives the recipients half the text width, so that a ministry or commune list keeps each name on one line', () => {
    const [left, right] = grid(doc);
    expect(left + right).toBe(textWidthOfPage(doc));
    expect(left).toBeGreaterThanOrEqual(7 * cm);
    expect(left).toBeLessThanOrEqual(textWidthOfPage(doc) / 2);
    for (const line of [
      '- Bộ Văn hóa, Thể thao và Du lịch;',
      '- Ủy ban nhân dân các xã, phường, đặc khu;',
      '- Thường trực Hội đồng nhân dân thành phố;',
    ]) {
      expect(textWidth(line, 11), line).toBeLessThanOrEqual(left - 2 * 108);
    }
  });

  it.each(['Phó Chủ tịch Thường trực', 'Phó Giám đốc Thường trực', 'Vụ trưởng Vụ Hợp tác quốc tế'])(
    'widens the signature column just enough for "%s" on one line',
    async (title) => {
      const plan = quangTriPlan();
      plan.signer = { capacity: 'KT', body: 'Hội đồng nhân dân', head: 'Chủ tịch', title, name: 'Nguyễn Văn A' };
      const d = await renderDocx(plan);
      const [left, right] = grid(d);
      expect(left + right).toBe(textWidthOfPage(d));
      const lines = findAll(signature(d)[1], 'w:p')
        .map(textOf)
        .filter((t) => t !== '');
      expect(lines).toContain(title.toLocaleUpperCase('vi'));
      for (const line of lines) expect(textWidth(line, 14, true), line).toBeLessThanOrEqual(room(right));
      // and no wider than that: the recipients keep the rest, up to half the text width
      const needed = Math.ceil(Math.max(...lines.map((l) => textWidth(l, 14, true))) / 0.96) + 2 * 108;
      expect(right).toBeLessThanOrEqual(Math.max(needed, Math.ceil(textWidthOfPage(d) / 2)));
      // still wider than Mẫu 1.4's 5.28 cm recipients column
      expect(left).toBeGreaterThan(5.28 * cm);
    },
  );

  it('Nơi nhận: 12 pt bold italic on the signer’s first line; recipients 11 pt; Lưu last', () => {
    const [left] = signature(doc);
    const paras = findAll(left, 'w:p');
    expect(textOf(paras[0]!)).toBe('Nơi nhận:');
    expect(doc.runFormat(paras[0]!)).toMatchObject({ size: 24, bold: true, italic: true });
    const lines = paras.slice(1).map(textOf);
    expect(lines).toEqual([...quangTriPlan().recipients.map((r) => `- ${r};`), '- Lưu: VT, KGVX.']);
    for (const p of paras.slice(1)) expect(doc.runFormat(p)).toMatchObject({ size: 22, bold: false });
  });

  const forms: [string, Signer, string[]][] = [
    [
      'TM',
      { capacity: 'TM', body: 'Ủy ban nhân dân', title: 'Chủ tịch', name: 'Võ Văn Hưng' },
      ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    ],
    [
      'KT with body',
      { capacity: 'KT', body: 'Ủy ban nhân dân', head: 'Chủ tịch', title: 'Phó Chủ tịch', name: 'Hoàng Nam' },
      ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    ],
    [
      'KT without body',
      { capacity: 'KT', head: 'Bộ trưởng', title: 'Thứ trưởng', name: 'Đoàn Văn Việt' },
      ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG'],
    ],
    [
      'Q',
      { capacity: 'Q', head: 'Giám đốc', title: 'Phó Giám đốc', name: 'Lê Văn A' },
      ['Q. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    ],
    [
      'TL',
      { capacity: 'TL', head: 'Bộ trưởng', title: 'Vụ trưởng Vụ Hợp tác quốc tế', name: 'Trần B' },
      ['TL. BỘ TRƯỞNG', 'VỤ TRƯỞNG VỤ HỢP TÁC QUỐC TẾ'],
    ],
    [
      'TUQ',
      { capacity: 'TUQ', head: 'Chủ tịch', title: 'Chánh Văn phòng', name: 'Phạm C' },
      ['TUQ. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'],
    ],
    ['none', { capacity: 'none', title: 'Giám đốc', name: 'Nguyễn Đức D' }, ['GIÁM ĐỐC']],
  ];

  it.each(forms)(
    'signer %s: upper case bold 14 pt lines, room, then the name bold as written',
    async (_, signer, lines) => {
      const plan = quangTriPlan();
      plan.signer = signer;
      const d = await renderDocx(plan);
      const paras = findAll(signature(d)[1], 'w:p');
      expect(paras.slice(0, lines.length).map(textOf)).toEqual(lines);
      for (const p of paras.slice(0, lines.length)) {
        expect(d.runFormat(p)).toMatchObject({ size: 28, bold: true });
        expect(d.paraFormat(p).jc).toBe('center');
      }
      const room = paras.slice(lines.length, -1);
      expect(room.length).toBeGreaterThanOrEqual(4);
      expect(room.every((p) => textOf(p) === '')).toBe(true);
      const name = paras[paras.length - 1]!;
      expect(textOf(name)).toBe(signer.name);
      expect(d.runFormat(name)).toMatchObject({ bold: true, size: 28 });
    },
  );

  it('leaves the room and nothing else when the draft has no signer name', async () => {
    const plan = quangTriPlan();
    delete plan.signer.name;
    const paras = findAll(signature(await renderDocx(plan))[1], 'w:p');
    expect(paras.slice(0, 3).map(textOf)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(paras.length).toBeGreaterThanOrEqual(7);
    expect(paras.slice(3).every((p) => textOf(p) === '')).toBe(true);
  });

  it('keeps the last lines of the body with the signature so it never stands alone', () => {
    const all = doc.body.children;
    const index = all.indexOf(tables(doc)[1]!);
    const before = all.slice(0, index).filter((n) => n.name === 'w:p');
    const [last, spacer] = before.slice(-2);
    expect(textOf(last!)).toMatch(/\.\/\.$/);
    expect(doc.paraFormat(last!).keepNext).toBe(true);
    expect(doc.paraFormat(spacer!).keepNext).toBe(true);
    const row = child(child(tables(doc)[1]!, 'w:tr'), 'w:trPr');
    expect(child(row, 'w:cantSplit')).toBeDefined();
  });
});
