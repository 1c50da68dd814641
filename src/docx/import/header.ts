// The letterhead (agency, number, place and date), the title, and the block of recipients and
// signature: fixed by Decree 30, written by code rather than templates.
import { upperVi } from '../../render/signer.js';
import type { Capacity } from '../../plan/types.js';
import type { DocxParagraph } from '../model.js';
import { headingKey } from '../part.js';
import { at, blank, emphasized, leftover, ruleLike, use, type Ctx } from './draft.js';
import {
  APPENDIX_LABEL,
  ARCHIVE_LINE,
  BASIS_LINE,
  CAPACITY_LINE,
  DATE_LINE,
  MOTTO,
  NATIONAL_NAME,
  NUMBER_LINE,
  OPENING_START,
  RECIPIENTS_LABEL,
} from './phrases.js';
import { type CaseBook, dropAdded, squash, untrail } from './text.js';

const isRoman = (text: string): boolean => /^[IVXL]+\s*[.:]\s*\S/u.test(text);

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The letterhead: every paragraph of the plan before its type line. Returns the agency's upper-case lines. */
export function readLetterhead(ctx: Ctx): {
  name?: { upper: string; at: number };
  parent?: { upper: string; at: number };
} {
  const { draft } = ctx;
  const before = ctx.paras.filter((p) => p.index < ctx.part.typeLine);
  const agencyLines: DocxParagraph[] = [];
  let numberSeen = false;
  for (const p of before) {
    const text = squash(p.text);
    const key = headingKey(text);
    if (text === '' || ruleLike(p)) {
      use(ctx, p);
      continue;
    }
    if (key === NATIONAL_NAME || MOTTO.test(key)) {
      use(ctx, p);
      continue;
    }
    const number = NUMBER_LINE.exec(text);
    if (number) {
      use(ctx, p);
      numberSeen = true;
      if (number[1]) draft.document.number = at(Number(number[1]), p);
      if (number[3]) draft.agency.short = at(number[3], p);
      continue;
    }
    const date = DATE_LINE.exec(text);
    if (date) {
      use(ctx, p);
      const [, place, day, month, year] = date;
      if (place) draft.agency.place = at(place.trim(), p);
      draft.document.year = at(Number(year), p);
      if (day && month && realDate(Number(year), Number(month), Number(day))) {
        draft.document.date = at(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`, p);
      }
      continue;
    }
    // The agency's lines: the left column of the letterhead's first row, upper case.
    const leftColumn = p.cell ? p.cell.column === 0 && p.cell.row === 0 : !numberSeen;
    if (leftColumn && text === upperVi(text)) {
      agencyLines.push(p);
      continue;
    }
    leftover(ctx, p, 'dòng ở phần đầu văn bản không nhận ra');
  }
  for (const p of agencyLines) use(ctx, p);
  // Decree 30: the parent agency above, not bold; the issuing agency bold.
  const boldFrom = agencyLines.findIndex((p) => emphasized(p));
  const parentLines = boldFrom > 0 ? agencyLines.slice(0, boldFrom) : [];
  const nameLines = boldFrom > 0 ? agencyLines.slice(boldFrom) : agencyLines;
  const join = (lines: DocxParagraph[]) => squash(lines.map((p) => p.text).join(' '));
  return {
    ...(nameLines.length > 0 ? { name: { upper: join(nameLines), at: nameLines[0]!.index } } : {}),
    ...(parentLines.length > 0 ? { parent: { upper: join(parentLines), at: parentLines[0]!.index } } : {}),
  };
}

/** The trích yếu under the type line: centred or bold lines up to the rule. Returns the last paragraph read. */
export function readTitle(ctx: Ctx): number {
  const lines: DocxParagraph[] = [];
  let last = ctx.part.typeLine;
  for (const p of ctx.paras.filter((q) => q.index > ctx.part.typeLine)) {
    if (p.cell) break;
    const text = squash(p.text);
    if (lines.length > 0 && ruleLike(p)) {
      use(ctx, p);
      last = p.index;
      break;
    }
    if (text === '') {
      use(ctx, p);
      last = p.index;
      continue;
    }
    if (isRoman(text) || lines.length >= 4 || p.align !== 'center') break;
    if (!emphasized(p) && (BASIS_LINE.test(text) || OPENING_START.test(text))) break;
    lines.push(p);
    use(ctx, p);
    last = p.index;
  }
  if (lines.length > 0) {
    ctx.draft.document.title = at(squash(lines.map((p) => p.text).join(' ')), lines[0]!);
  }
  return last;
}

/** The recipients and signature: the table that holds "Nơi nhận:", or the lines after it. */
export function signatureParagraphs(ctx: Ctx): DocxParagraph[] {
  const label = ctx.paras.find((p) => p.index > ctx.part.typeLine && RECIPIENTS_LABEL.test(p.text.trim()));
  if (!label) return [];
  if (label.cell) {
    const table = label.cell.table;
    return ctx.paras.filter((p) => p.cell?.table === table);
  }
  const out: DocxParagraph[] = [];
  for (const p of ctx.paras.filter((q) => q.index >= label.index)) {
    if (p.section > label.section || (!p.cell && APPENDIX_LABEL.test(p.text.trim()))) break;
    out.push(p);
  }
  return out;
}

export function readSignature(ctx: Ctx, block: readonly DocxParagraph[], book: CaseBook): void {
  const label = block.find((p) => RECIPIENTS_LABEL.test(p.text.trim()));
  if (!label) return;
  const sameCell = (p: DocxParagraph): boolean =>
    label.cell === undefined
      ? /^\s*[-+•]/u.test(p.text) || ARCHIVE_LINE.test(p.text.trim())
      : p.cell?.row === label.cell.row && p.cell.column === label.cell.column;
  use(ctx, label);
  const recipients = block.filter((p) => p.index > label.index && sameCell(p) && !blank(p));
  const signer = block.filter((p) => p !== label && !recipients.includes(p));
  for (const p of recipients) {
    use(ctx, p);
    const line = p.text.trim();
    if (ARCHIVE_LINE.test(line)) {
      const archive = line.replace(ARCHIVE_LINE, '');
      ctx.draft.archive = at(ctx.exact ? dropAdded(archive, '.') : untrail(archive), p);
    } else {
      const name = line.replace(/^[-+•–]\s*/u, '');
      ctx.draft.recipients.push(at(ctx.exact ? dropAdded(name, ';') : untrail(name), p));
    }
  }
  readSigner(ctx, signer, book);
}

function readSigner(ctx: Ctx, block: readonly DocxParagraph[], book: CaseBook): void {
  const firstText = block.findIndex((p) => !blank(p));
  if (firstText < 0) return;
  const gap = block.findIndex((p, i) => i > firstText && blank(p));
  const lines = block.filter((p) => !blank(p));
  let authority =
    gap < 0 ? lines.filter((p) => p.text === upperVi(p.text)) : block.slice(firstText, gap).filter((p) => !blank(p));
  const after = lines.filter((p) => !authority.includes(p));
  for (const p of block) use(ctx, p);
  // A stamp note ("(Đã ký)") is kept, not taken for the name.
  const names = after.filter((p) => !/^\(.*\)$/u.test(p.text.trim()));
  for (const p of after.filter((q) => !names.includes(q))) leftover(ctx, p, 'ghi chú ở chỗ ký');
  const name = names[names.length - 1];
  for (const p of names.slice(0, -1)) leftover(ctx, p, 'dòng ở chỗ ký không nhận ra');
  if (name) ctx.draft.signer.name = at(ctx.exact ? name.text : squash(name.text), name);
  authority = authority.filter((p) => !ruleLike(p));
  const recover = (upper: string, p: DocxParagraph) => {
    const { text, guessed } = book.recover(upper);
    return at(text, p, guessed);
  };
  let i = 0;
  let body: DocxParagraph | undefined;
  let capacity: Capacity = 'none';
  const tm = authority[0] && CAPACITY_LINE.exec(squash(authority[0].text));
  if (tm && tm[1] === 'TM') {
    body = authority[0];
    ctx.draft.signer.body = recover(tm[2] ?? '', authority[0]!);
    capacity = 'TM';
    i = 1;
  }
  const second = authority[i] && CAPACITY_LINE.exec(squash(authority[i]!.text));
  if (second && second[1] !== 'TM') {
    capacity = second[1] as Capacity;
    ctx.draft.signer.head = recover(second[2] ?? '', authority[i]!);
    i++;
  }
  const titleLines = authority.slice(i);
  const first = titleLines[0] ?? authority[0];
  if (first) ctx.draft.signer.capacity = at(capacity, body ?? first);
  if (titleLines.length > 0)
    ctx.draft.signer.title = recover(squash(titleLines.map((p) => p.text).join(' ')), titleLines[0]!);
}
