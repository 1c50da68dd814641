// Which paragraphs of a document are the plan. Usually all of them; but many provinces issue
// the plan attached to a Quyết định ("Ban hành kèm theo Quyết định này Kế hoạch…"), the KẾ HOẠCH
// starting after a page break with a header of its own: then only that part is the plan.
import type { Kind } from '../plan/types.js';
import type { DocxDocument, DocxParagraph } from './model.js';

export interface PlanPart {
  kind: Kind;
  /** First and last paragraph of the plan, 1-based, inclusive. */
  start: number;
  end: number;
  /** The paragraph that says KẾ HOẠCH or CHƯƠNG TRÌNH. */
  typeLine: number;
  /** The plan is attached to another document (a Quyết định) that comes first. */
  attached: boolean;
}

/** Upper case, NFC, single spaces, no surrounding blanks: how headings are compared. */
export function headingKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');
}

const TYPES: Record<string, Kind> = { 'KẾ HOẠCH': 'ke-hoach', 'CHƯƠNG TRÌNH': 'chuong-trinh' };

function typeOf(paragraph: DocxParagraph): Kind | undefined {
  return paragraph.cell ? undefined : TYPES[headingKey(paragraph.text)];
}

/** The plan in `doc`, or undefined when it holds no Kế hoạch or Chương trình at all. */
export function locatePlan(doc: DocxDocument): PlanPart | undefined {
  const { paragraphs } = doc;
  const typeAt = paragraphs.findIndex((p) => typeOf(p) !== undefined);
  if (typeAt < 0) return undefined;
  const typeLine = paragraphs[typeAt]!;
  const kind = typeOf(typeLine)!;
  const before = paragraphs.slice(0, typeAt);
  const decision = before.some((p) => !p.cell && headingKey(p.text) === 'QUYẾT ĐỊNH');
  let start = 1;
  if (decision) {
    // The attached plan starts on a new page: at the last page break before its type line.
    for (let i = typeAt; i >= 0; i--) {
      if (paragraphs[i]!.pageBreakBefore) {
        start = paragraphs[i]!.index;
        break;
      }
    }
  }
  return { kind, start, end: paragraphs.length, typeLine: typeLine.index, attached: start > 1 };
}
