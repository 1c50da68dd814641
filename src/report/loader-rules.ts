import type { RuleInfo } from './sarif.js';

// Ids raised by the loader and the schema step, which the rule registry (src/plan/rules) does not
// list. SARIF viewers show these descriptions beside each result. An id missing here still gets a
// generic entry, so a new loader id never breaks a report.
export const LOADER_RULES: readonly RuleInfo[] = [
  { id: 'file-too-large', severity: 'error', description: 'Tệp kế hoạch không được vượt quá 2 MB.' },
  { id: 'file-empty', severity: 'error', description: 'Tệp kế hoạch không được để trống.' },
  { id: 'file-binary', severity: 'error', description: 'Tệp kế hoạch phải là văn bản YAML, không phải tệp nhị phân.' },
  { id: 'file-encoding', severity: 'error', description: 'Tệp kế hoạch phải được lưu bằng bảng mã UTF-8.' },
  {
    id: 'file-line-endings',
    severity: 'error',
    description: 'Tệp kế hoạch xuống dòng bằng LF hoặc CR LF, không bằng CR đơn lẻ.',
  },
  { id: 'yaml-syntax', severity: 'error', description: 'Tệp phải đúng cú pháp YAML.' },
  { id: 'yaml-indent', severity: 'error', description: 'Các khóa cùng cấp phải thụt lề bằng nhau.' },
  { id: 'yaml-duplicate-key', severity: 'error', description: 'Một khóa không được viết hai lần trong cùng một nhóm.' },
  {
    id: 'yaml-multiple-documents',
    severity: 'error',
    description: 'Mỗi tệp chỉ chứa một kế hoạch (một tài liệu YAML).',
  },
  {
    id: 'yaml-not-mapping',
    severity: 'error',
    description: 'Tệp kế hoạch phải là một nhóm khóa, bắt đầu bằng version, kind, agency.',
  },
  {
    id: 'yaml-alias',
    severity: 'error',
    description: 'Bí danh YAML (`*tên`) phải viết đúng; tốt nhất là viết thẳng nội dung.',
  },
  { id: 'yaml-alias-limit', severity: 'error', description: 'Tệp không được dùng quá nhiều bí danh YAML (`*tên`).' },
  { id: 'yaml-tag', severity: 'warning', description: 'Tệp kế hoạch không dùng thẻ YAML (phần bắt đầu bằng `!`).' },
  {
    id: 'yaml-tag-type',
    severity: 'error',
    description:
      'Giá trị không mang thẻ YAML đổi kiểu dữ liệu (`!!binary`, `!!timestamp`…): tệp kế hoạch chỉ chứa văn bản, số, danh sách và nhóm khóa.',
  },
  { id: 'yaml-too-deep', severity: 'error', description: 'Tệp kế hoạch không được lồng nhau quá sâu.' },
  {
    id: 'too-many-problems',
    severity: 'error',
    description: 'Mỗi tệp chỉ báo 200 vấn đề đầu tiên; dòng cuối cho biết còn bao nhiêu vấn đề không hiển thị.',
  },
  { id: 'schema-required', severity: 'error', description: 'Mỗi trường bắt buộc phải có mặt.' },
  {
    id: 'schema-unknown-key',
    severity: 'error',
    description: 'Chỉ dùng các khóa mà định dạng kế hoạch có; khóa lạ thường là lỗi gõ.',
  },
  {
    id: 'schema-type',
    severity: 'error',
    description: 'Mỗi trường phải đúng kiểu: văn bản, số, danh sách hoặc nhóm khóa.',
  },
  { id: 'schema-empty', severity: 'error', description: 'Trường đã viết thì phải có giá trị.' },
  { id: 'schema-empty-list', severity: 'error', description: 'Danh sách phải có ít nhất một mục.' },
  { id: 'schema-enum', severity: 'error', description: 'Trường chỉ nhận một trong các giá trị đã định.' },
  { id: 'schema-const', severity: 'error', description: 'Phiên bản định dạng (version) phải là 1.' },
  {
    id: 'schema-format',
    severity: 'error',
    description: 'Ngày viết dạng năm-tháng-ngày (YYYY-MM-DD), hạn báo cáo dạng ngày/tháng (dd/mm).',
  },
  { id: 'schema-range', severity: 'error', description: 'Số phải nằm trong khoảng cho phép.' },
  { id: 'schema-too-long', severity: 'error', description: 'Văn bản không được dài quá giới hạn của trường.' },
  { id: 'schema-too-many', severity: 'error', description: 'Danh sách không được có quá 500 mục.' },
];
