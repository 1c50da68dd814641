// The yaml library's parse errors, said in Vietnamese with the usual fix for each.
import type { YAMLError } from 'yaml';
import { TOO_DEEP_MESSAGE } from './depth.js';

export interface YamlMessage {
  rule: string;
  message: string;
}

const QUOTE_HINT = 'đặt cả giá trị trong dấu ngoặc kép';

export const TAB_MESSAGE =
  'Dòng này thụt lề bằng phím Tab, YAML chỉ nhận dấu cách: hãy thay Tab bằng dấu cách, thẳng cột với các khóa cùng cấp.';

/**
 * `source` is the text being parsed, to quote the offending key or character. Without `wording`,
 * only the rule is sure: a message that quotes the text is left empty (yamlProblems words the
 * few it shows, of a file that may hold 400,000 repeated keys).
 */
export function yamlMessage(error: YAMLError, source: string, wording = true): YamlMessage {
  const found = (): string => firstLine(source.slice(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)));
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return {
        rule: 'yaml-duplicate-key',
        message: wording
          ? `Khóa \`${keyAt(source, error.pos[0])}\` xuất hiện hai lần trong cùng một nhóm, và giá trị sau sẽ đè giá trị trước: hãy xóa một dòng, hoặc gộp nội dung của hai dòng.`
          : '',
      };
    case 'TAB_AS_INDENT':
      return { rule: 'yaml-indent', message: TAB_MESSAGE };
    case 'BAD_INDENT':
      return {
        rule: 'yaml-indent',
        message:
          'Thụt lề không đúng: các khóa cùng cấp phải bắt đầu ở cùng một cột, khóa con thụt vào sâu hơn khóa cha (dùng dấu cách, thường là 2): hãy chỉnh dòng này cho thẳng cột.',
      };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        rule: 'yaml-syntax',
        message: `YAML hiểu nhầm đoạn này là một khóa mới: hoặc giá trị có dấu hai chấm và dấu cách (\`: \`), khi đó hãy ${QUOTE_HINT}; hoặc dòng bị thụt lề lệch so với các khóa cùng cấp.`,
      };
    case 'MISSING_CHAR':
      if (/quote/u.test(error.message)) {
        const kind = /'quote/u.test(error.message) ? "ngoặc đơn `'`" : 'ngoặc kép `"`';
        return {
          rule: 'yaml-syntax',
          message: `Thiếu dấu ${kind} đóng: hãy thêm nó ở cuối giá trị đã mở bằng dấu ấy.`,
        };
      }
      if (/followed by map values/u.test(error.message)) {
        return {
          rule: 'yaml-syntax',
          message:
            'Dòng này thiếu dấu hai chấm sau khóa, hoặc thiếu dấu cách sau dấu `-` của một mục danh sách: hãy viết `khóa: giá trị` hoặc `- giá trị`.',
        };
      }
      return { rule: 'yaml-syntax', message: missingMessage(error.message) };
    case 'BLOCK_IN_FLOW':
      return {
        rule: 'yaml-syntax',
        message: `YAML không đọc được đoạn từ đây trong cặp ngoặc ${FLOW}: có lẽ thiếu một dấu phẩy \`,\` ngay sau giá trị ở đây, hoặc giá trị có \`: \` hay một dấu ngoặc kép thừa mà chưa được ${QUOTE_HINT}. Trong ngoặc, các mục ngăn nhau bằng \`,\` và không viết khóa con xuống dòng hay mục \`-\` như ngoài ngoặc; hoặc bỏ cặp ngoặc và viết mỗi mục một dòng.`,
      };
    case 'BAD_SCALAR_START':
      return {
        rule: 'yaml-syntax',
        message: wording
          ? `Giá trị không được bắt đầu bằng ký tự \`${found().trim() || found()}\` trong YAML: hãy ${QUOTE_HINT}, ví dụ \`title: "@…"\`.`
          : '',
      };
    case 'BAD_DQ_ESCAPE':
      return {
        rule: 'yaml-syntax',
        message:
          "Trong dấu ngoặc kép, dấu `\\` mở đầu một mã thoát không hợp lệ: hãy viết `\\\\`, hoặc dùng dấu ngoặc đơn `'…'` thay cho ngoặc kép.",
      };
    case 'KEY_OVER_1024_CHARS':
      return {
        rule: 'yaml-syntax',
        message: 'Một khóa dài quá 1.024 ký tự: có lẽ thiếu dấu hai chấm ở một dòng phía trên, hãy kiểm tra lại.',
      };
    case 'RESOURCE_EXHAUSTION':
      return {
        rule: 'yaml-too-deep',
        message: TOO_DEEP_MESSAGE,
      };
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return {
        rule: 'yaml-alias',
        message: 'Bí danh YAML (`*tên`) viết không đúng: hãy viết nội dung trực tiếp thay cho bí danh.',
      };
    case 'TAG_RESOLVE_FAILED':
      return {
        rule: 'yaml-tag',
        message: wording
          ? `Thẻ YAML \`${found()}\` không được hỗ trợ và bị bỏ qua: hãy xóa thẻ (phần bắt đầu bằng \`!\`).`
          : '',
      };
    case 'UNEXPECTED_TOKEN':
      if (afterBlockHeader(error, source))
        return {
          rule: 'yaml-syntax',
          message: wording
            ? `Sau dấu \`|\` hay \`>\` mở một khối văn bản, phần còn lại của dòng chỉ được là chú thích: hãy đưa \`${found()}\` xuống dòng dưới, thụt vào hơn khóa; hoặc nếu \`|\`, \`>\` thuộc về giá trị, ${QUOTE_HINT}.`
            : '',
        };
      return genericMessage(error);
    default:
      return genericMessage(error);
  }
}

