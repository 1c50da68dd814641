// Where each element of a Decree 30 plan sits, found by content and position in the resolved
// model, whoever produced the file: the page-1 header (quốc hiệu, tiêu ngữ, agency, Số, date),
// the type line and trích yếu, the body, the recipients and the signature. Producers differ
// (a header table or none, a signature table or none), so nothing here depends on styles.
import type { DocxDocument, DocxParagraph, DocxSection } from '../model.js';
import type { PlanPart } from '../part.js';
import { allBold, blank, clean } from './format.js';

export interface Zones {
  /** The plan's paragraphs, part.start..part.end. */
  paragraphs: DocxParagraph[];
  sections: { index: number; section: DocxSection; first: DocxParagraph }[];
  quocHieu?: DocxParagraph;
  tieuNgu?: DocxParagraph;
  /** The agency lines, top to bottom (a parent agency first, when there is one). */
  agency: DocxParagraph[];
  number?: DocxParagraph;
  date?: DocxParagraph;
  typeLine: DocxParagraph;
  /** The trích yếu: the paragraphs right under the type line. */
  title: DocxParagraph[];
  /** Body paragraphs: between the trích yếu and the signature, outside tables, not headings, not blank. */
  body: DocxParagraph[];
  recipientsLabel?: DocxParagraph;
  recipients: DocxParagraph[];
  /** The signing capacity lines (TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH). */
  capacity: DocxParagraph[];
  signerName?: DocxParagraph;
}

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

const upper = (text: string): string => clean(text).toLocaleUpperCase('vi');

function isQuocHieu(p: DocxParagraph): boolean {
  return /^CỘNG\s*H(?:ÒA|OÀ)\s*XÃ\s*HỘI\s*CHỦ\s*NGHĨA\s*VIỆT\s*NAM$/u.test(upper(p.text));
}

function isTieuNgu(p: DocxParagraph): boolean {
  return /^ĐỘC\s*LẬP\s*\S?\s*TỰ\s*DO\s*\S?\s*HẠNH\s*PHÚC$/u.test(upper(p.text));
}

export function isNumberLine(p: DocxParagraph): boolean {
  return /^SỐ\s*[:.]?\s*[\d\s]*\/|^SỐ\s*:/u.test(upper(p.text));
}

export function isDateLine(p: DocxParagraph): boolean {
  return /NGÀY\b.*\bTHÁNG\b.*\bNĂM\s*\d{4}/u.test(upper(p.text));
}

const CAPACITY = /^(TM|KT|Q|TL|TUQ)\s*\./u;

function isRecipientsLabel(p: DocxParagraph): boolean {
  return /^NƠI\s*NHẬN\s*:?$/u.test(upper(p.text));
}

/** A heading of the body: I. MỤC ĐÍCH…, a bold "1. Mục đích", or a paragraph in a heading style. */
function isHeading(p: DocxParagraph): boolean {
  const style = `${p.styleId ?? ''} ${p.styleName ?? ''}`;
  if (/heading|title|tiêu đề|đề mục/iu.test(style)) return true;
  const text = clean(p.text);
  if (/^[IVXLC]+\.\s/u.test(text)) return true;
  return /^\d+(\.\d+)*\.\s/u.test(text) && allBold(p);
}

function sectionsOf(doc: DocxDocument, paragraphs: DocxParagraph[]): Zones['sections'] {
  const out: Zones['sections'] = [];
  for (const p of paragraphs) {
    if (out.some((s) => s.index === p.section)) continue;
    const section = doc.sections[p.section] ?? doc.sections[doc.sections.length - 1];
    if (section) out.push({ index: p.section, section, first: p });
  }
  return out;
}

