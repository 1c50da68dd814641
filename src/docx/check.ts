// Judge a .docx as a document office does: Decree 30's form rules on the resolved document, then
// (through import) the same content rules as for a plan file. Every problem is located at a
// paragraph: line = its number in the body, column 1, and the message quotes its start.
import { toPointer } from '../plan/issue.js';
import type { Problem, Severity } from '../plan/problem.js';
import { validatePlan } from '../plan/validate.js';
import { normalizeDeep } from '../text/nfc.js';
import { importPlan, type KnownNames } from './import/index.js';
import type { DocxDocument, DocxParagraph } from './model.js';
import { locatePlan, type PlanPart } from './part.js';
import { readDocx, DocxUnreadable } from './read.js';
import { FORM_RULES } from './rules/index.js';
import type { DocxFinding } from './rules/rule.js';
import { unreadableMessage } from './messages.js';
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
    return {
      rule,
      severity,
      message: `Đầu trang: ${finding.message}`,
      line: 1,
      column: 1,
      path: `/header/p[${paragraph.index}]`,
      snippet: paragraph.text,
    };
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

function fileProblem(rule: string, message: string): Problem {
  return { rule, severity: 'error', message, line: 1, column: 1, path: '' };
}

export interface DocxCheckOptions {
  /** Today, for the plan rules (a date in the future is a warning). */
  today: Date;
  /** Agency names, for reading the letterhead's upper case back and splitting lists (see import). */
  known?: KnownNames;
}

// Rules about data a document does not print: a task's pillar is the plan file's own tag, so a
// .docx can neither carry nor miss it.
const NOT_PRINTED = new Set(['pillars-incomplete']);

/** The paragraph a value came from, or its nearest ancestor's; else the type line. */
function sourceOf(pointer: string, sources: ReadonlyMap<string, number>, fallback: number): number {
  for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
    const found = sources.get(at);
    if (found !== undefined) return found;
    if (at === '') return fallback;
  }
}

/** Read and judge one .docx. Pure: bytes in, problems out. */
export function checkDocx(bytes: Uint8Array, options: DocxCheckOptions): DocxCheck {
  let doc: DocxDocument;
  try {
    doc = readDocx(bytes);
  } catch (error) {
    if (error instanceof DocxUnreadable)
      return { problems: [fileProblem('docx-unreadable', unreadableMessage(error.why))] };
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
  // Content: the document read as a plan, judged by the plan file's own rules, each problem at the
  // paragraph its value came from.
  const imported = importPlan(doc, part, options.known ? { known: options.known } : {});
  const { issues } = validatePlan(normalizeDeep(imported.data), { today: options.today });
  for (const issue of issues) {
    if (NOT_PRINTED.has(issue.rule)) continue;
    const index = sourceOf(toPointer(issue.path), imported.sources, part.typeLine);
    const paragraph = doc.paragraphs[index - 1];
    problems.push(
      located(issue.rule, issue.severity, { message: issue.message, ...(paragraph ? { paragraph } : {}) }, doc),
    );
  }
  problems.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
  return { doc, part, problems };
}

/** The limits, for the README and messages. */
export const DOCX_LIMITS = { maxBytes: MAX_DOCX_BYTES, maxInflated: MAX_INFLATED_BYTES };
