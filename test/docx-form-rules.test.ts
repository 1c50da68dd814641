// The Decree 30 form rules over .docx files from every producer: kehoach's own output passes,
// Word-like and LibreOffice files of the same document pass, a pandoc-like one breaks the rules
// it must, and each one-defect mutation fires its rule and no other.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocxDocument } from '../src/docx/model.js';
import { locatePlan, type PlanPart } from '../src/docx/part.js';
import { DOCX_FILE_RULES, FORM_RULES, type DocxFinding } from '../src/docx/rules/index.js';
import {
  ROOT,
  editParts,
  editStyle,
  hasSoffice,
  kehoachDocx,
  libreOfficeDocx,
  pandocLike,
  readDocx,
  replaceOnce,
  wordLike,
} from './helpers/docx-fixtures.js';

const SIGNER = 'Hoàng Nam';

interface Judged {
  doc: DocxDocument;
  part: PlanPart;
  findings: Map<string, DocxFinding[]>;
}

function judge(bytes: Uint8Array): Judged {
  const doc = readDocx(bytes);
  const part = locatePlan(doc);
  if (!part) throw new Error('no plan found');
  const findings = new Map<string, DocxFinding[]>();
  for (const rule of FORM_RULES) {
    const found = rule.check(doc, part);
    if (found.length > 0) findings.set(rule.id, found);
  }
  return { doc, part, findings };
}

/** Rule id → messages, for a readable failure. */
function summary(judged: Judged): Record<string, string[]> {
  return Object.fromEntries(
    [...judged.findings].map(([id, list]) => [id, list.map((f) => `${f.paragraph?.index ?? '-'}: ${f.message}`)]),
  );
}

const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yaml') && !f.includes('invalid'))
  .map((f) => f.replace(/\.yaml$/, ''));

describe('the rule list', () => {
  it('holds every form id of docx-check.md once, each with a Vietnamese description', () => {
    const ids = FORM_RULES.map((r) => r.id);
    expect(ids).toEqual([
      'docx-page-size',
      'docx-margins',
      'docx-font',
      'docx-body-size',
      'docx-quoc-hieu',
      'docx-tieu-ngu',
      'docx-agency',
      'docx-number',
      'docx-date',
      'docx-type-title',
      'docx-body-paragraph',
      'docx-page-number',
      'docx-recipients',
      'docx-signer',
    ]);
    expect(DOCX_FILE_RULES.map((r) => r.id)).toEqual(['docx-not-a-plan', 'docx-unreadable']);
    for (const rule of [...FORM_RULES, ...DOCX_FILE_RULES]) {
      expect(rule.description).toBe(rule.description.normalize('NFC'));
      expect(rule.description).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêệếềểễôộồốổỗơờớợởỡưừứựửữđ]/u);
    }
  });
});

describe('a kehoach-built document', () => {
  it.each(EXAMPLES)('%s passes every form rule', async (name) => {
    const judged = judge(await kehoachDocx(name));
    expect(summary(judged)).toEqual({});
  });

  it('passes with a signer name too, and the zones are where the renderer put them', async () => {
    const judged = judge(await kehoachDocx('quang-tri-2022', SIGNER));
    expect(summary(judged)).toEqual({});
  });
});

