// Page, section, header and style measurements of a rendered plan, read from the .docx XML and
// compared with Decree 30's ranges (shared/domain/decree-30-format.md).
import { beforeAll, describe, expect, it } from 'vitest';
import { child, children, find, findAll, textOf, type XNode } from './helpers/docx.js';
import type { Docx } from './helpers/docx.js';
import { quangTriPlan } from './fixtures/render/quang-tri.js';
import { renderDocx } from './fixtures/render/render.js';

const TNR = 'Times New Roman';
let doc: Docx;
let portrait: XNode;
let landscape: XNode;

beforeAll(async () => {
  doc = await renderDocx(quangTriPlan());
  const sections = doc.sections();
  expect(sections).toHaveLength(2);
  [portrait, landscape] = sections as [XNode, XNode];
});

const attr = (node: XNode | undefined, name: string): number => Number(node?.attrs[name]);

describe('pages', () => {
  it('body: A4 portrait 11906 × 16838', () => {
    const size = child(portrait, 'w:pgSz');
    expect(attr(size, 'w:w')).toBe(11906);
    expect(attr(size, 'w:h')).toBe(16838);
    expect(size?.attrs['w:orient']).toBe('portrait');
  });

  it('body margins lie in Decree 30’s ranges, header 10 mm', () => {
    const m = child(portrait, 'w:pgMar');
    expect(attr(m, 'w:top')).toBeGreaterThanOrEqual(1134);
    expect(attr(m, 'w:top')).toBeLessThanOrEqual(1417);
    expect(attr(m, 'w:bottom')).toBeGreaterThanOrEqual(1134);
    expect(attr(m, 'w:bottom')).toBeLessThanOrEqual(1417);
    expect(attr(m, 'w:left')).toBeGreaterThanOrEqual(1701);
    expect(attr(m, 'w:left')).toBeLessThanOrEqual(1984);
    expect(attr(m, 'w:right')).toBeGreaterThanOrEqual(850);
    expect(attr(m, 'w:right')).toBeLessThanOrEqual(1134);
    expect(attr(m, 'w:header')).toBe(567);
  });

  it('appendix: a new section, A4 landscape (16838 × 11906)', () => {
    const size = child(landscape, 'w:pgSz');
    expect(attr(size, 'w:w')).toBe(16838);
    expect(attr(size, 'w:h')).toBe(11906);
    expect(size?.attrs['w:orient']).toBe('landscape');
    expect(child(landscape, 'w:type')?.attrs['w:val']).toBe('nextPage');
    const m = child(landscape, 'w:pgMar');
    for (const side of ['w:top', 'w:bottom', 'w:left', 'w:right']) expect(attr(m, side)).toBeGreaterThanOrEqual(1134);
  });

  it('numbers pages from 1 in each section, never on a section’s first page', () => {
    for (const section of [portrait, landscape]) {
      expect(child(section, 'w:titlePg')).toBeDefined();
      expect(child(section, 'w:pgNumType')?.attrs['w:start']).toBe('1');
      const first = doc.header(section, 'first');
      expect(findAll(first, 'w:p').map(textOf).join('')).toBe('');
      expect(findAll(first, 'w:fldChar')).toHaveLength(0);
      expect(findAll(first, 'w:fldSimple')).toHaveLength(0);
      const header = doc.header(section, 'default');
      expect(
        findAll(header, 'w:instrText')
          .map((n) => n.children.map((t) => t.text).join(''))
          .join('')
          .trim(),
      ).toBe('PAGE');
      const p = find(header, 'w:p');
      if (p === undefined) throw new Error('empty header');
      expect(doc.runFormat(p)).toMatchObject({ size: 28 });
      expect(doc.paraFormat(p).jc).toBe('center');
    }
  });
});

