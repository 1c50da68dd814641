// .docx bytes → DocxDocument. Throws DocxUnreadable for anything that is not a readable Word
// document (empty, not a zip, cut off, encrypted or legacy OLE, no word/document.xml, malformed
// XML, a zip bomb).
import type { DocxDocument, DocxHeader, DocxParagraph, DocxRun, DocxSection, DocxTable } from './model.js';
import { Numbering } from './numbering.js';
import { StyleSheet, readParagraphProps, readRunProps, readTheme, toggle, type RunProps } from './styles.js';
import { child, children, elements, numberAttr, parseXml, textOf, XmlError, type XmlElement } from './xml.js';
import { DocxUnreadable, unzipDocx } from './zip.js';

export { DocxUnreadable } from './zip.js';

const decoder = new TextDecoder('utf-8');

function part(parts: Map<string, Uint8Array>, name: string): XmlElement | undefined {
  const bytes = parts.get(name);
  if (bytes === undefined) return undefined;
  try {
    return parseXml(decoder.decode(bytes));
  } catch (error) {
    if (error instanceof XmlError) throw new DocxUnreadable({ reason: 'corrupt', detail: `${name}: ${error.message}` });
    throw error;
  }
}

interface Context {
  styles: StyleSheet;
  numbering: Numbering;
  paragraphs: DocxParagraph[];
  tables: DocxTable[];
  section: number;
  /** The previous paragraph ended with a page break. */
  breakPending: boolean;
}

interface RunState {
  runs: DocxRun[];
  fields: string[];
  fieldRun?: DocxRun;
  /** Inside a complex field: collecting its instruction, or showing its result. */
  field: { instr: string; showing: boolean }[];
  pageBreak: boolean;
  /** A page break came before any visible text of the paragraph. */
  breakAtStart: boolean;
}

function fieldName(instr: string): string {
  return instr.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
}

function resolvedRun(ctx: Context, paragraphStyle: string | undefined, rPr: XmlElement | undefined): RunProps {
  const runStyle = child(rPr, 'w:rStyle')?.attrs['w:val'];
  return ctx.styles.run(paragraphStyle, runStyle, readRunProps(rPr));
}

function toRun(ctx: Context, props: RunProps, text: string): DocxRun {
  const ascii = props.ascii ?? ctx.styles.themeFont(props.asciiTheme);
  const hAnsi = props.hAnsi ?? ctx.styles.themeFont(props.hAnsiTheme) ?? ascii;
  return {
    text,
    fonts: { ...(ascii !== undefined ? { ascii } : {}), ...(hAnsi !== undefined ? { hAnsi } : {}) },
    ...(props.size !== undefined ? { size: props.size } : {}),
    bold: props.bold ?? false,
    italic: props.italic ?? false,
    caps: props.caps ?? false,
  };
}

function readRun(
  ctx: Context,
  state: RunState,
  paragraphStyle: string | undefined,
  r: XmlElement,
  deleted: boolean,
): void {
  const props = resolvedRun(ctx, paragraphStyle, child(r, 'w:rPr'));
  let text = '';
  for (const node of elements(r)) {
    switch (node.name) {
      case 'w:fldChar': {
        const type = node.attrs['w:fldCharType'];
        if (type === 'begin') {
          state.field.push({ instr: '', showing: false });
          state.fieldRun ??= toRun(ctx, props, '');
        } else if (type === 'separate') {
          const top = state.field[state.field.length - 1];
          if (top) {
            top.showing = true;
            state.fields.push(fieldName(top.instr));
          }
        } else if (type === 'end') {
          const top = state.field.pop();
          if (top && !top.showing) state.fields.push(fieldName(top.instr));
        }
        break;
      }
      case 'w:instrText': {
        const top = state.field[state.field.length - 1];
        if (top) top.instr += textOf(node);
        break;
      }
      case 'w:t':
        text += textOf(node);
        break;
      case 'w:tab':
      case 'w:ptab':
        text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (node.attrs['w:type'] === 'page') {
          if (text === '' && state.runs.every((r) => r.text === '')) state.breakAtStart = true;
          else state.pageBreak = true;
        } else text += '\n';
        break;
      case 'w:noBreakHyphen':
        text += '-';
        break;
      case 'w:sym': {
        const code = node.attrs['w:char'];
        if (code) text += String.fromCharCode(parseInt(code, 16) & 0xffff);
        break;
      }
      default:
        break;
    }
  }
  // Field instructions are not text; a field's result is. Deleted and hidden runs are not seen.
  const inInstruction = state.field.some((f) => !f.showing);
  if (text === '' || deleted || props.vanish || inInstruction) return;
  state.runs.push(toRun(ctx, props, text));
}