/** One defect each, made in the XML of the compliant quang-tri document. */
const MUTATIONS: {
  rule: string;
  what: string;
  edits: Record<string, (xml: string) => string>;
  message: RegExp;
  /** The start of the paragraph the finding points at; none for the document as a whole. */
  at?: RegExp;
}[] = [
  {
    rule: 'docx-page-size',
    what: 'US Letter paper',
    edits: {
      'word/document.xml': (x) =>
        replaceOnce(x, 'w:w="11906" w:h="16838" w:orient="portrait"', 'w:w="12240" w:h="15840" w:orient="portrait"'),
    },
    message: /Letter \(215,9 × 279,4 mm\).*A4/u,
    at: /^ỦY BAN NHÂN DÂN/u,
  },
  {
    rule: 'docx-margins',
    what: 'a 25 mm left margin',
    edits: { 'word/document.xml': (x) => replaceOnce(x, 'w:left="1701"', 'w:left="1417"') },
    message: /lề trái 25 mm \(cần 30–35 mm\)/u,
  },
  {
    rule: 'docx-font',
    what: 'one run in Arial',
    edits: {
      'word/document.xml': (x) =>
        replaceOnce(
          x,
          '<w:r><w:t xml:space="preserve">Thực hiện Quyết định',
          '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr><w:t xml:space="preserve">Thực hiện Quyết định',
        ),
    },
    message: /Phông chữ Arial.*Times New Roman/u,
    at: /^Thực hiện Quyết định/u,
  },
  {
    rule: 'docx-body-size',
    what: 'one body paragraph at 12 pt',
    edits: {
      'word/document.xml': (x) =>
        replaceOnce(
          x,
          '<w:r><w:t xml:space="preserve">Thực hiện Quyết định',
          '<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">Thực hiện Quyết định',
        ),
    },
    message: /Cỡ chữ phần nội dung là 12 pt.*13–14 pt/u,
    at: /^Thực hiện Quyết định/u,
  },
  {
    rule: 'docx-quoc-hieu',
    what: 'the quốc hiệu not bold',
    edits: { 'word/styles.xml': (x) => editStyle(x, 'NationalName', (s) => replaceOnce(s, '<w:b/><w:bCs/>', '')) },
    message: /Quốc hiệu chưa in đậm/u,
    at: /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/u,
  },
  {
    rule: 'docx-tieu-ngu',
    what: 'hyphens without spaces',
    edits: { 'word/document.xml': (x) => replaceOnce(x, 'Độc lập - Tự do - Hạnh phúc', 'Độc lập-Tự do-Hạnh phúc') },
    message: /Tiêu ngữ gạch nối giữa các cụm từ chưa có dấu cách hai bên;.*Độc lập - Tự do - Hạnh phúc/u,
    at: /^Độc lập-Tự do/u,
  },
  {
    rule: 'docx-agency',
    what: 'the agency at 14 pt',
    edits: {
      'word/styles.xml': (x) =>
        editStyle(x, 'Agency', (s) => replaceOnce(s, '<w:sz w:val="26"/>', '<w:sz w:val="28"/>')),
    },
    message: /Tên cơ quan cỡ chữ 14 pt \(cần 12–13 pt\)/u,
    at: /^ỦY BAN NHÂN DÂN$/u,
  },
  {
    rule: 'docx-number',
    what: 'a number below 10 without its leading zero',
    edits: { 'word/document.xml': (x) => replaceOnce(x, '>Số: 52/KH-UBND<', '>Số: 5/KH-UBND<') },
    message: /số 5 thiếu số 0 ở trước \(cần 05\)/u,
    at: /^Số: 5\/KH-UBND$/u,
  },
  {
    rule: 'docx-date',
    what: 'month 3 written 03',
    edits: { 'word/document.xml': (x) => replaceOnce(x, 'ngày 28 tháng 3 năm 2022', 'ngày 28 tháng 03 năm 2022') },
    message: /tháng 03 thừa số 0 ở trước \(cần 3\)/u,
    at: /^Quảng Trị, ngày 28 tháng 03/u,
  },
  {
    rule: 'docx-type-title',
    what: 'the type line left-aligned',
    edits: {
      'word/styles.xml': (x) =>
        editStyle(x, 'DocType', (s) => replaceOnce(s, '<w:jc w:val="center"/>', '<w:jc w:val="left"/>')),
    },
    message: /Tên loại văn bản chưa căn giữa/u,
    at: /^KẾ HOẠCH$/u,
  },
  {
    rule: 'docx-body-paragraph',
    what: 'body paragraphs without a first-line indent',
    edits: {
      'word/styles.xml': (x) => editStyle(x, 'Normal', (s) => replaceOnce(s, 'w:firstLine="720"', 'w:firstLine="0"')),
    },
    message: /thụt đầu dòng 0 cm \(cần 1–1,27 cm\)/u,
    at: /^Thực hiện Quyết định/u,
  },
  {
    rule: 'docx-page-number',
    what: 'no different first page',
    edits: { 'word/document.xml': (x) => replaceOnce(x, /<w:titlePg\/>/g, '') },
    message: /hiện cả ở trang 1/u,
  },
  {
    rule: 'docx-recipients',
    what: 'the last line without "VT"',
    edits: { 'word/document.xml': (x) => replaceOnce(x, '- Lưu: VT, KGVX.', '- Lưu: KGVX.') },
    message: /dòng cuối chưa theo dạng «- Lưu: VT, <đơn vị soạn thảo>\.»/u,
    at: /^- Lưu: KGVX\.$/u,
  },
  {
    rule: 'docx-signer',
    what: 'the capacity lines not bold',
    edits: { 'word/styles.xml': (x) => editStyle(x, 'SignerAuthority', (s) => replaceOnce(s, '<w:b/><w:bCs/>', '')) },
    message: /Quyền hạn, chức vụ người ký chưa in đậm/u,
    at: /^TM\. ỦY BAN NHÂN DÂN$/u,
  },
];