/** The signature block: the table holding "Nơi nhận" (or the paragraphs from it on, when there is no table). */
function signature(
  doc: DocxDocument,
  after: DocxParagraph[],
): Pick<Zones, 'recipientsLabel' | 'recipients' | 'capacity' | 'signerName'> & { start?: number } {
  const label = after.find(isRecipientsLabel);
  const firstCapacity = after.find((p) => CAPACITY.test(upper(p.text)));
  const anchor = label ?? firstCapacity;
  if (!anchor) return { recipients: [], capacity: [] };
  const byIndex = (i: number): DocxParagraph | undefined => doc.paragraphs[i - 1];
  const table = anchor.cell ? doc.tables[anchor.cell.table - 1] : undefined;
  const recipients: DocxParagraph[] = [];
  let signing: DocxParagraph[];
  let start = anchor.index;
  if (table && anchor.cell) {
    const all = table.rows.flat(2);
    start = Math.min(...all);
    const labelCell = label?.cell ? (table.rows[label.cell.row]?.[label.cell.column] ?? []) : [];
    for (const i of labelCell) if (label && i > label.index) recipients.push(byIndex(i)!);
    const signCells = table.rows.flatMap((row) => row.filter((cell) => cell !== labelCell));
    signing = signCells
      .flat()
      .map((i) => byIndex(i)!)
      .filter((p) => p !== undefined);
  } else {
    // No table: recipients are the "- …" lines after the label; the signature starts at the
    // first capacity line after them.
    let at = after.indexOf(anchor) + (label ? 1 : 0);
    if (label) {
      for (; at < after.length && (blank(after[at]!) || /^[-–+•]/u.test(clean(after[at]!.text))); at++)
        recipients.push(after[at]!);
    }
    const from = after.findIndex((p, k) => k >= at && CAPACITY.test(upper(p.text)));
    const end = after.findIndex((p, k) => k > from && p.pageBreakBefore);
    signing = from < 0 ? [] : after.slice(from, Math.min(from + 12, end < 0 ? after.length : end));
  }
  const recipientLines = recipients.filter((p) => !blank(p));
  // Capacity: the first non-blank lines of the signature cell up to the room left for signing;
  // the name is the last non-blank line after that room.
  const firstInk = signing.findIndex((p) => !blank(p));
  const capacity: DocxParagraph[] = [];
  let i = firstInk;
  for (; i >= 0 && i < signing.length && !blank(signing[i]!); i++) {
    const p = signing[i]!;
    // Without a table nothing but case tells the title from the name (pandoc writes no blank lines).
    if (!table && capacity.length > 0 && !CAPACITY.test(upper(p.text)) && clean(p.text) !== upper(p.text)) break;
    capacity.push(p);
  }
  const signerName =
    i > firstInk ? signing.slice(i).find((p) => !blank(p) && !/^\(.*\)$/u.test(clean(p.text))) : undefined;
  return {
    ...(label ? { recipientsLabel: label } : {}),
    recipients: recipientLines,
    capacity,
    ...(signerName ? { signerName } : {}),
    start,
  };
}

export function zones(doc: DocxDocument, part: PlanPart): Zones {
  const paragraphs = doc.paragraphs.slice(part.start - 1, part.end);
  const typeLine = doc.paragraphs[part.typeLine - 1]!;
  const head = paragraphs.filter((p) => p.index < typeLine.index);
  const quocHieu = head.find(isQuocHieu);
  const tieuNgu = head.find(isTieuNgu);
  const number = head.find(isNumberLine);
  const date = head.find((p) => p !== number && isDateLine(p));
  const known = new Set([quocHieu, tieuNgu, number, date]);
  const agencyEnd = quocHieu ?? number ?? date ?? typeLine;
  const agency = head.filter(
    (p) =>
      p.index < agencyEnd.index &&
      !known.has(p) &&
      !blank(p) &&
      // In a header table the agency sits in its own column, not the quốc hiệu's.
      !(quocHieu?.cell && p.cell && p.cell.table === quocHieu.cell.table && p.cell.column === quocHieu.cell.column),
  );

  const after = paragraphs.filter((p) => p.index > typeLine.index);
  const title: DocxParagraph[] = [];
  for (const p of after) {
    if (blank(p) || p.cell) {
      if (title.length > 0) break;
      continue;
    }
    const text = clean(p.text);
    const bodyLike = /^(Căn cứ|[IVXLC]+\.\s|\d+\.\s)/u.test(text);
    // The trích yếu is centred or bold, or both; an intro ("Thực hiện Quyết định…") is neither.
    const titleLike = !bodyLike && (p.align === 'center' || allBold(p));
    if (!titleLike || (title.length > 0 && (p.align !== title[0]!.align || title.length >= 3))) break;
    title.push(p);
  }
  const bodyFrom = (title[title.length - 1] ?? typeLine).index;
  const sign = signature(
    doc,
    after.filter((p) => p.index > bodyFrom),
  );
  const bodyTo = sign.start ?? part.end + 1;
  const body = paragraphs.filter(
    (p) => p.index > bodyFrom && p.index < bodyTo && !p.cell && !blank(p) && !isHeading(p),
  );

  return {
    paragraphs,
    sections: sectionsOf(doc, paragraphs),
    ...(quocHieu ? { quocHieu } : {}),
    ...(tieuNgu ? { tieuNgu } : {}),
    agency,
    ...(number ? { number } : {}),
    ...(date ? { date } : {}),
    typeLine,
    title,
    body,
    ...(sign.recipientsLabel ? { recipientsLabel: sign.recipientsLabel } : {}),
    recipients: sign.recipients,
    capacity: sign.capacity,
    ...(sign.signerName ? { signerName: sign.signerName } : {}),
  };
}

const cache = new WeakMap<DocxDocument, { part: PlanPart; zones: Zones }>();

/** The zones of a document, computed once for all the rules that ask. */
export function zonesOf(doc: DocxDocument, part: PlanPart): Zones {
  const hit = cache.get(doc);
  if (hit && hit.part.start === part.start && hit.part.end === part.end && hit.part.typeLine === part.typeLine)
    return hit.zones;
  const computed = zones(doc, part);
  cache.set(doc, { part, zones: computed });
  return computed;
}
