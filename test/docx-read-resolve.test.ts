// Reader fixes found while writing the form rules: where a page break puts a paragraph, and
// Word's list counting across w:num instances of one abstract list.
import { describe, expect, it } from 'vitest';
import { locatePlan } from '../src/docx/part.js';
import { minimalDocx, readDocx } from './helpers/docx-fixtures.js';

const p = (inner: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const t = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const pageBreak = '<w:r><w:br w:type="page"/></w:r>';

describe('page breaks', () => {
  it('a break before the text puts that paragraph on the next page', () => {
    const doc = readDocx(minimalDocx(p(t('Trang một')) + p(pageBreak + t('Trang hai')) + p(t('Vẫn trang hai'))));
    expect(doc.paragraphs.map((x) => x.pageBreakBefore)).toEqual([false, true, false]);
  });

  it('a break after the text, or alone in its paragraph, puts the next paragraph there', () => {
    const doc = readDocx(
      minimalDocx(p(t('Cuối trang một') + pageBreak) + p(t('Trang hai')) + p(pageBreak) + p(t('Trang ba'))),
    );
    expect(doc.paragraphs.map((x) => x.pageBreakBefore)).toEqual([false, true, false, true]);
  });

  it('an attached plan whose first line carries the break starts at that line', () => {
    const doc = readDocx(
      minimalDocx(
        p(t('QUYẾT ĐỊNH')) +
          p(t('Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.')) +
          p(pageBreak + t('ỦY BAN NHÂN DÂN')) +
          p(t('KẾ HOẠCH')),
      ),
    );
    expect(locatePlan(doc)).toMatchObject({ start: 3, typeLine: 4, attached: true });
  });
});

describe('auto-numbering', () => {
  const numbering =
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>';
  const item = (num: number, ilvl: number, text: string): string =>
    p(t(text), `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${num}"/></w:numPr>`);

  it('two w:num over one abstract list continue it; a startOverride restarts it', () => {
    const doc = readDocx(
      minimalDocx(
        item(1, 0, 'Mục đích') +
          item(1, 1, 'điểm một') +
          item(1, 1, 'điểm hai') +
          item(2, 0, 'Yêu cầu') +
          item(2, 1, 'điểm một') +
          item(3, 0, 'Lại từ đầu') +
          item(4, 0, 'Bộ Ngoại giao;'),
        numbering,
      ),
    );
    expect(doc.paragraphs.map((x) => x.text)).toEqual([
      '1. Mục đích',
      'a) điểm một',
      'b) điểm hai',
      '2. Yêu cầu',
      'a) điểm một',
      '1. Lại từ đầu',
      '- Bộ Ngoại giao;',
    ]);
  });
});
