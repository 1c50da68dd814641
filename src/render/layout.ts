// Every Decree 30/2020/NĐ-CP measurement the renderer uses, in WordprocessingML units: twips
// (1/20 pt, 1 mm ≈ 56.7) for lengths, points for font sizes (docx.ts doubles them into w:sz
// half-points). Nothing else in src/render writes a number that a document office would check.

// Rounded to the nearest twip: docx's convertMillimetersToTwip truncates, which puts 30 mm at
// 1700, one twip outside Decree 30's 1701–1984 for the left margin.
const mm = (value: number): number => Math.round((value * 1440) / 25.4);

export const FONT = 'Times New Roman';
export const COLOR = '000000';
export const LANGUAGE = 'vi-VN';

/** A4, 210 × 297 mm. A landscape section passes this same portrait size; docx swaps it. */
export const PAGE = { width: 11906, height: 16838 } as const;

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

// Decree 30: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. The official samples use top 25,
// bottom 20, right 20 and header 10; left takes the low end of its range (30 mm) so that the
// letterhead (6 cm + 10 cm, Mẫu 1.4) fits inside the text width instead of hanging in the margin.
export const PORTRAIT_MARGINS: Margins = {
  top: mm(25),
  bottom: mm(20),
  left: mm(30),
  right: mm(20),
  header: mm(10),
  footer: mm(10),
};

// The appendix page is turned to read, so its top edge lies on the binding: it gets the binding
// margin (30 mm) and the other three edges the portrait page's 20 mm.
export const LANDSCAPE_MARGINS: Margins = {
  top: mm(30),
  bottom: mm(20),
  left: mm(20),
  right: mm(20),
  header: mm(10),
  footer: mm(10),
};

export const TEXT_WIDTH = PAGE.width - PORTRAIT_MARGINS.left - PORTRAIT_MARGINS.right;
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - LANDSCAPE_MARGINS.left - LANDSCAPE_MARGINS.right;

/** Word's and LibreOffice's default left/right cell padding (Normal Table), kept as is. */
export const CELL_PADDING = 108;

/** Letterhead: agency column and national-motto column (Mẫu 1.4: 6.75 + 10 cm, narrowed to fit). */
export const LETTERHEAD_COLUMNS = [TEXT_WIDTH - mm(100), mm(100)] as const;

/** Share of a line that text broken by our width estimate may fill, in case a font runs wider. */
export const MEASURE_SLACK = 0.96;

// Mẫu 1.4 draws the recipients 5.28 cm wide beside an 11.09 cm signature. At 11 pt that wraps
// ordinary recipients mid-name ("- Bộ Văn hóa, Thể thao và Du / lịch;"), and offices widen the
// column in practice. So the recipients get up to half the text width (8 cm), and give back only
// what the signer's longest 14 pt bold line needs to stay on one line ("PHÓ CHỦ TỊCH THƯỜNG TRỰC"
// leaves them 7.8 cm), but never less than Mẫu 1.4's share of the text width (5.2 cm).
export const RECIPIENTS_WIDTH = {
  widest: Math.floor(TEXT_WIDTH / 2),
  narrowest: Math.round((TEXT_WIDTH * 528) / 1637),
} as const;

/** Recipients column and signature column, given the width of the signer's longest line. */
export function signatureColumns(signerWidth: number): readonly [number, number] {
  const signature = Math.ceil(signerWidth / MEASURE_SLACK) + 2 * CELL_PADDING;
  const recipients = Math.max(RECIPIENTS_WIDTH.narrowest, Math.min(RECIPIENTS_WIDTH.widest, TEXT_WIDTH - signature));
  return [recipients, TEXT_WIDTH - recipients];
}

/** STT, Nội dung nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện, Sản phẩm. */
export const APPENDIX_COLUMNS = ((): readonly number[] => {
  const fixed = [mm(16), mm(40), mm(45), mm(28), mm(40)];
  const content = LANDSCAPE_TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0);
  const [stt, lead, partners, period, output] = fixed as [number, number, number, number, number];
  return [stt, content, lead, partners, period, output];
})();

/** Short rules under the agency name and the title: Decree 30 asks for 1/3 to 1/2 of the text. */
export const SHORT_RULE_RATIO = 0.4;
/** Rules are 0.5 pt solid lines (w:sz is in eighths of a point). */
export const RULE_SIZE = 4;
export const TABLE_BORDER_SIZE = 4;

/** Empty 14 pt lines left for the signature and seal: about 2.8 cm. */
export const SIGNATURE_ROOM_LINES = 5;

/** Body paragraphs: justified, first line 1.27 cm, 6 pt before, 1.2 lines. */
export const BODY_FIRST_LINE = 720;
export const PARAGRAPH_GAP = 120;
export const BODY_LINE = 288;
export const SINGLE_LINE = 240;