/** More defects, each still caught by exactly one rule. */
const MORE: typeof MUTATIONS = [
  {
    rule: 'docx-tieu-ngu',
    what: 'every word capitalised',
    edits: { 'word/document.xml': (x) => replaceOnce(x, 'Độc lập - Tự do - Hạnh phúc', 'Độc Lập - Tự Do - Hạnh Phúc') },
    message: /Tiêu ngữ chữ hoa chưa đúng \(cần «Độc lập», «Tự do», «Hạnh phúc»\)/u,
  },
  {
    rule: 'docx-quoc-hieu',
    what: 'the quốc hiệu in lower case at 14 pt',
    edits: {
      'word/document.xml': (x) =>
        replaceOnce(x, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Cộng hòa xã hội chủ nghĩa Việt Nam'),
      'word/styles.xml': (x) =>
        editStyle(x, 'NationalName', (s) => replaceOnce(s, '<w:sz w:val="24"/>', '<w:sz w:val="28"/>')),
    },
    message: /Quốc hiệu chưa viết in hoa, cỡ chữ 14 pt \(cần 12–13 pt\)/u,
  },
  {
    rule: 'docx-date',
    what: 'February 30th',
    edits: { 'word/document.xml': (x) => replaceOnce(x, 'ngày 28 tháng 3 năm 2022', 'ngày 30 tháng 02 năm 2022') },
    message: /không có ngày 30 tháng 02 năm 2022/u,
  },
  {
    rule: 'docx-date',
    what: 'month 1 without its zero and no comma',
    edits: {
      'word/document.xml': (x) =>
        replaceOnce(x, 'Quảng Trị, ngày 28 tháng 3 năm 2022', 'Quảng Trị ngày 28 tháng 1 năm 2022'),
    },
    message: /thiếu dấu phẩy sau địa danh «Quảng Trị».*tháng 1 thiếu số 0 ở trước \(cần 01\)/u,
  },
  {
    rule: 'docx-date',
    what: 'day 5 without its zero, upright',
    edits: {
      'word/document.xml': (x) => replaceOnce(x, 'ngày 28 tháng 3 năm 2022', 'ngày 5 tháng 3 năm 2022'),
      'word/styles.xml': (x) => editStyle(x, 'PlaceDate', (s) => replaceOnce(s, '<w:i/><w:iCs/>', '')),
    },
    message: /ngày 5 thiếu số 0 ở trước \(cần 05\); chưa viết nghiêng/u,
  },
  {
    rule: 'docx-number',
    what: 'a Chương trình symbol on a Kế hoạch, at 14 pt',
    edits: {
      'word/document.xml': (x) => replaceOnce(x, '>Số: 52/KH-UBND<', '>Số: 52/CTr-UBND<'),
      'word/styles.xml': (x) =>
        editStyle(x, 'DocNumber', (s) => replaceOnce(s, '<w:sz w:val="26"/>', '<w:sz w:val="28"/>')),
    },
    message: /dùng «CTr»; Kế hoạch viết tắt là KH; cỡ chữ 14 pt \(cần 13 pt\)/u,
  },
  {
    rule: 'docx-agency',
    what: 'the second line of the name not bold',
    edits: {
      'word/document.xml': (x) =>
        replaceOnce(
          x,
          '<w:r><w:t xml:space="preserve">TỈNH QUẢNG TRỊ</w:t>',
          '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve">TỈNH QUẢNG TRỊ</w:t>',
        ),
    },
    message: /Tên cơ quan chưa in đậm/u,
    at: /^TỈNH QUẢNG TRỊ$/u,
  },
  {
    rule: 'docx-signer',
    what: 'the signer name not bold',
    edits: { 'word/styles.xml': (x) => editStyle(x, 'SignerName', (s) => replaceOnce(s, '<w:b/><w:bCs/>', '')) },
    message: /Họ tên người ký chưa in đậm/u,
    at: /^Hoàng Nam$/u,
  },
  {
    rule: 'docx-recipients',
    what: '"Nơi nhận:" not italic',
    edits: { 'word/styles.xml': (x) => editStyle(x, 'RecipientsLabel', (s) => replaceOnce(s, '<w:i/><w:iCs/>', '')) },
    message: /Chữ «Nơi nhận:» chưa in nghiêng/u,
    at: /^Nơi nhận:$/u,
  },
  {
    rule: 'docx-body-paragraph',
    what: 'double line spacing',
    edits: { 'word/styles.xml': (x) => editStyle(x, 'Normal', (s) => replaceOnce(s, 'w:line="288"', 'w:line="480"')) },
    message: /giãn dòng 2 dòng \(cần từ 1 đến 1,5 dòng\).*Còn \d+ đoạn nội dung khác/u,
  },
  {
    rule: 'docx-font',
    what: 'the whole document in Arial (names the first three, counts the rest)',
    edits: {
      'word/styles.xml': (x) =>
        x
          .replace(/w:ascii="Times New Roman"/g, 'w:ascii="Arial"')
          .replace(/w:hAnsi="Times New Roman"/g, 'w:hAnsi="Arial"'),
    },
    message: /Còn \d+ đoạn khác cũng dùng phông khác Times New Roman/u,
  },
];

describe('one defect, one rule', () => {
  let base: Uint8Array;
  beforeAll(async () => {
    base = await kehoachDocx('quang-tri-2022', SIGNER);
  });

  it.each([...MUTATIONS, ...MORE].map((m) => [m.rule, m.what, m] as const))(
    '%s fires on %s, and no other rule',
    (rule, _what, mutation) => {
      const judged = judge(editParts(base, mutation.edits));
      expect(Object.keys(summary(judged))).toEqual([rule]);
      const findings = judged.findings.get(rule)!;
      expect(findings.length).toBeLessThanOrEqual(3);
      expect(findings.map((f) => f.message).join('\n')).toMatch(mutation.message);
      for (const f of findings) expect(f.message).toBe(f.message.normalize('NFC'));
      if (mutation.at) expect(findings[0]!.paragraph?.text).toMatch(mutation.at);
    },
  );

  it('covers every form rule', () => {
    expect(new Set(MUTATIONS.map((m) => m.rule))).toEqual(new Set(FORM_RULES.map((r) => r.id)));
  });

  it('a parent agency above the issuing one may be upright', () => {
    const parent = editParts(base, {
      'word/document.xml': (x) =>
        replaceOnce(
          x,
          '<w:r><w:t xml:space="preserve">ỦY BAN NHÂN DÂN</w:t>',
          '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve">ỦY BAN NHÂN DÂN</w:t>',
        ),
    });
    const judged = judge(parent);
    expect(judged.doc.paragraphs[0]!.runs[0]!.bold).toBe(false);
    expect(summary(judged)).toEqual({});
  });

  it('a blank number and date, left for the signing office, are allowed', async () => {
    expect(summary(judge(await kehoachDocx('da-nang-chuong-trinh-2026')))).toEqual({});
  });

  it('judges only the plan attached to a Quyết định, not the decision before it', () => {
    const arial = '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="20"/></w:rPr>';
    const decision =
      `<w:p><w:r>${arial}<w:t>QUYẾT ĐỊNH</w:t></w:r></w:p>` +
      `<w:p><w:r>${arial}<w:t>Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai Chiến lược Ngoại giao văn hóa.</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>`;
    const attached = editParts(base, { 'word/document.xml': (x) => replaceOnce(x, '<w:body>', `<w:body>${decision}`) });
    const judged = judge(attached);
    expect(judged.part.attached).toBe(true);
    expect(judged.part.start).toBe(3);
    expect(summary(judged)).toEqual({});
    // The same decision without the page break makes its Arial text part of the plan.
    const joined = judge(
      editParts(attached, { 'word/document.xml': (x) => replaceOnce(x, '<w:r><w:br w:type="page"/></w:r>', '') }),
    );
    expect(joined.part.start).toBe(1);
    expect(Object.keys(summary(joined))).toContain('docx-font');
  });
});

describe('Word-like: direct formatting, rsids, theme fonts, a complex PAGE field', () => {
  let base: DocxDocument;
  beforeAll(async () => {
    base = readDocx(await kehoachDocx('quang-tri-2022', SIGNER));
  });

  it('passes every form rule', () => {
    const bytes = wordLike(base);
    const judged = judge(bytes);
    expect(summary(judged)).toEqual({});
    // It really is written another way: no styles to lean on, fonts through the theme.
    expect(judged.doc.paragraphs.every((p) => p.styleId === 'Normal')).toBe(true);
    expect(judged.doc.sections[0]!.headers.default!.paragraphs[0]!.fields).toEqual(['PAGE']);
  });

  it('resolves Times New Roman through the theme: another theme font is caught', () => {
    const calibri = editParts(wordLike(base), {
      'word/theme/theme1.xml': (x) => x.replace(/typeface="Times New Roman"/g, 'typeface="Calibri"'),
    });
    const judged = judge(calibri);
    expect(Object.keys(summary(judged))).toEqual(['docx-font']);
    expect(judged.findings.get('docx-font')![0]!.message).toMatch(/Calibri/u);
  });

  describe('with deleted and inserted revisions, hidden runs and bold/italic switched off by w:val', () => {
    let judged: Judged;
    beforeAll(() => {
      judged = judge(wordLike(base, { revisions: true }));
    });

    it('passes every form rule', () => {
      expect(summary(judged)).toEqual({});
    });

    it('reads inserted text, not deleted or hidden text', () => {
      const intro = judged.doc.paragraphs.find((p) => p.text.startsWith('Thực hiện Quyết định'))!;
      expect(intro.text).toContain('(nội dung bổ sung)');
      expect(intro.text).not.toContain('ĐOẠN ĐÃ XÓA');
      expect(intro.text).not.toContain('GHI CHÚ ẨN');
    });

    it('switches the style’s bold and italic off on the "Số" line', () => {
      const number = judged.doc.paragraphs.find((p) => p.text.startsWith('Số:'))!;
      expect(number.styleId).toBe('SoKyHieu');
      expect(number.runs.every((r) => !r.bold && !r.italic)).toBe(true);
      // Without the w:val="false", the style's italic shows and the rule says so.
      const italic = judge(
        editParts(wordLike(base, { revisions: true }), {
          'word/document.xml': (x) => x.replace(/<w:i w:val="false"\/>/g, ''),
        }),
      );
      expect(Object.keys(summary(italic))).toEqual(['docx-number']);
      expect(italic.findings.get('docx-number')![0]!.message).toMatch(/chữ nghiêng \(cần chữ đứng\)/u);
    });
  });
});

describe('pandoc-like: styles only, no header table, US Letter, no page number', () => {
  it('is read and judged, breaking the rules it should', async () => {
    const source = readDocx(await kehoachDocx('quang-tri-2022', SIGNER));
    const judged = judge(pandocLike(source, locatePlan(source)!.typeLine));
    expect(judged.doc.tables).toHaveLength(0);
    expect(judged.part.kind).toBe('ke-hoach');
    const fired = summary(judged);
    expect(Object.keys(fired)).toEqual([
      'docx-page-size',
      'docx-margins',
      'docx-font',
      'docx-body-size',
      'docx-tieu-ngu',
      'docx-number',
      'docx-date',
      'docx-type-title',
      'docx-body-paragraph',
      'docx-page-number',
      'docx-recipients',
      'docx-signer',
    ]);
    // The header lines are found by content even without a table: bold 12 pt quốc hiệu and agency pass.
    expect(fired['docx-page-size']!.join()).toMatch(/Letter/u);
    expect(fired['docx-font']!.join()).toMatch(/Cambria/u);
    expect(fired['docx-date']!.join()).toMatch(/cỡ chữ 12 pt/u);
    expect(fired['docx-type-title']!.join()).toMatch(/18 pt/u);
    expect(fired['docx-page-number']!.join()).toMatch(/Không thấy số trang/u);
    expect(judged.findings.get('docx-body-size')).toHaveLength(3);
  });
});

describe('LibreOffice: a flat ODT converted by soffice', () => {
  it('passes every form rule, written with LibreOffice’s own styles', async () => {
    if (!hasSoffice()) {
      // CI sets KEHOACH_REQUIRE_LIBREOFFICE=1, so there the missing soffice fails the run.
      expect(process.env['KEHOACH_REQUIRE_LIBREOFFICE'], 'soffice is not on PATH').not.toBe('1');
      return;
    }
    const source = readDocx(await kehoachDocx('quang-tri-2022', SIGNER));
    const judged = judge(libreOfficeDocx(source));
    expect(summary(judged)).toEqual({});
    // LibreOffice names its styles after the display names, not kehoach's ids.
    expect(judged.doc.paragraphs[0]!.styleId).not.toBe('Agency');
    // Same text, paragraph for paragraph (LibreOffice adds an empty one after a closing table).
    const texts = (doc: DocxDocument): string[] => doc.paragraphs.map((p) => p.text).filter((t) => t !== '');
    expect(texts(judged.doc)).toEqual(texts(source));
    expect(judged.doc.sections[0]!.titlePage).toBe(true);
  }, 180_000);
});
