// The exact numbers src/render/layout.ts chose within Decree 30's ranges, read back from the .docx
// as literals (never imported from layout.ts): the range tests in docx-page.test.ts pass for any
// value an office would accept, so without these a margin could move from 25 to 22 mm unnoticed.
// A change here is a layout decision: say why in the commit that makes it.
import { beforeAll, describe, expect, it } from 'vitest';
import { child, children, findAll, type Docx, type XNode } from './helpers/docx.js';
import { quangTriPlan } from './fixtures/render/quang-tri.js';
import { renderDocx } from './fixtures/render/render.js';

let doc: Docx;
let portrait: XNode;
let landscape: XNode;

beforeAll(async () => {
  doc = await renderDocx(quangTriPlan());
  [portrait, landscape] = doc.sections() as [XNode, XNode];
});

const attrs = (node: XNode | undefined): Record<string, string> => node?.attrs ?? {};
const grid = (table: XNode): number[] =>
  children(child(table, 'w:tblGrid'), 'w:gridCol').map((g) => Number(g.attrs['w:w']));

describe('page', () => {
  it('portrait: A4, margins top 25 mm, bottom 20, left 30, right 20, header and footer 10', () => {
    expect(attrs(child(portrait, 'w:pgSz'))).toEqual({ 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' });
    expect(attrs(child(portrait, 'w:pgMar'))).toEqual({
      'w:top': '1417',
      'w:bottom': '1134',
      'w:left': '1701',
      'w:right': '1134',
      'w:header': '567',
      'w:footer': '567',
      'w:gutter': '0',
    });
  });

  it('landscape appendix: top 30 mm on the binding, the other edges 20 mm', () => {
    expect(attrs(child(landscape, 'w:pgSz'))).toEqual({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    expect(attrs(child(landscape, 'w:pgMar'))).toEqual({
      'w:top': '1701',
      'w:bottom': '1134',
      'w:left': '1134',
      'w:right': '1134',
      'w:header': '567',
      'w:footer': '567',
      'w:gutter': '0',
    });
  });
});

describe('tables', () => {
  it('letterhead 3402 + 5669 (10 cm for the national motto), signature block 4535 + 4536', () => {
    const [letterhead, signature] = children(doc.body, 'w:tbl') as [XNode, XNode];
    expect(grid(letterhead)).toEqual([3402, 5669]);
    expect(grid(signature)).toEqual([4535, 4536]);
  });

  it('appendix columns 16, content, 40, 45, 28 and 40 mm across 14570 twips, 0.5 pt borders', () => {
    const appendix = children(doc.body, 'w:tbl')[2];
    if (appendix === undefined) throw new Error('no appendix table');
    expect(grid(appendix)).toEqual([907, 4989, 2268, 2551, 1587, 2268]);
    const borders = child(child(appendix, 'w:tblPr'), 'w:tblBorders')?.children ?? [];
    expect(borders).toHaveLength(6);
    for (const b of borders) expect(b.attrs).toEqual({ 'w:val': 'single', 'w:color': '000000', 'w:sz': '4' });
  });

  it('short rules: under the agency, the motto and the title, 0.5 pt, 3 pt below the text', () => {
    const rules = doc.paragraphs().filter((p) => child(child(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val'] === 'Rule');
    expect(rules.map((p) => attrs(child(child(p, 'w:pPr'), 'w:ind')))).toEqual([
      { 'w:left': '1103', 'w:right': '1103' },
      { 'w:left': '1141', 'w:right': '1141' },
      { 'w:left': '3518', 'w:right': '3518' },
    ]);
    expect(attrs(child(child(child(doc.style('Rule'), 'w:pPr'), 'w:pBdr'), 'w:top'))).toEqual({
      'w:val': 'single',
      'w:color': '000000',
      'w:sz': '4',
      'w:space': '1',
    });
  });

  it('leaves five empty 14 pt lines for the signature and seal', () => {
    const styles = doc.paragraphs().map((p) => child(child(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val']);
    expect(styles.filter((s) => s === 'SignatureSpace')).toHaveLength(5);
  });
});

describe('styles', () => {
  it('document default: 14 pt (28 half-points), single line, no spacing', () => {
    const defaults = child(doc.styles, 'w:docDefaults');
    expect(attrs(child(child(child(defaults, 'w:rPrDefault'), 'w:rPr'), 'w:sz'))).toEqual({ 'w:val': '28' });
    expect(attrs(child(child(child(defaults, 'w:pPrDefault'), 'w:pPr'), 'w:spacing'))).toEqual({
      'w:before': '0',
      'w:after': '0',
      'w:line': '240',
      'w:lineRule': 'auto',
    });
  });

  // id, half-points, bold, italic, alignment, first line, before, after, line (240ths), keep with next
  type Row = [string, number, boolean, boolean, string, number, number, number, number, boolean];
  const B = true;
  const I = true;
  const K = true;
  const expected: Row[] = [
    ['Normal', 28, false, false, 'both', 720, 120, 0, 288, false],
    ['Heading1', 28, B, false, 'both', 720, 120, 0, 288, K],
    ['Heading2', 28, B, false, 'both', 720, 120, 0, 288, K],
    ['Heading3', 28, B, false, 'both', 720, 120, 0, 288, K],
    ['Heading4', 28, false, I, 'both', 720, 120, 0, 288, K],
    ['Heading5', 28, false, false, 'both', 720, 120, 0, 288, K],
    ['Heading6', 28, false, false, 'both', 720, 120, 0, 288, K],
    ['Title', 28, B, false, 'center', 0, 0, 0, 240, false],
    ['Basis', 28, false, I, 'both', 720, 120, 0, 288, false],
    ['DocType', 28, B, false, 'center', 0, 360, 0, 240, K],
    ['DocTitle', 28, B, false, 'center', 0, 0, 0, 240, K],
    ['Rule', 2, false, false, 'center', 0, 60, 0, 240, false],
    ['AgencyParent', 26, false, false, 'center', 0, 0, 0, 240, false],
    ['Agency', 26, B, false, 'center', 0, 0, 0, 240, false],
    ['DocNumber', 26, false, false, 'center', 0, 120, 0, 240, false],
    ['NationalName', 24, B, false, 'center', 0, 0, 0, 240, false],
    ['Motto', 26, B, false, 'center', 0, 0, 0, 240, false],
    ['PlaceDate', 28, false, I, 'center', 0, 120, 0, 240, false],
    ['PageNumber', 28, false, false, 'center', 0, 0, 0, 240, false],
    ['RecipientsLabel', 24, B, I, 'left', 0, 40, 0, 240, false],
    ['Recipient', 22, false, false, 'left', 0, 0, 0, 240, false],
    ['SignerAuthority', 28, B, false, 'center', 0, 0, 0, 240, false],
    ['SignatureSpace', 28, false, false, 'center', 0, 0, 0, 240, false],
    ['SignerName', 28, B, false, 'center', 0, 0, 0, 240, false],
    ['AppendixLabel', 28, B, false, 'center', 0, 0, 0, 240, false],
    ['AppendixTitle', 28, B, false, 'center', 0, 0, 0, 240, false],
    ['AppendixNote', 28, false, I, 'center', 0, 0, 240, 240, false],
    ['TableHead', 26, B, false, 'center', 0, 40, 40, 240, K],
    ['TableGroup', 26, B, false, 'left', 0, 40, 40, 240, K],
    ['TableText', 26, false, false, 'left', 0, 40, 40, 240, false],
    ['TableJustify', 26, false, false, 'both', 0, 40, 40, 240, false],
    ['TableCentre', 26, false, false, 'center', 0, 40, 40, 240, false],
  ];

  it.each(expected)(
    '%s: %i half-points, bold %s, italic %s, %s, first line %i, %i before, %i after, line %i, keep %s',
    (id, size, bold, italic, jc, firstLine, before, after, line, keepNext) => {
      const style = doc.style(id);
      const rPr = child(style, 'w:rPr');
      const pPr = child(style, 'w:pPr');
      expect({
        size: Number(child(rPr, 'w:sz')?.attrs['w:val']),
        bold: child(rPr, 'w:b') !== undefined,
        italic: child(rPr, 'w:i') !== undefined,
        jc: child(pPr, 'w:jc')?.attrs['w:val'],
        ind: attrs(child(pPr, 'w:ind')),
        spacing: attrs(child(pPr, 'w:spacing')),
        keepNext: child(pPr, 'w:keepNext') !== undefined,
      }).toEqual({
        size,
        bold,
        italic,
        jc,
        ind: { 'w:left': '0', 'w:right': '0', 'w:firstLine': String(firstLine) },
        spacing: { 'w:before': String(before), 'w:after': String(after), 'w:line': String(line), 'w:lineRule': 'auto' },
        keepNext,
      });
    },
  );

  it('pins every style the body uses', () => {
    const ours = doc.styleIds().filter((id) => findAll(doc.document, 'w:pStyle').some((s) => s.attrs['w:val'] === id));
    for (const id of ours)
      expect(
        expected.map((row) => row[0]),
        id,
      ).toContain(id);
  });
});
