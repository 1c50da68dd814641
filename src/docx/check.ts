// Judge a .docx as a document office does: Decree 30's form rules on the resolved document, then
// (through import) the same content rules as for a plan file. Every problem is located at a
// paragraph: line = its number in the body, column 1, and the message quotes its start.
import type { Problem, Severity } from '../plan/problem.js';
import type { DocxDocument, DocxParagraph } from './model.js';
import { locatePlan, type PlanPart } from './part.js';
import { readDocx, DocxUnreadable } from './read.js';
import { FORM_RULES } from './rules/index.js';
import type { DocxFinding } from './rules/rule.js';
import type { Unreadable } from './zip.js';
import { MAX_DOCX_BYTES, MAX_INFLATED_BYTES } from './zip.js';

export interface DocxCheck {
  problems: Problem[];
  doc?: DocxDocument;
  part?: PlanPart;
}

const QUOTE_LENGTH = 40;

/** «The first words of the paragraph…», on one line. */
export function quote(paragraph: DocxParagraph): string {
  const flat = paragraph.text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= QUOTE_LENGTH ? flat : `${chars.slice(0, QUOTE_LENGTH).join('')}…`;
}

function where(paragraph: DocxParagraph): string {
  const text = quote(paragraph);
  return text === '' ? `đoạn ${paragraph.index} (đoạn trống)` : `đoạn ${paragraph.index}: «${text}»`;
}

/** A finding as a located problem; a header paragraph is located at the start of the document. */
export function located(rule: string, severity: Severity, finding: DocxFinding, doc: DocxDocument): Problem {
  const paragraph = finding.paragraph;
  const inBody = paragraph !== undefined && doc.paragraphs[paragraph.index - 1] === paragraph;
  if (!paragraph) return { rule, severity, message: finding.message, line: 1, column: 1, path: '/body' };
  if (!inBody) {
    return { rule, severity, message: `Đầu trang: ${finding.message}`, line: 1, column: 1, path: `/header/p[${paragraph.index}]`, snippet: paragraph.text };
  }
  return {
    rule,
    severity,
    message: `${where(paragraph)}: ${finding.message}`,
    line: paragraph.index,
    column: 1,
    path: `/body/p[${paragraph.index}]`,
    snippet: paragraph.text,
  };
}

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
}

/** Why a file is not a readable .docx, and what to do, in Vietnamese. */
export function unreadableText(why: Unreadable): string {
  switch (why.reason) {
    case 'empty':
      return 'Tệp rỗng (0 byte), không phải văn bản Word. Chọn đúng tệp .docx.';
    case 'too-large':
      return `Tệp nặng ${mebibytes(why.bytes)}, vượt giới hạn ${mebibytes(MAX_DOCX_BYTES)} của một văn bản .docx nên không được đọc. Kiểm tra lại có đúng tệp kế hoạch không.`;
    case 'ole':
      return 'Đây là tệp Word cũ (.doc) hoặc tệp .docx có đặt mật khẩu. Mở trong Word, bỏ mật khẩu nếu có (Tệp → Thông tin → Bảo vệ tài liệu), rồi Lưu thành… chọn "Tài liệu Word (.docx)" và kiểm tra lại tệp mới.';
    case 'not-zip':
      return 'Tệp không phải văn bản Word .docx (một tệp .docx là một gói zip, tệp này thì không). Có thể tệp bị đổi đuôi: mở bằng Word hoặc LibreOffice rồi lưu lại dạng .docx.';
    case 'corrupt':
      return 'Tệp .docx bị hỏng hoặc không trọn vẹn (có thể tải về hay đính kèm chưa hết). Tải lại tệp, hoặc mở bằng Word để sửa rồi lưu lại.';
    case 'bomb':
      return `Nội dung tệp khi giải nén vượt ${mebibytes(why.limit)}, quá lớn cho một kế hoạch nên không được đọc tiếp (phòng tệp «bom zip»). Kiểm tra lại nguồn của tệp.`;
    case 'no-document':
      return 'Gói zip này không có phần văn bản Word (word/document.xml): đây không phải tệp .docx. Chọn đúng tệp kế hoạch.';
  }
}

function fileProblem(rule: string, message: string): Problem {
  return { rule, severity: 'error', message, line: 1, column: 1, path: '' };
}

/** Read and judge one .docx. Pure: bytes in, problems out. */
export function checkDocx(bytes: Uint8Array): DocxCheck {
  let doc: DocxDocument;
  try {
    doc = readDocx(bytes);
  } catch (error) {
    if (error instanceof DocxUnreadable) return { problems: [fileProblem('docx-unreadable', unreadableText(error.why))] };
    throw error;
  }
  const part = locatePlan(doc);
  if (!part) {
    return {
      doc,
      problems: [
        fileProblem(
          'docx-not-a-plan',
          'Văn bản không phải Kế hoạch hay Chương trình: không có dòng tên loại "KẾ HOẠCH" hoặc "CHƯƠNG TRÌNH" (kể cả kế hoạch ban hành kèm một Quyết định). Kiểm tra lại đã chọn đúng tệp.',
        ),
      ],
    };
  }
  const problems: Problem[] = [];
  for (const rule of FORM_RULES) {
    for (const finding of rule.check(doc, part)) problems.push(located(rule.id, rule.severity, finding, doc));
  }
  problems.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
  return { doc, part, problems };
}

/** The limits, for the README and messages. */
export const DOCX_LIMITS = { maxBytes: MAX_DOCX_BYTES, maxInflated: MAX_INFLATED_BYTES };
