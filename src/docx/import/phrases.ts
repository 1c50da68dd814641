// The wording the importer recognises: the fixed phrases of kehoach's templates (templates/*/*.hbs)
// and the usual wording of plans typed in Word. Kept in one file so that a change of template
// wording (issue 11) touches one place; the round-trip test says when it must.

/** Section headings (I., II., …) by what they hold, tested on the upper-case heading. */
export const SECTION_WORDS = {
  implementation: /TỔ CHỨC THỰC HIỆN|TRÁCH NHIỆM|PHÂN CÔNG/u,
  funding: /KINH PHÍ/u,
  purposes: /MỤC ĐÍCH|YÊU CẦU|MỤC TIÊU/u,
  tasks: /NHIỆM VỤ|GIẢI PHÁP|NỘI DUNG/u,
  reporting: /BÁO CÁO/u,
} as const;

export const PURPOSES_CLAUSE = /^MỤC ĐÍCH|^MỤC TIÊU/u;
export const REQUIREMENTS_CLAUSE = /^YÊU CẦU/u;
export const REPORTING_CLAUSE = /^(?:CHẾ ĐỘ|THÔNG TIN,? BÁO CÁO|BÁO CÁO)/u;

/** tasks.hbs: the sentence that opens section II (template text, not data). */
export const TASKS_INTRO = /^Tập trung thực hiện\b/u;
/** tasks.hbs without the appendix: `a) content. Cơ quan chủ trì: …; cơ quan phối hợp: …`. */
export const TASK_FIELDS_EXACT = {
  lead: ' Cơ quan chủ trì: ',
  partners: '; cơ quan phối hợp: ',
  period: '; thời gian thực hiện: ',
  output: '; sản phẩm: ',
} as const;
/** The same fields as typed by hand: "(Chủ trì: …; phối hợp: …; thời gian: …)". */
export const TASK_FIELDS_LOOSE: readonly [field: 'lead' | 'partners' | 'period' | 'output', label: RegExp][] = [
  ['lead', /(?:cơ quan |đơn vị )?chủ trì(?: thực hiện)?\s*:\s*/iu],
  ['partners', /(?:cơ quan |đơn vị )?phối hợp(?: thực hiện)?\s*:\s*/iu],
  ['period', /(?:thời gian(?: thực hiện| hoàn thành)?|thời hạn|tiến độ)\s*:\s*/iu],
  ['output', /(?:sản phẩm(?: đầu ra)?|kết quả)\s*:\s*/iu],
];

/** The opening (opening.hbs): "Thực hiện …; <agency> ban hành Kế hoạch … như sau:". */
export const OPENING_START = /^(?:Thực hiện|Căn cứ)\s+/u;
export const OPENING_ISSUES = ' ban hành ';
export const BASIS_LINE = /^Căn cứ\s+/u;
/** Where a list of bases typed in one sentence splits: before the next document's name. */
export const LEGAL_DOCUMENT =
  /(?:Quyết định|Công văn|Nghị quyết|Chỉ thị|Kết luận|Nghị định|Thông tư|Luật|Kế hoạch|Chương trình|Văn bản|Thông báo|Hướng dẫn|Chiến lược|Đề án)\b/u;

/** implementation.hbs: the reporting sentence and the closing one. */
export const REPORTING_FREQUENCY: readonly [RegExp, 'annual' | 'semiannual' | 'quarterly'][] = [
  [/\b(?:hằng|hàng|mỗi) năm\b|\bthường niên\b/iu, 'annual'],
  [/\b(?:6|sáu) tháng\b/iu, 'semiannual'],
  [/\b(?:hằng|hàng|mỗi) quý\b|\btheo quý\b/iu, 'quarterly'],
];
export const REPORTING_DUE = /trước ngày\s+(\d{1,2}\/\d{1,2}(?:\s*(?:,|và)\s*\d{1,2}\/\d{1,2})*)/u;
/** Reports that go to an agency other than the issuing one: "… về Sở Ngoại vụ để tổng hợp, tham mưu <issuer> báo cáo <to>." */
export const REPORTING_TO_RELAYED = /\svề\s+(.+?)\s+để tổng hợp,? tham mưu\s+(.+?)\s+báo cáo\s+(.+?)\.?$/u;
export const REPORTING_TO_ONWARD = /\svề\s+(.+?)\s+để tổng hợp,? báo cáo\s+(.+?)\.?$/u;
export const REPORTING_TO = /\svề\s+(.+?)\.?$/u;
/** "… tổng hợp, báo cáo Ủy ban nhân dân tỉnh và Bộ Ngoại giao." */
export const REPORTING_TO_LAST = /báo cáo\s+(\p{Lu}.+?)(?:\s+theo quy định)?\.?$/u;
export const CLOSING = /^(?:Trong quá trình (?:triển khai|tổ chức thực hiện|thực hiện)|Trên đây là)/u;
/** An opening line that only announces the plan: "Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:". */
export const ANNOUNCES = /\sban hành\s.*như sau:?$/u;