/** The runs of a paragraph or of an inline container (hyperlink, w:ins, smart tag, content control). */
function readInline(
  ctx: Context,
  state: RunState,
  paragraphStyle: string | undefined,
  container: XmlElement,
  deleted: boolean,
): void {
  for (const node of elements(container)) {
    switch (node.name) {
      case 'w:r':
        readRun(ctx, state, paragraphStyle, node, deleted);
        break;
      case 'w:del':
      case 'w:moveFrom':
        readInline(ctx, state, paragraphStyle, node, true);
        break;
      case 'w:fldSimple': {
        state.fields.push(fieldName(node.attrs['w:instr'] ?? ''));
        state.fieldRun ??= toRun(ctx, resolvedRun(ctx, paragraphStyle, child(child(node, 'w:r'), 'w:rPr')), '');
        readInline(ctx, state, paragraphStyle, node, deleted);
        break;
      }
      case 'w:ins':
      case 'w:moveTo':
      case 'w:hyperlink':
      case 'w:smartTag':
      case 'w:customXml':
      case 'w:dir':
      case 'w:bdo':
        readInline(ctx, state, paragraphStyle, node, deleted);
        break;
      case 'w:sdt':
        readInline(ctx, state, paragraphStyle, child(node, 'w:sdtContent') ?? node, deleted);
        break;
      default:
        break;
    }
  }
}

function readParagraph(ctx: Context, p: XmlElement, cell: DocxParagraph['cell'], into: DocxParagraph[]): DocxParagraph {
  const pPr = child(p, 'w:pPr');
  const direct = readParagraphProps(pPr);
  const styleId = ctx.styles.paragraphStyle(child(pPr, 'w:pStyle')?.attrs['w:val']);
  const fromStyle = ctx.styles.styleNumbering(styleId);
  const numId = direct.numId ?? fromStyle.numId;
  const ilvl = direct.ilvl ?? fromStyle.ilvl;
  const props = ctx.styles.paragraph(styleId, ctx.numbering.paragraph(numId, ilvl), direct);
  const state: RunState = { runs: [], fields: [], field: [], pageBreak: false, breakAtStart: false };
  readInline(ctx, state, styleId, p, false);
  // The paragraph mark deleted as a revision: the paragraph is still drawn until accepted.
  const label = ctx.numbering.next(numId, ilvl);
  const body = state.runs.map((r) => r.text).join('');
  const text = label ? `${label}${label.endsWith(' ') ? '' : ' '}${body}` : body;
  const paragraph: DocxParagraph = {
    index: 0,
    text,
    ...(label ? { label } : {}),
    runs: state.runs,
    ...(styleId !== undefined ? { styleId } : {}),
    ...(ctx.styles.name(styleId) !== undefined ? { styleName: ctx.styles.name(styleId)! } : {}),
    align: props.align ?? 'left',
    indent: {
      left: props.left ?? 0,
      right: props.right ?? 0,
      firstLine: props.firstLine ?? 0,
      hanging: props.hanging ?? 0,
    },
    spacing: {
      before: props.before ?? 0,
      after: props.after ?? 0,
      ...(props.line !== undefined ? { line: props.line } : {}),
      ...(props.lineRule !== undefined ? { lineRule: props.lineRule } : {}),
    },
    pageBreakBefore: Boolean(props.pageBreakBefore) || ctx.breakPending || (state.breakAtStart && body !== ''),
    fields: state.fields,
    ...(state.fieldRun ? { fieldRun: state.fieldRun } : {}),
    ...(cell ? { cell } : {}),
    section: ctx.section,
    ...(p.span
      ? {
          xml: {
            openEnd: p.span.openEnd,
            propsEnd: pPr?.span?.closeEnd ?? p.span.openEnd,
            closeStart: p.span.closeStart,
            selfClosing: p.span.openEnd === p.span.closeEnd,
          },
        }
      : {}),
  };
  // A break before the text puts the paragraph itself on the next page (above); one ending the text, or alone in an empty paragraph, puts what follows on the next page.
  ctx.breakPending = state.pageBreak || (state.breakAtStart && body === '');
  into.push(paragraph);
  return paragraph;
}

function readTable(ctx: Context, tbl: XmlElement): void {
  const table: DocxTable = { index: ctx.tables.length + 1, rows: [] };
  ctx.tables.push(table);
  for (const [r, tr] of children(tbl, 'w:tr').entries()) {
    const row: number[][] = [];
    table.rows.push(row);
    for (const [c, tc] of children(tr, 'w:tc').entries()) {
      const cell: number[] = [];
      row.push(cell);
      readBlocks(ctx, tc, { table: table.index, row: r, column: c }, cell);
    }
  }
}

function readBlocks(ctx: Context, container: XmlElement, cell: DocxParagraph['cell'], cellParagraphs?: number[]): void {
  for (const node of elements(container)) {
    if (node.name === 'w:p') {
      const paragraph = readParagraph(ctx, node, cell, ctx.paragraphs);
      paragraph.index = ctx.paragraphs.length;
      cellParagraphs?.push(paragraph.index);
      // A section break in a paragraph ends the section after that paragraph.
      if (child(child(node, 'w:pPr'), 'w:sectPr')) ctx.section++;
    } else if (node.name === 'w:tbl') {
      readTable(ctx, node);
    } else if (node.name === 'w:sdt') {
      readBlocks(ctx, child(node, 'w:sdtContent') ?? node, cell, cellParagraphs);
    } else if (node.name === 'w:customXml' || node.name === 'w:ins' || node.name === 'w:moveTo') {
      readBlocks(ctx, node, cell, cellParagraphs);
    }
  }
}

