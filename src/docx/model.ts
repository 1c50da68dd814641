// A .docx as a reader sees it: paragraphs in document order (table cells included) with the
// formatting Word would apply, sections with their page setup and headers. Built once by
// readDocx; every form rule asks this model, never the XML.

export type Alignment = 'left' | 'center' | 'right' | 'both' | 'distribute';

/** One run of text with its effective formatting (defaults → styles → direct). */
export interface DocxRun {
  text: string;
  /** The font for ASCII letters and for other Latin letters (Vietnamese ones are hAnsi). */
  fonts: { ascii?: string; hAnsi?: string };
  /** Half-points, as w:sz (13 pt = 26). */
  size?: number;
  bold: boolean;
  italic: boolean;
  caps: boolean;
}

export interface DocxParagraph {
  /** 1-based, counting every paragraph of the body in document order, table cells included. */
  index: number;
  /** What a reader sees: list label, text, tabs and line breaks, inserted revisions; no deleted or hidden text. */
  text: string;
  /** The list label Word shows before the text ("1.", "a)", "-"), also at the start of `text`. */
  label?: string;
  runs: DocxRun[];
  styleId?: string;
  styleName?: string;
  align: Alignment;
  /** Twips. */
  indent: { left: number; right: number; firstLine: number; hanging: number };
  spacing: { before: number; after: number; line?: number; lineRule?: 'auto' | 'exact' | 'atLeast' };
  /** A page break before this paragraph (w:pageBreakBefore, or a w:br type="page" ending the previous one). */
  pageBreakBefore: boolean;
  /** The field codes of the paragraph (PAGE, NUMPAGES…), upper case, without switches. */
  fields: string[];
  /** The formatting of the first field's result (a PAGE number has no text until Word draws it). */
  fieldRun?: DocxRun;
  /** Set for paragraphs inside a table cell: which table (1-based, body order), row and cell (0-based). */
  cell?: { table: number; row: number; column: number };
  /** 0-based index of the section the paragraph belongs to. */
  section: number;
  /** Where the paragraph stands in word/document.xml, for writing comments into a copy. */
  xml?: { openEnd: number; propsEnd: number; closeStart: number; selfClosing: boolean };
}

export interface DocxHeader {
  paragraphs: DocxParagraph[];
}

export interface DocxSection {
  /** Twips. */
  page: { width: number; height: number; landscape: boolean };
  margins: { top: number; bottom: number; left: number; right: number; header?: number; footer?: number };
  /** "Different first page": the first header applies to the section's first page. */
  titlePage: boolean;
  headers: { default?: DocxHeader; first?: DocxHeader; even?: DocxHeader };
}

export interface DocxTable {
  /** 1-based, body order (nested tables too). */
  index: number;
  /** Paragraph indexes of each cell, row by row. */
  rows: number[][][];
}

export interface DocxDocument {
  paragraphs: DocxParagraph[];
  sections: DocxSection[];
  tables: DocxTable[];
  /** The document properties (docProps/core.xml): title and the like, when present. */
  properties: Record<string, string>;
}
