// What the form rules need to say about the resolved model: a paragraph's effective size, bold,
// italic, case; numbers as a Vietnamese reader writes them. Everything here asks the model only.
import type { DocxParagraph, DocxRun } from '../model.js';
import type { DocxFinding } from './rule.js';

/** Word draws a run with no size anywhere in its style chain at 10 pt. */
const DEFAULT_HALF_POINTS = 20;

/** The runs a reader sees as text (spaces and tabs alone carry no visible formatting). */
export function inkRuns(paragraph: DocxParagraph): DocxRun[] {
  return paragraph.runs.filter((run) => run.text.trim() !== '');
}

export function halfPoints(run: DocxRun): number {
  return run.size ?? DEFAULT_HALF_POINTS;
}

/** "13,5" for 27 half-points: Vietnamese decimal comma. */
export function pt(halfPointsValue: number): string {
  return String(halfPointsValue / 2).replace('.', ',');
}

/** The distinct sizes of a paragraph's visible runs, in half-points, in order of appearance. */
export function sizes(paragraph: DocxParagraph): number[] {
  return [...new Set(inkRuns(paragraph).map(halfPoints))];
}

/** "12 pt" or "12 pt và 14 pt". */
export function sizesText(values: number[]): string {
  return values.map((v) => `${pt(v)} pt`).join(' và ');
}

/** The sizes outside [min, max] half-points, or none. */
export function sizesOutside(paragraph: DocxParagraph, min: number, max: number): number[] {
  const found = sizes(paragraph);
  return found.some((v) => v < min || v > max) ? found : [];
}

export function allBold(paragraph: DocxParagraph): boolean {
  const runs = inkRuns(paragraph);
  return runs.length > 0 && runs.every((run) => run.bold);
}

export function anyBold(paragraph: DocxParagraph): boolean {
  return inkRuns(paragraph).some((run) => run.bold);
}

export function allItalic(paragraph: DocxParagraph): boolean {
  const runs = inkRuns(paragraph);
  return runs.length > 0 && runs.every((run) => run.italic);
}

export function anyItalic(paragraph: DocxParagraph): boolean {
  return inkRuns(paragraph).some((run) => run.italic);
}

/** Seen in capitals: typed so, or drawn so by w:caps. */
export function upperCase(paragraph: DocxParagraph): boolean {
  return inkRuns(paragraph).every((run) => run.caps || run.text === run.text.toLocaleUpperCase('vi'));
}

/** NFC, single spaces, no surrounding blanks. */
export function clean(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function blank(paragraph: DocxParagraph): boolean {
  return paragraph.text.trim() === '';
}

/** Twips as millimetres, one decimal, Vietnamese comma. */
export function mm(twips: number): string {
  return (Math.round((twips / 56.7) * 10) / 10).toString().replace('.', ',');
}

/** Twips as centimetres, two decimals at most. */
export function cm(twips: number): string {
  return (Math.round((twips / 567) * 100) / 100).toString().replace('.', ',');
}

/** Joins a list of defects into one Vietnamese sentence body: "a; b; c". */
export function defects(list: string[]): string {
  return list.join('; ');
}

/**
 * Report the first few offenders of a rule, not hundreds: the last one reported says how many
 * more there are.
 */
export function firstFew(findings: DocxFinding[], limit: number, more: (count: number) => string): DocxFinding[] {
  if (findings.length <= limit) return findings;
  const shown = findings.slice(0, limit);
  const last = shown[limit - 1]!;
  shown[limit - 1] = { ...last, message: `${last.message} ${more(findings.length - limit)}` };
  return shown;
}