function genericMessage(error: YAMLError): YamlMessage {
  return {
    rule: 'yaml-syntax',
    message: `Cú pháp YAML không đúng ở đây (${error.code}): thường do thụt lề lệch, thiếu dấu hai chấm sau khóa, hoặc giá trị có \`: \` hay \` #\` chưa được đặt trong dấu ngoặc kép.`,
  };
}

// `yaml` hands on what follows a block scalar's header on its line as a token of its own, and
// says of text there that it is "Not a YAML token".
function afterBlockHeader(error: YAMLError, source: string): boolean {
  if (!error.message.startsWith('Not a YAML token')) return false;
  const start = source.lastIndexOf('\n', error.pos[0] - 1) + 1;
  return /(?:^|[ \t:?-])[|>][^ \t\r\n]*[ \t]+$/u.test(source.slice(start, error.pos[0]));
}

const FLOW = '`[…]` hay `{…}`';

/** What a MISSING_CHAR error other than a quote's or a key's lacks, said with its fix. */
function missingMessage(english: string): string {
  if (/^Missing , or : between flow/u.test(english))
    return `Thiếu dấu phẩy \`,\` giữa hai mục trong cặp ngoặc ${FLOW}: hãy thêm \`,\` ngay trước mục này, hoặc dấu hai chấm \`:\` nếu phần trước là một khóa.`;
  if (/^Missing , between flow/u.test(english))
    return `Thiếu dấu phẩy \`,\` giữa hai mục trong cặp ngoặc ${FLOW}: hãy thêm \`,\` ngay trước mục này.`;
  if (/^Missing space after :/u.test(english))
    return `Trong cặp ngoặc ${FLOW}, sau dấu hai chấm \`:\` của một khóa phải có dấu cách: hãy viết \`khóa: giá trị\`.`;
  if (/^Comments must be separated/u.test(english))
    return `Dấu \`#\` mở đầu chú thích phải cách phần đứng trước nó một dấu cách: hãy thêm dấu cách trước \`#\`, hoặc nếu \`#\` thuộc về giá trị, ${QUOTE_HINT}.`;
  if (/^Tags and anchors must be separated/u.test(english))
    return `Sau thẻ (\`!…\`) hay neo (\`&…\`) phải có dấu cách trước giá trị: hãy thêm dấu cách, hoặc nếu \`!\`, \`&\` thuộc về giá trị, ${QUOTE_HINT}.`;
  const end = /must end with a ([\]}])/u.exec(english)?.[1];
  if (end !== undefined)
    return `Cặp ngoặc ${end === ']' ? '`[`' : '`{`'} mở phía trên chưa được đóng tới đây: có lẽ thiếu dấu \`${end}\`, hoặc một dấu ngoặc kép hay dấu đóng thừa phía trên làm YAML đọc lệch. Hãy kiểm tra các cặp ngoặc từ chỗ mở.`;
  if (/^Block collection cannot start on same line with directives-end/u.test(english))
    return 'Khóa hay mục danh sách không được viết cùng dòng với `---`: hãy xuống dòng sau `---`.';
  if (/directives-end/u.test(english))
    return 'Sau dòng chỉ thị `%…` phải có một dòng `---` trước nội dung: hãy thêm dòng `---`, hoặc xóa dòng chỉ thị.';
  return 'Thiếu ký tự đóng hoặc ngăn cách (`]`, `}`, `,` hay `:`): hãy kiểm tra các cặp ngoặc trên dòng này.';
}

// The key at `offset`: up to its colon, or the rest of the line. Only the line is sliced: a file
// can hold a hundred thousand repeated keys, and slicing to the end for each was quadratic.
function keyAt(source: string, offset: number): string {
  const end = source.indexOf('\n', offset);
  const line = source.slice(offset, end === -1 ? source.length : end);
  const colon = line.indexOf(':');
  return (colon === -1 ? line : line.slice(0, colon)).trim();
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}
