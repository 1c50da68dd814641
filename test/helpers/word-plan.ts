// A provincial plan as a clerk types it in Word: direct formatting on every run, rsid attributes,
// headings numbered by hand, "Căn cứ" lines, fields typed as "(Chủ trì: …; phối hợp: …)", duties
// as "1. Sở …: …", a signature table with "(Đã ký)", and a landscape appendix whose task table
// has two header rows, merged group rows and a "Ghi chú" column. Built as XML, zipped by JSZip.
import JSZip from 'jszip';

export interface Para {
  text: string;
  bold?: boolean;
  italic?: boolean;
  center?: boolean;
  size?: number;
  /** A page break after this paragraph (w:br type="page" in its last run). */
  breakAfter?: boolean;
}
export type Cell = { paras: (Para | string)[]; span?: number };
export type Block = Para | string | { rows: Cell[][] };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function paragraph(input: Para | string): string {
  const p: Para = typeof input === 'string' ? { text: input } : input;
  const rPr = `<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>${p.bold ? '<w:b/>' : ''}${p.italic ? '<w:i/>' : ''}<w:sz w:val="${(p.size ?? 14) * 2}"/></w:rPr>`;
  const pPr = `<w:pPr><w:spacing w:before="120" w:after="0"/><w:jc w:val="${p.center ? 'center' : 'both'}"/>${p.center ? '' : '<w:ind w:firstLine="720"/>'}</w:pPr>`;
  // Word splits a line into runs where the clerk paused; two runs per paragraph is enough to show it.
  const half = Math.floor(p.text.length / 2);
  const runs = [p.text.slice(0, half), p.text.slice(half)]
    .filter((t) => t !== '')
    .map((t) => `<w:r w:rsidRPr="00A1B2C3">${rPr}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`)
    .join('');
  const br = p.breakAfter ? `<w:r><w:br w:type="page"/></w:r>` : '';
  return `<w:p w:rsidR="00D4E5F6" w:rsidRDefault="00D4E5F6">${pPr}${runs}${br}</w:p>`;
}