function readHeader(
  parts: Map<string, Uint8Array>,
  target: string,
  styles: StyleSheet,
  numbering: Numbering,
): DocxHeader | undefined {
  const root = part(parts, `word/${target.replace(/^\/?word\//, '')}`);
  if (!root) return undefined;
  const ctx: Context = { styles, numbering, paragraphs: [], tables: [], section: 0, breakPending: false };
  readBlocks(ctx, root, undefined);
  ctx.paragraphs.forEach((p, i) => (p.index = i + 1));
  return { paragraphs: ctx.paragraphs };
}

function readSection(
  sectPr: XmlElement | undefined,
  rels: Map<string, string>,
  parts: Map<string, Uint8Array>,
  styles: StyleSheet,
  numbering: Numbering,
  previous: DocxSection | undefined,
): DocxSection {
  const size = child(sectPr, 'w:pgSz');
  const margins = child(sectPr, 'w:pgMar');
  const width = numberAttr(size, 'w:w') ?? 12240;
  const height = numberAttr(size, 'w:h') ?? 15840;
  const headers: DocxSection['headers'] = {};
  for (const reference of children(sectPr, 'w:headerReference')) {
    const type = reference.attrs['w:type'] ?? 'default';
    const target = rels.get(reference.attrs['r:id'] ?? '');
    if (target === undefined || (type !== 'default' && type !== 'first' && type !== 'even')) continue;
    const header = readHeader(parts, target, styles, numbering);
    if (header) headers[type] = header;
  }
  const header = numberAttr(margins, 'w:header');
  const footer = numberAttr(margins, 'w:footer');
  return {
    page: { width, height, landscape: child(sectPr, 'w:pgSz')?.attrs['w:orient'] === 'landscape' || width > height },
    margins: {
      top: Math.abs(numberAttr(margins, 'w:top') ?? 1440),
      bottom: Math.abs(numberAttr(margins, 'w:bottom') ?? 1440),
      left: numberAttr(margins, 'w:left') ?? numberAttr(margins, 'w:start') ?? 1440,
      right: numberAttr(margins, 'w:right') ?? numberAttr(margins, 'w:end') ?? 1440,
      ...(header !== undefined ? { header } : {}),
      ...(footer !== undefined ? { footer } : {}),
    },
    titlePage: toggle(child(sectPr, 'w:titlePg')) ?? false,
    // A section without header references inherits the previous section's headers.
    headers: Object.keys(headers).length > 0 || !previous ? headers : previous.headers,
  };
}

function relationships(root: XmlElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of children(root, 'pr:Relationship')) {
    const id = rel.attrs['Id'];
    const target = rel.attrs['Target'];
    if (id !== undefined && target !== undefined) out.set(id, target);
  }
  return out;
}

function coreProperties(root: XmlElement | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const element of elements(root)) {
    const text = textOf(element).trim();
    if (text !== '') out[element.name.replace(/^.*:/, '')] = text;
  }
  return out;
}

/** Read a .docx. Throws DocxUnreadable when it cannot be read as one. */
export function readDocx(bytes: Uint8Array): DocxDocument {
  const parts = unzipDocx(bytes);
  const document = part(parts, 'word/document.xml');
  const body = child(document, 'w:body');
  if (!document || document.name !== 'w:document' || !body) throw new DocxUnreadable({ reason: 'no-document' });
  const styles = new StyleSheet(part(parts, 'word/styles.xml'), readTheme(part(parts, 'word/theme/theme1.xml')));
  const numbering = new Numbering(part(parts, 'word/numbering.xml'));
  const ctx: Context = { styles, numbering, paragraphs: [], tables: [], section: 0, breakPending: false };
  readBlocks(ctx, body, undefined);

  // Sections: each w:sectPr inside a paragraph ends one; the body's last w:sectPr is the last.
  const rels = relationships(part(parts, 'word/_rels/document.xml.rels'));
  const sectPrs: XmlElement[] = [];
  const collect = (container: XmlElement): void => {
    for (const node of elements(container)) {
      if (node.name === 'w:p') {
        const sectPr = child(child(node, 'w:pPr'), 'w:sectPr');
        if (sectPr) sectPrs.push(sectPr);
      } else if (node.name === 'w:sdt') collect(child(node, 'w:sdtContent') ?? node);
    }
  };
  collect(body);
  const last = child(body, 'w:sectPr');
  if (last || sectPrs.length === 0) sectPrs.push(last ?? { name: 'w:sectPr', attrs: {}, children: [] });
  const sections: DocxSection[] = [];
  for (const sectPr of sectPrs)
    sections.push(readSection(sectPr, rels, parts, styles, numbering, sections[sections.length - 1]));

  return {
    paragraphs: ctx.paragraphs,
    sections,
    tables: ctx.tables,
    properties: coreProperties(part(parts, 'docProps/core.xml')),
  };
}
