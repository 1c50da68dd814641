// The document between the templates and docx: paragraphs that name a style from layout.ts,
// rules, tables. Plain data, so that compose.ts can be read (and tested) without docx.
import type { StyleId } from './layout.js';

export interface Para {
  type: 'para';
  style: StyleId;
  /** `\n` breaks the line inside the paragraph (only the renderer puts one there). */
  text: string;
  /** Stay on the page of the next block: the last lines of the body go with the signature. */
  keepNext?: boolean;
}

/** A centred solid line `width` twips long inside a space `within` twips wide. */
export interface Rule {
  type: 'rule';
  width: number;
  within: number;
}

export interface Cell {
  blocks: (Para | Rule)[];
  /** Columns this cell spans; 1 when absent. */
  span?: number;
  valign?: 'top' | 'center';
}

export interface Row {
  cells: Cell[];
  /** Repeated at the top of each page (only the first row may say so). */
  header?: boolean;
  cantSplit?: boolean;
}

export interface Table {
  type: 'table';
  columns: readonly number[];
  borders: 'none' | 'single';
  rows: Row[];
}

export type Block = Para | Rule | Table;

export interface Section {
  orientation: 'portrait' | 'landscape';
  blocks: Block[];
}

export interface Properties {
  title: string;
  subject: string;
  creator: string;
  keywords: string;
  description: string;
  lastModifiedBy: string;
}

export interface DocModel {
  properties: Properties;
  sections: Section[];
}

export const para = (style: StyleId, text: string): Para => ({ type: 'para', style, text });
