import type { Severity } from '../../plan/problem.js';
import type { DocxDocument, DocxParagraph } from '../model.js';
import type { PlanPart } from '../part.js';

/** One problem a form rule found: Vietnamese, saying what is wrong, the value found, and what Decree 30 wants. */
export interface DocxFinding {
  message: string;
  /** Where: a paragraph of the body (or of a header); none for the document as a whole. */
  paragraph?: DocxParagraph;
}

/** A Decree 30 form rule over the resolved document model; it never reads XML. */
export interface DocxRule {
  id: string;
  severity: Severity;
  /** Vietnamese, one sentence: what the rule checks (the README's table, SARIF's rules[]). */
  description: string;
  check(doc: DocxDocument, part: PlanPart): DocxFinding[];
}