export type Align = 'left' | 'center' | 'justify';

export interface StyleSpec {
  name: string;
  /** Points; w:sz gets twice this. */
  size: number;
  bold?: boolean;
  italic?: boolean;
  align: Align;
  firstLine?: number;
  before: number;
  after: number;
  /** Line spacing in 240ths of a line (LineRuleType.AUTO). */
  line: number;
  keepNext?: boolean;
  outlineLevel?: number;
  /** A rule paragraph: an empty line drawing its top border. */
  rule?: boolean;
}

const body = {
  size: 14,
  align: 'justify',
  firstLine: BODY_FIRST_LINE,
  before: PARAGRAPH_GAP,
  after: 0,
  line: BODY_LINE,
} as const;
const centred = { align: 'center', before: 0, after: 0, line: SINGLE_LINE } as const;

// Heading1–6 and Title replace docx's built-in (blue, large) styles of the same ids, so that a
// clerk who applies them in Word stays within the decree.
export const STYLES = {
  Normal: { name: 'Normal', ...body },
  Heading1: { name: 'heading 1', ...body, bold: true, keepNext: true, outlineLevel: 0 },
  Heading2: { name: 'heading 2', ...body, bold: true, keepNext: true, outlineLevel: 1 },
  Heading3: { name: 'heading 3', ...body, bold: true, keepNext: true, outlineLevel: 2 },
  Heading4: { name: 'heading 4', ...body, italic: true, keepNext: true, outlineLevel: 3 },
  Heading5: { name: 'heading 5', ...body, keepNext: true, outlineLevel: 4 },
  Heading6: { name: 'heading 6', ...body, keepNext: true, outlineLevel: 5 },
  Title: { name: 'Title', size: 14, bold: true, ...centred },
  Basis: { name: 'Căn cứ', ...body, italic: true },
  DocType: { name: 'Tên loại văn bản', size: 14, bold: true, ...centred, before: 360, keepNext: true },
  DocTitle: { name: 'Trích yếu', size: 14, bold: true, ...centred, keepNext: true },
  // 3 pt before, so that the line sits under the descenders instead of touching them.
  Rule: { name: 'Đường kẻ', size: 1, ...centred, before: 60, rule: true },
  AgencyParent: { name: 'Cơ quan chủ quản', size: 13, ...centred },
  Agency: { name: 'Cơ quan ban hành', size: 13, bold: true, ...centred },
  DocNumber: { name: 'Số, ký hiệu', size: 13, ...centred, before: 120 },
  NationalName: { name: 'Quốc hiệu', size: 12, bold: true, ...centred },
  Motto: { name: 'Tiêu ngữ', size: 13, bold: true, ...centred },
  PlaceDate: { name: 'Địa danh, ngày tháng', size: 14, italic: true, ...centred, before: 120 },
  PageNumber: { name: 'Số trang', size: 14, ...centred },
  // 2 pt before so that its baseline meets the 14 pt authority line beside it.
  RecipientsLabel: {
    name: 'Nơi nhận',
    size: 12,
    bold: true,
    italic: true,
    align: 'left',
    before: 40,
    after: 0,
    line: SINGLE_LINE,
  },
  Recipient: { name: 'Nơi nhận - dòng', size: 11, align: 'left', before: 0, after: 0, line: SINGLE_LINE },
  SignerAuthority: { name: 'Quyền hạn người ký', size: 14, bold: true, ...centred },
  SignatureSpace: { name: 'Chỗ ký', size: 14, ...centred },
  SignerName: { name: 'Họ tên người ký', size: 14, bold: true, ...centred },
  AppendixLabel: { name: 'Phụ lục', size: 14, bold: true, ...centred },
  AppendixTitle: { name: 'Tên phụ lục', size: 14, bold: true, ...centred },
  AppendixNote: { name: 'Kèm theo', size: 14, italic: true, ...centred, after: 240 },
  TableHead: { name: 'Bảng - đầu cột', size: 13, bold: true, ...centred, before: 40, after: 40, keepNext: true },
  TableGroup: {
    name: 'Bảng - nhóm',
    size: 13,
    bold: true,
    align: 'left',
    before: 40,
    after: 40,
    line: SINGLE_LINE,
    keepNext: true,
  },
  TableText: { name: 'Bảng - chữ', size: 13, align: 'left', before: 40, after: 40, line: SINGLE_LINE },
  TableJustify: { name: 'Bảng - nội dung', size: 13, align: 'justify', before: 40, after: 40, line: SINGLE_LINE },
  TableCentre: { name: 'Bảng - giữa', size: 13, ...centred, before: 40, after: 40 },
} as const satisfies Record<string, StyleSpec>;

export type StyleId = keyof typeof STYLES;