describe('fonts and styles', () => {
  const allFour = (fonts: Record<string, string> | undefined): void => {
    for (const key of ['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia']) expect(fonts?.[key]).toBe(TNR);
  };

  it('sets Times New Roman, 14 pt, black, vi-VN as the document default', () => {
    const rPr = child(child(child(doc.styles, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
    allFour(child(rPr, 'w:rFonts')?.attrs);
    expect(child(rPr, 'w:sz')?.attrs['w:val']).toBe('28');
    expect(child(rPr, 'w:color')?.attrs['w:val']).toBe('000000');
    expect(child(rPr, 'w:lang')?.attrs['w:val']).toBe('vi-VN');
  });

  it('gives every style a paragraph uses Times New Roman on all four scripts, black, vi-VN', () => {
    const used = new Set<string>();
    const parts = [
      doc.document,
      ...[...doc.parts.keys()].filter((k) => /^word\/header\d+\.xml$/.test(k)).map((k) => doc.part(k)),
    ];
    for (const part of parts) for (const s of findAll(part, 'w:pStyle')) used.add(s.attrs['w:val'] ?? '');
    expect(used.size).toBeGreaterThan(10);
    for (const id of used) {
      const rPr = child(doc.style(id), 'w:rPr');
      allFour(child(rPr, 'w:rFonts')?.attrs);
      expect(child(rPr, 'w:color')?.attrs['w:val'], id).toBe('000000');
      expect(child(rPr, 'w:lang')?.attrs['w:val'], id).toBe('vi-VN');
    }
  });

  it('overrides Word’s blue, large heading and title styles', () => {
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6']) {
      const rPr = child(doc.style(id), 'w:rPr');
      allFour(child(rPr, 'w:rFonts')?.attrs);
      expect(child(rPr, 'w:color')?.attrs['w:val'], id).toBe('000000');
      expect(Number(child(rPr, 'w:sz')?.attrs['w:val']), id).toBeLessThanOrEqual(28);
    }
  });

  it('colours nothing in a used style other than black', () => {
    const colours = findAll(doc.document, 'w:color').map((c) => c.attrs['w:val']);
    expect(colours.every((c) => c === '000000' || c === 'auto')).toBe(true);
  });

  it('never uses the schema-invalid line rule "exactly"', () => {
    const rules = [...findAll(doc.styles, 'w:spacing'), ...findAll(doc.document, 'w:spacing')].map(
      (s) => s.attrs['w:lineRule'],
    );
    expect(rules.filter((r) => r !== undefined && r !== 'auto' && r !== 'exact' && r !== 'atLeast')).toEqual([]);
  });
});

describe('body paragraphs', () => {
  it('are 14 pt, justified, first line 1–1.27 cm, ≥ 6 pt apart, single to 1.5 lines', () => {
    const body = doc.paragraph(/^Thực hiện Quyết định số 2013\/QĐ-TTg/);
    const run = doc.runFormat(body);
    expect(run.size).toBe(28);
    expect(run.bold ?? false).toBe(false);
    expect(run.italic ?? false).toBe(false);
    const f = doc.paraFormat(body);
    expect(f.jc).toBe('both');
    expect([567, 720]).toContain(f.firstLine);
    expect((f.before ?? 0) + (f.after ?? 0)).toBeGreaterThanOrEqual(120);
    expect(f.lineRule).toBe('auto');
    expect(f.line).toBeGreaterThanOrEqual(240);
    expect(f.line).toBeLessThanOrEqual(360);
  });

  it('prints section and clause headings bold at body size, keeping them with what follows', () => {
    for (const text of ['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', 'II. NHIỆM VỤ, GIẢI PHÁP', 'IV. TỔ CHỨC THỰC HIỆN']) {
      const p = doc.paragraph(text);
      expect(doc.runFormat(p), text).toMatchObject({ size: 28, bold: true });
      expect(doc.paraFormat(p).keepNext, text).toBe(true);
    }
  });

  it('adds no direct size, bold or italic to runs: everything comes from named styles', () => {
    const direct = findAll(doc.body, 'w:r').filter((r) => child(r, 'w:rPr') !== undefined);
    expect(direct).toEqual([]);
    const styled = doc.paragraphs().filter((p) => child(child(p, 'w:pPr'), 'w:pStyle') !== undefined);
    expect(styled.length).toBe(doc.paragraphs().length - 1); // the section-break paragraph
    expect(children(doc.body, 'w:tbl').length).toBe(3);
  });
});
