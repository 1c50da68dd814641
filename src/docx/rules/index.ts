// Every Decree 30 form rule, in the order the document is read (page, header, title, body, signature).
import type { DocxRule } from './rule.js';

export const FORM_RULES: readonly DocxRule[] = [];