function table(rows: Cell[][]): string {
  const cols = Math.max(...rows.map((r) => r.reduce((n, c) => n + (c.span ?? 1), 0)));
  const grid = `<w:tblGrid>${Array.from({ length: cols }, () => '<w:gridCol w:w="2000"/>').join('')}</w:tblGrid>`;
  const body = rows
    .map(
      (row) =>
        `<w:tr>${row
          .map(
            (cell) =>
              `<w:tc><w:tcPr>${cell.span ? `<w:gridSpan w:val="${cell.span}"/>` : ''}</w:tcPr>${(cell.paras.length > 0 ? cell.paras : ['']).map(paragraph).join('')}</w:tc>`,
          )
          .join('')}</w:tr>`,
    )
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${body}</w:tbl>`;
}

const PORTRAIT =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/></w:sectPr>';
const LANDSCAPE =
  '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1701" w:right="1134" w:bottom="1134" w:left="1134"/></w:sectPr>';

/** Blocks of the portrait part, then (optionally) blocks of a landscape appendix. */
export async function wordDocx(main: Block[], appendix: Block[] = []): Promise<Uint8Array> {
  const block = (b: Block): string => (typeof b === 'object' && 'rows' in b ? table(b.rows) : paragraph(b));
  const sectionEnd = `<w:p><w:pPr>${PORTRAIT}</w:pPr></w:p>`;
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>' +
    main.map(block).join('') +
    (appendix.length > 0 ? sectionEnd + appendix.map(block).join('') + LANDSCAPE : PORTRAIT) +
    '</w:body></w:document>';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const b = (text: string, more: Partial<Para> = {}): Para => ({ text, bold: true, ...more });
const c = (text: string, more: Partial<Para> = {}): Para => ({ text, center: true, ...more });

/** The letterhead, title and body of a plan of Ủy ban nhân dân tỉnh Gia Lai, typed in Word. */
export function gialaiMain(): Block[] {
  return [
    {
      rows: [
        [
          {
            paras: [
              c('ỦY BAN NHÂN DÂN', { bold: true, size: 13 }),
              c('TỈNH GIA LAI', { bold: true, size: 13 }),
              c('_______'),
            ],
          },
          {
            paras: [
              c('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 13 }),
              c('Độc lập - Tự do - Hạnh phúc', { bold: true }),
              c('________________'),
            ],
          },
        ],
        [
          { paras: [c('Số: 859/KH-UBND', { size: 13 })] },
          { paras: [c('Gia Lai, ngày 14 tháng 6 năm 2022', { italic: true })] },
        ],
      ],
    },
    '',
    c('KẾ HOẠCH', { bold: true }),
    c('Thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030', { bold: true }),
    c('trên địa bàn tỉnh Gia Lai', { bold: true }),
    c('___________'),
    {
      text: 'Căn cứ Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ phê duyệt Chiến lược Ngoại giao văn hóa đến năm 2030;',
      italic: true,
    },
    {
      text: 'Căn cứ Công văn số 404/BNG-NGVH-UNESCO ngày 10/02/2022 của Bộ Ngoại giao về việc hướng dẫn xây dựng Chương trình/Kế hoạch hành động triển khai Chiến lược;',
      italic: true,
    },
    'Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Chiến lược trên địa bàn tỉnh như sau:',
    b('I. MỤC ĐÍCH, YÊU CẦU'),
    b('1. Mục đích'),
    '- Triển khai thực hiện hiệu quả Chiến lược Ngoại giao văn hóa đến năm 2030 phù hợp với điều kiện của tỉnh;',
    '- Quảng bá hình ảnh, con người, văn hóa các dân tộc Tây Nguyên ra thế giới.',
    b('2. Yêu cầu'),
    '- Bám sát nội dung Chiến lược; phân công rõ trách nhiệm của từng cơ quan, đơn vị.',
    b('II. NHIỆM VỤ TRỌNG TÂM'),
    b('1. Bám sát, cụ thể hóa chủ trương của Đảng về đối ngoại và văn hóa'),
    'a) Lồng ghép nội dung ngoại giao văn hóa vào kế hoạch phát triển kinh tế - xã hội hằng năm của tỉnh (Chủ trì: Sở Kế hoạch và Đầu tư; phối hợp: Sở Ngoại vụ, Sở Tài chính; thời gian: hằng năm).',
    b('2. Huy động các nguồn lực xã hội'),
    'a) Khuyến khích doanh nghiệp, người dân tham gia các hoạt động giao lưu quốc tế.',
    b('3. Gắn ngoại giao văn hóa với phát triển kinh tế, du lịch'),
    'a) Tổ chức Tuần lễ văn hóa - du lịch Gia Lai tại Hàn Quốc.',
    b('4. Thông tin, tuyên truyền'),
    'a) Tuyên truyền về Chiến lược trên Báo Gia Lai, Đài Phát thanh - Truyền hình Gia Lai.',
    b('5. Thúc đẩy, hội nhập, quảng bá, vận động, tiếp thu'),
    'a) Xây dựng hồ sơ đề nghị UNESCO ghi danh Không gian văn hóa Cồng chiêng Tây Nguyên vào danh sách cần bảo vệ khẩn cấp.',
    b('6. Nhiệm vụ khác'),
    'a) Tổ chức đoàn công tác ra nước ngoài theo chương trình được duyệt.',
    b('III. KINH PHÍ'),
    'Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn hợp pháp khác.',
    b('IV. TỔ CHỨC THỰC HIỆN'),
    '1. Sở Ngoại vụ: Chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch; định kỳ hằng năm, trước ngày 15/12 tổng hợp, báo cáo Ủy ban nhân dân tỉnh và Bộ Ngoại giao.',
    '2. Sở Văn hóa, Thể thao và Du lịch: Chủ trì các nhiệm vụ về bảo tồn di sản, quảng bá văn hóa, du lịch.',
    b('3. Các sở, ban, ngành, địa phương'),
    'Căn cứ chức năng, nhiệm vụ, chủ động triển khai các nhiệm vụ được giao.',
    'Trên đây là Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Gia Lai, yêu cầu các cơ quan, đơn vị triển khai thực hiện./.',
    {
      rows: [
        [
          {
            paras: [
              { text: 'Nơi nhận:', bold: true, italic: true, size: 12 },
              { text: '- Bộ Ngoại giao (b/c);', size: 11 },
              { text: '- TT Tỉnh ủy (b/c);', size: 11 },
              { text: '- Các sở, ban, ngành;', size: 11 },
              { text: '- Lưu: VT, KGVX.', size: 11 },
            ],
          },
          {
            paras: [
              c('TM. ỦY BAN NHÂN DÂN', { bold: true }),
              c('KT. CHỦ TỊCH', { bold: true }),
              c('PHÓ CHỦ TỊCH', { bold: true }),
              '',
              '',
              c('(Đã ký)', { italic: true }),
              '',
              c('Nguyễn Hữu Quế', { bold: true }),
            ],
          },
        ],
      ],
    },
  ];
}

export function gialaiAppendix(): Block[] {
  const row = (...cells: (Para | string | (Para | string)[])[]): Cell[] =>
    cells.map((x) => ({ paras: Array.isArray(x) ? x : [x] }));
  const group = (text: string): Cell[] => [{ paras: [b(text)], span: 7 }];
  return [
    c('Phụ lục', { bold: true }),
    c('DANH MỤC NHIỆM VỤ THỰC HIỆN CHIẾN LƯỢC NGOẠI GIAO VĂN HÓA', { bold: true }),
    c('(Kèm theo Kế hoạch số 859/KH-UBND ngày 14/6/2022 của UBND tỉnh Gia Lai)', { italic: true }),
    {
      rows: [
        row(
          b('TT'),
          'Nội dung công việc',
          'Cơ quan chủ trì',
          'Cơ quan phối hợp',
          'Thời gian hoàn thành',
          'Sản phẩm',
          'Ghi chú',
        ),
        row('(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'),
        group('I. BÁM SÁT, CỤ THỂ HÓA CHỦ TRƯƠNG VÀ GẮN KẾT VỚI CÁC CHIẾN LƯỢC, KẾ HOẠCH'),
        row(
          '1',
          'Lồng ghép nội dung ngoại giao văn hóa vào kế hoạch phát triển kinh tế - xã hội hằng năm của tỉnh',
          'Sở Kế hoạch và Đầu tư',
          'Sở Ngoại vụ; Sở Tài chính',
          'Hằng năm',
          'Kế hoạch năm',
          '',
        ),
        group('II. HUY ĐỘNG NGUỒN LỰC'),
        row(
          '1',
          'Khuyến khích doanh nghiệp, người dân tham gia các hoạt động giao lưu quốc tế',
          'Sở Ngoại vụ',
          ['- Liên hiệp các tổ chức hữu nghị tỉnh;', '- Hội Doanh nghiệp tỉnh.'],
          '2022-2025',
          '',
          'Ưu tiên',
        ),
        group('III. NGOẠI GIAO VĂN HÓA PHỤC VỤ PHÁT TRIỂN'),
        row(
          '1',
          'Tổ chức Tuần lễ văn hóa - du lịch Gia Lai tại Hàn Quốc',
          'Sở Văn hóa, Thể thao và Du lịch',
          'Sở Ngoại vụ, Sở Công Thương',
          '2023',
          'Tuần lễ văn hóa',
          '',
        ),
        group('IV. TUYÊN TRUYỀN, PHỔ BIẾN'),
        row(
          '1',
          'Tuyên truyền về Chiến lược trên Báo Gia Lai, Đài Phát thanh - Truyền hình Gia Lai',
          'Sở Thông tin và Truyền thông',
          'Báo Gia Lai, Đài Phát thanh - Truyền hình Gia Lai',
          'Hằng năm',
          '',
          '',
        ),
        group('V. TRIỂN KHAI ĐỒNG BỘ CÁC NHIỆM VỤ «THÚC ĐẨY - HỘI NHẬP - QUẢNG BÁ - VẬN ĐỘNG - TIẾP THU»'),
        row(
          '1',
          'Xây dựng hồ sơ đề nghị UNESCO ghi danh Không gian văn hóa Cồng chiêng Tây Nguyên vào danh sách cần bảo vệ khẩn cấp',
          'Sở Văn hóa, Thể thao và Du lịch',
          'Sở Ngoại vụ',
          '2022-2026',
          'Hồ sơ đề nghị',
          '',
        ),
        row(
          '2',
          'Tổ chức giao lưu nhân dân với tỉnh Ratanakiri (Campuchia) nhân dịp kỷ niệm ngày thiết lập quan hệ ngoại giao',
          'Sở Ngoại vụ',
          'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
          '2022',
          '',
          '',
        ),
      ],
    },
  ];
}
