// The landscape appendix: its heading lines and the task table.
import { beforeAll, describe, expect, it } from 'vitest';
import { GROUP_LABELS } from '../src/plan/labels.js';
import { GROUP_KEYS, type Plan } from '../src/plan/types.js';
import { child, children, findAll, textOf, type Docx, type XNode } from './helpers/docx.js';
import { quangTriPlan } from './fixtures/render/quang-tri.js';
import { renderDocx } from './fixtures/render/render.js';

let doc: Docx;
let table: XNode;
let rows: XNode[];

beforeAll(async () => {
  doc = await renderDocx(quangTriPlan());
  const tables = children(doc.body, 'w:tbl');
  expect(tables).toHaveLength(3);
  table = tables[2]!;
  rows = children(table, 'w:tr');
});

const cellTexts = (row: XNode): string[] =>
  children(row, 'w:tc').map((tc) => findAll(tc, 'w:p').map(textOf).join('\n'));
const oneLine = (s: string): string => s.replace(/\n/g, ' ');

describe('appendix heading', () => {
  it('starts after the section break: Phụ lục, its title, the Kèm theo line', () => {
    const all = doc.body.children;
    const breakAt = all.findIndex((n) => findAll(n, 'w:sectPr').length > 0);
    const [label, title, note] = all.slice(breakAt + 1, breakAt + 4);
    expect(textOf(label!)).toBe('Phụ lục');
    expect(doc.runFormat(label!)).toMatchObject({ size: 28, bold: true });
    expect(doc.paraFormat(label!).jc).toBe('center');
    expect(oneLine(textOf(title!))).toBe('DANH MỤC NHIỆM VỤ TRIỂN KHAI CHIẾN LƯỢC NGOẠI GIAO VĂN HÓA ĐẾN NĂM 2030');
    expect(doc.runFormat(title!)).toMatchObject({ bold: true });
    expect(doc.paraFormat(title!).jc).toBe('center');
    expect(oneLine(textOf(note!))).toBe(
      '(Kèm theo Kế hoạch số 45/KH-UBND ngày 15 tháng 3 năm 2022 của Ủy ban nhân dân tỉnh Quảng Trị)',
    );
    expect(doc.runFormat(note!)).toMatchObject({ italic: true, bold: false });
    expect(doc.paraFormat(note!).jc).toBe('center');
  });

  it('leaves blanks in the Kèm theo line when the plan has no number or date, and names a Chương trình', async () => {
    const plan: Plan = quangTriPlan();
    plan.kind = 'chuong-trinh';
    delete plan.document.number;
    delete plan.document.date;
    plan.document.year = 2026;
    const d = await renderDocx(plan);
    expect(oneLine(textOf(d.paragraph(/^\(Kèm theo/)))).toMatch(
      /^\(Kèm theo Chương trình số {4,}\/CTr-UBND ngày {3,}tháng {3,}năm 2026 của Ủy ban nhân dân tỉnh Quảng Trị\)$/,
    );
  });
});

describe('task table', () => {
  it('has single black borders, a fixed layout and widths that fill the landscape text width', () => {
    const tblPr = child(table, 'w:tblPr');
    expect(child(tblPr, 'w:tblLayout')?.attrs['w:type']).toBe('fixed');
    const borders = child(tblPr, 'w:tblBorders')?.children ?? [];
    expect(borders).toHaveLength(6);
    expect(borders.every((b) => b.attrs['w:val'] === 'single' && b.attrs['w:color'] === '000000')).toBe(true);
    const grid = children(child(table, 'w:tblGrid'), 'w:gridCol').map((g) => Number(g.attrs['w:w']));
    expect(grid).toHaveLength(6);
    const section = doc.sections()[1]!;
    const m = child(section, 'w:pgMar')?.attrs ?? {};
    const width = Number(child(section, 'w:pgSz')?.attrs['w:w']) - Number(m['w:left']) - Number(m['w:right']);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(width);
    expect(Number(child(tblPr, 'w:tblW')?.attrs['w:w'])).toBe(width);
    expect(child(tblPr, 'w:tblW')?.attrs['w:type']).toBe('dxa');
  });

  it('repeats its bold centred header row on every page', () => {
    const header = rows[0]!;
    const trPr = child(header, 'w:trPr');
    expect(child(trPr, 'w:tblHeader')).toBeDefined();
    expect(cellTexts(header)).toEqual([
      'STT',
      'Nội dung nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời gian thực hiện',
      'Sản phẩm',
    ]);
    for (const p of findAll(header, 'w:p')) {
      expect(doc.runFormat(p)).toMatchObject({ bold: true, size: 26 });
      expect(doc.paraFormat(p).jc).toBe('center');
    }
    expect(rows.slice(1).every((r) => child(child(r, 'w:trPr'), 'w:tblHeader') === undefined)).toBe(true);
  });

  it('keeps every row from splitting across pages', () => {
    expect(rows.every((r) => child(child(r, 'w:trPr'), 'w:cantSplit') !== undefined)).toBe(true);
  });

  it('groups tasks under rows I–V spanning the table, numbered from 1 in each group', () => {
    const plan = quangTriPlan();
    const expected: string[][] = [];
    GROUP_KEYS.forEach((key, g) => {
      // The last two syllables of a group's name are joined by a no-break space (#11 item 15).
      expected.push([['I', 'II', 'III', 'IV', 'V'][g]!, GROUP_LABELS[key].replace(/ (\S+)$/u, '\u00A0$1')]);
      plan.tasks[key].forEach((task, t) => {
        expected.push([
          String(t + 1),
          task.content,
          task.lead,
          (task.partners ?? []).join('\n'),
          task.period ?? '',
          task.output ?? '',
        ]);
      });
    });
    expect(rows.slice(1).map(cellTexts)).toEqual(expected);
    const group = rows[1]!;
    const [stt, label] = children(group, 'w:tc');
    expect(child(child(label!, 'w:tcPr'), 'w:gridSpan')?.attrs['w:val']).toBe('5');
    expect(doc.runFormat(find1(stt!))).toMatchObject({ bold: true });
    expect(doc.runFormat(find1(label!))).toMatchObject({ bold: true });
  });

  it('sets every cell width in DXA to the columns it spans, and cell text at 13 pt', () => {
    const grid = children(child(table, 'w:tblGrid'), 'w:gridCol').map((g) => Number(g.attrs['w:w']));
    for (const row of rows) {
      let column = 0;
      for (const tc of children(row, 'w:tc')) {
        const span = Number(child(child(tc, 'w:tcPr'), 'w:gridSpan')?.attrs['w:val'] ?? 1);
        const w = child(child(tc, 'w:tcPr'), 'w:tcW');
        expect(w?.attrs['w:type']).toBe('dxa');
        expect(Number(w?.attrs['w:w'])).toBe(grid.slice(column, column + span).reduce((a, b) => a + b, 0));
        column += span;
        for (const p of findAll(tc, 'w:p')) expect(doc.runFormat(p).size).toBe(26);
      }
      expect(column).toBe(6);
    }
  });
});

function find1(node: XNode): XNode {
  const p = findAll(node, 'w:p')[0];
  if (p === undefined) throw new Error('no paragraph');
  return p;
}