/** The letterhead and the signature block (Decree 30, fixed in code). */
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = /^ĐỘC LẬP\s*[-–]\s*TỰ DO\s*[-–]\s*HẠNH PHÚC$/u;
export const NUMBER_LINE = /^Số\s*:\s*(\d*)\s*\/\s*(KH|CTr|CTR|Ctr)\s*[-.]\s*(\S+)\s*$/u;
export const DATE_LINE = /^(.+?)\s*,\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})\s*$/u;
export const RECIPIENTS_LABEL = /^Nơi nhận\s*:?/u;
export const ARCHIVE_LINE = /^-?\s*Lưu\s*:?\s*/u;
export const CAPACITY_LINE = /^(TM|KT|Q|TL|TUQ)\.\s*(.*)$/u;
export const APPENDIX_LABEL = /^Phụ lục\b/iu;
export const APPENDIX_NOTE = /^\(Kèm theo\b/u;

/** Appendix table columns, by header text (lower case). */
export const COLUMN_WORDS: readonly [
  column: 'stt' | 'content' | 'lead' | 'partners' | 'period' | 'output',
  test: RegExp,
][] = [
  ['stt', /^(?:stt|tt|số tt|số thứ tự)$/u],
  ['lead', /chủ trì/u],
  ['partners', /phối hợp/u],
  ['period', /thời gian|thời hạn|tiến độ/u],
  ['output', /sản phẩm|kết quả/u],
  ['content', /nội dung|nhiệm vụ|tên/u],
];

/**
 * Words an agency's name starts with: in a list joined by commas ("Sở Văn hóa, Thể thao và Du
 * lịch, Sở Ngoại vụ") a new name starts only at one of these.
 */
export const AGENCY_HEADS = [
  'Sở',
  'Bộ',
  'Ban',
  'Ủy ban',
  'UBND',
  'HĐND',
  'Hội đồng',
  'Công an',
  'Báo',
  'Đài',
  'Liên hiệp',
  'Liên đoàn',
  'Hội',
  'Hiệp hội',
  'Văn phòng',
  'Cục',
  'Tổng cục',
  'Vụ',
  'Viện',
  'Học viện',
  'Trường',
  'Đại học',
  'Trung tâm',
  'Các',
  'Thường trực',
  'Đại sứ quán',
  'Cơ quan',
  'Tỉnh ủy',
  'Thành ủy',
  'Ngân hàng',
  'Đảng ủy',
  'Đoàn',
  'Tỉnh đoàn',
  'Thành đoàn',
  'Mặt trận',
  'Kho bạc',
  'Chi cục',
  'Cổng',
  'Tập đoàn',
  'Tổng công ty',
  'Công ty',
  'Thông tấn',
  'Thanh tra',
  'Chủ tịch',
  'Phó Chủ tịch',
  'Lãnh đạo',
  'Bộ Chỉ huy',
  'Bộ đội',
  'Quân khu',
  'Tòa án',
  'Viện kiểm sát',
  'Hải quan',
  'Kiểm toán',
  'Nhà xuất bản',
  'Bảo tàng',
  'Thư viện',
  'Nhà hát',
  'Quỹ',
  'Tạp chí',
  'Ngân hàng Nhà nước',
  'Thủ tướng',
  'Chính phủ',
  'Quốc hội',
  'Trưởng',
  'Giám đốc',
  'Lực lượng',
  'Đảng đoàn',
  'Ban cán sự',
  'Hãng',
  'Trung ương',
  'Cảng vụ',
  'Ủy ban Mặt trận',
];

/** Titles and bodies as the signature block writes them, to undo its upper case. */
export const SIGNER_WORDS = [
  'Ủy ban nhân dân',
  'Hội đồng nhân dân',
  'Chủ tịch',
  'Phó Chủ tịch',
  'Bộ trưởng',
  'Thứ trưởng',
  'Giám đốc',
  'Phó Giám đốc',
  'Chánh Văn phòng',
  'Phó Chánh Văn phòng',
  'Cục trưởng',
  'Phó Cục trưởng',
  'Vụ trưởng',
  'Phó Vụ trưởng',
  'Trưởng ban',
  'Phó Trưởng ban',
  'Tổng cục trưởng',
  'Phó Tổng cục trưởng',
  'Viện trưởng',
  'Phó Viện trưởng',
  'Chủ nhiệm',
  'Phó Chủ nhiệm',
  'Thống đốc',
  'Phó Thống đốc',
  'Tổng Giám đốc',
  'Phó Tổng Giám đốc',
  'Ban Thường vụ',
  'Ban Chỉ đạo',
  'Trưởng phòng',
  'Phó Trưởng phòng',
  'Chánh Thanh tra',
  'Tổng Thanh tra',
];
