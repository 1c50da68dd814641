// .docx fixtures made by code, never pasted in: a plan rendered by kehoach; the same document
// written again the way Word writes (direct run formatting, rsids, theme fonts, a complex PAGE
// field), the way pandoc writes (styles only, no header table) and through LibreOffice (a flat
// ODT converted by soffice); and one-defect mutations of the kehoach document.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { DocxDocument, DocxParagraph, DocxRun, DocxSection } from '../../src/docx/model.js';
import { readDocx } from '../../src/docx/read.js';
import { renderPlan } from '../../src/index.js';
import { loadPlan } from '../../src/plan/load.js';
import type { Plan } from '../../src/plan/types.js';

export const ROOT = resolve(import.meta.dirname, '../..');
const TODAY = new Date(2026, 11, 1);
const CREATED = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));

export function examplePlan(name: string): Plan {
  const { plan, problems } = loadPlan(readFileSync(join(ROOT, 'examples', `${name}.yaml`)), { today: TODAY });
  if (!plan) throw new Error(`${name}: ${problems.map((p) => p.message).join('; ')}`);
  return plan;
}

/** (a) What kehoach builds from an example; `signer` names the signer, so the name line is judged too. */
export async function kehoachDocx(name = 'quang-tri-2022', signer?: string): Promise<Uint8Array> {
  const plan = structuredClone(examplePlan(name));
  if (signer !== undefined) plan.signer = { ...plan.signer, name: signer };
  return renderPlan(plan, { created: CREATED });
}

/** Edits the XML of named parts; each edit must change something, so a fixture cannot silently stop being one. */
export function editParts(bytes: Uint8Array, edits: Record<string, (xml: string) => string>): Uint8Array {
  const files = unzipSync(bytes);
  for (const [name, edit] of Object.entries(edits)) {
    const before = files[name];
    if (!before) throw new Error(`no part ${name}`);
    const xml = strFromU8(before);
    const after = edit(xml);
    if (after === xml) throw new Error(`edit of ${name} changed nothing`);
    files[name] = strToU8(after);
  }
  return zipSync(files);
}

/** Replaces the first occurrence, failing loudly when there is none. */
export function replaceOnce(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`not found: ${String(from)}`);
  return out;
}

/** The style element of `id` in styles.xml, edited. */
export function editStyle(styles: string, id: string, edit: (style: string) => string): string {
  const match = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(styles);
  if (!match) throw new Error(`no style ${id}`);
  return styles.replace(match[0], edit(match[0]));
}

// ---------------------------------------------------------------------------------------------
// Writing a model back out, as another producer would.

const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Body blocks in document order: a paragraph, or a whole table (once, at its first paragraph). */
type Block = { paragraph: DocxParagraph } | { table: DocxParagraph[][][] };

function blocks(doc: DocxDocument): Block[] {
  const out: Block[] = [];
  const seen = new Set<number>();
  for (const p of doc.paragraphs) {
    if (!p.cell) {
      out.push({ paragraph: p });
      continue;
    }
    if (seen.has(p.cell.table)) continue;
    seen.add(p.cell.table);
    const table = doc.tables[p.cell.table - 1]!;
    out.push({ table: table.rows.map((row) => row.map((cell) => cell.map((i) => doc.paragraphs[i - 1]!))) });
  }
  return out;
}

function lastOfSection(doc: DocxDocument, p: DocxParagraph): boolean {
  const next = doc.paragraphs[p.index];
  return next !== undefined && next.section > p.section && !p.cell;
}

/** Text with Word's line breaks and tabs: \n → w:br, \t → w:tab. */
function wText(text: string, tag = 'w:t'): string {
  return text
    .split(/(\n|\t)/)
    .map((piece) =>
      piece === '\n'
        ? '<w:br/>'
        : piece === '\t'
          ? '<w:tab/>'
          : piece === ''
            ? ''
            : `<${tag} xml:space="preserve">${esc(piece)}</${tag}>`,
    )
    .join('');
}

let rsidCounter = 0x00a1b2c3;
const rsid = (): string => (rsidCounter++).toString(16).toUpperCase().padStart(8, '0');

export interface WordLikeOptions {
  /** Add a deleted revision, an inserted one and a hidden run to the first body paragraph, and style-level bold/italic switched off by w:val="0" on the "Số" line. */
  revisions?: boolean;
}

function wordRun(run: DocxRun, extra = ''): string {
  // Word: Times New Roman comes from the theme (minorHAnsi) unless the user picked it by name.
  const named = run.fonts.ascii !== undefined && run.fonts.ascii !== 'Times New Roman';
  const fonts = named
    ? `<w:rFonts w:ascii="${esc(run.fonts.ascii!)}" w:hAnsi="${esc(run.fonts.hAnsi ?? run.fonts.ascii!)}" w:cs="${esc(run.fonts.ascii!)}"/>`
    : run.bold
      ? '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
      : '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorHAnsi"/>';
  const size = run.size !== undefined ? `<w:sz w:val="${run.size}"/><w:szCs w:val="${run.size}"/>` : '';
  const rPr = `<w:rPr>${fonts}${run.bold ? '<w:b/><w:bCs/>' : ''}${run.italic ? '<w:i/><w:iCs/>' : ''}${run.caps ? '<w:caps/>' : ''}${extra}${size}<w:lang w:val="vi-VN"/></w:rPr>`;
  // Word splits runs where the rsid changes: write each word group in its own run.
  const pieces = run.text.length > 40 ? [run.text.slice(0, 20), run.text.slice(20)] : [run.text];
  return pieces.map((piece) => `<w:r w:rsidR="${rsid()}" w:rsidRPr="${rsid()}">${rPr}${wText(piece)}</w:r>`).join('');
}

function wordPPr(doc: DocxDocument, p: DocxParagraph, inner: string): string {
  const { indent, spacing } = p;
  const line = spacing.line !== undefined ? ` w:line="${spacing.line}" w:lineRule="${spacing.lineRule ?? 'auto'}"` : '';
  const ind = indent.hanging > 0 ? ` w:hanging="${indent.hanging}"` : ` w:firstLine="${indent.firstLine}"`;
  const sect = lastOfSection(doc, p) ? wordSectPr(doc.sections[p.section]!) : '';
  return `<w:pPr>${inner}${p.pageBreakBefore && !sect ? '<w:pageBreakBefore/>' : ''}<w:spacing w:before="${spacing.before}" w:after="${spacing.after}"${line}/><w:ind w:left="${indent.left}" w:right="${indent.right}"${ind}/><w:jc w:val="${p.align}"/>${sect}</w:pPr>`;
}

function wordSectPr(s: DocxSection): string {
  const orient = s.page.width > s.page.height ? ' w:orient="landscape"' : '';
  const m = s.margins;
  return `<w:sectPr w:rsidR="${rsid()}"><w:headerReference w:type="default" r:id="rIdH1"/><w:headerReference w:type="first" r:id="rIdH2"/><w:pgSz w:w="${s.page.width}" w:h="${s.page.height}"${orient}/><w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${m.header ?? 567}" w:footer="${m.footer ?? 567}" w:gutter="0"/>${s.titlePage ? '<w:titlePg/>' : ''}<w:docGrid w:linePitch="360"/></w:sectPr>`;
}

function wordParagraph(
  doc: DocxDocument,
  p: DocxParagraph,
  options: WordLikeOptions,
  firstBody: boolean,
  numberLine: boolean,
): string {
  let runs = p.runs
    .map((run) => wordRun(run, numberLine && options.revisions ? '<w:b w:val="0"/><w:i w:val="false"/>' : ''))
    .join('');
  let style = '';
  if (options.revisions && numberLine) style = '<w:pStyle w:val="SoKyHieu"/>';
  if (options.revisions && firstBody) {
    const date = 'w:author="Chuyên viên" w:date="2026-01-02T03:04:00Z"';
    runs +=
      `<w:del w:id="901" ${date}><w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="18"/></w:rPr><w:delText xml:space="preserve"> ĐOẠN ĐÃ XÓA</w:delText></w:r></w:del>` +
      `<w:ins w:id="902" ${date}><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve"> (nội dung bổ sung)</w:t></w:r></w:ins>` +
      `<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:vanish/><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve"> GHI CHÚ ẨN</w:t></w:r>`;
  }
  return `<w:p w:rsidR="${rsid()}" w:rsidRDefault="${rsid()}" w:rsidP="${rsid()}">${wordPPr(doc, p, style)}${runs}</w:p>`;
}

function wordTable(doc: DocxDocument, rows: DocxParagraph[][][], emit: (p: DocxParagraph) => string): string {
  const columns = Math.max(...rows.map((r) => r.length));
  const width = Math.floor(9071 / columns);
  const grid = Array.from({ length: columns }, () => `<w:gridCol w:w="${width}"/>`).join('');
  const none = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="nil"/>`)
    .join('');
  const body = rows
    .map((row) => {
      const cells = row.map((cell, c) => {
        const span =
          c === row.length - 1 && row.length < columns ? `<w:gridSpan w:val="${columns - row.length + 1}"/>` : '';
        return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span}</w:tcPr>${cell.map(emit).join('')}</w:tc>`;
      });
      return `<w:tr w:rsidR="${rsid()}">${cells.join('')}</w:tr>`;
    })
    .join('');
  void doc;
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${none}</w:tblBorders><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

const THEME = (font: string): string =>
  `${HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="${font}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="${font}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme></a:themeElements></a:theme>`;

function packageFiles(
  document: string,
  styles: string,
  theme: string,
  headers: { default: string; first: string } | undefined,
  numbering?: string,
): Uint8Array {
  const rels = [
    '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
    '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>',
    ...(headers
      ? [
          '<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>',
          '<Relationship Id="rIdH2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>',
        ]
      : []),
  ].join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>${headers ? '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' : ''}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ),
    'word/document.xml': strToU8(document),
    'word/styles.xml': strToU8(styles),
    'word/theme/theme1.xml': strToU8(theme),
  };
  if (numbering !== undefined) files['word/numbering.xml'] = strToU8(numbering);
  if (headers) {
    files['word/header1.xml'] = strToU8(headers.default);
    files['word/header2.xml'] = strToU8(headers.first);
  }
  return zipSync(files);
}

/**
 * (b) The document as Word writes it: every paragraph and run carries its formatting directly,
 * rsid attributes everywhere, Times New Roman reached through the theme (minorHAnsi), and the
 * page number as a complex field (fldChar/instrText).
 */
export function wordLike(doc: DocxDocument, options: WordLikeOptions = {}): Uint8Array {
  const numberAt = doc.paragraphs.find((p) => /^Số\s*:/u.test(p.text))?.index;
  const firstBody = doc.paragraphs.find(
    (p) => !p.cell && p.align === 'both' && p.text.trim() !== '' && !p.runs.every((r) => r.bold),
  )?.index;
  const emit = (p: DocxParagraph): string =>
    wordParagraph(doc, p, options, p.index === firstBody, p.index === numberAt);
  const body = blocks(doc)
    .map((b) => ('paragraph' in b ? emit(b.paragraph) : wordTable(doc, b.table, emit)))
    .join('');
  const last = wordSectPr(doc.sections[doc.sections.length - 1]!);
  const document = `${HEAD}<w:document ${W_NS}><w:body>${body}${last}</w:body></w:document>`;
  const styles = `${HEAD}<w:styles ${W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style><w:style w:type="paragraph" w:styleId="SoKyHieu"><w:name w:val="So ky hieu"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:i/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4680"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style></w:styles>`;
  const pageField = `<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:noProof/><w:sz w:val="28"/></w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:noProof/><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p>`;
  const headers = {
    default: `${HEAD}<w:hdr ${W_NS}>${pageField}</w:hdr>`,
    first: `${HEAD}<w:hdr ${W_NS}><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p></w:hdr>`,
  };
  return packageFiles(document, styles, THEME('Times New Roman'), headers);
}

/**
 * (d) The document as pandoc writes it from Markdown: styles only (Title, Subtitle, Heading 1/2,
 * First Paragraph, Body Text, Compact), Cambria through the theme, US Letter with 1-inch margins,
 * no header table, no page number; the header lines are plain paragraphs, bold where Markdown
 * had **strong**. The appendix is left out, as a Markdown draft would.
 */
export function pandocLike(doc: DocxDocument, typeLine: number): Uint8Array {
  const paragraphs: string[] = [];
  let afterHeading = true;
  const recipientsAt = doc.paragraphs.findIndex((p) => /^Nơi nhận/u.test(p.text));
  const signatureEnd = doc.paragraphs.findIndex((p, i) => i > recipientsAt && p.section > 0);
  const end = signatureEnd < 0 ? doc.paragraphs.length : signatureEnd;
  for (const p of doc.paragraphs.slice(0, end)) {
    const text = p.text.replace(/\s+$/u, '');
    if (text.trim() === '') continue;
    const strong = p.runs.length > 0 && p.runs.every((r) => r.bold);
    let style: string;
    if (p.index === typeLine) style = 'Title';
    else if (p.index === typeLine + 1) style = 'Subtitle';
    else if (!p.cell && p.index > typeLine && /^[IVX]+\.\s/u.test(text)) style = 'Heading1';
    else if (!p.cell && p.index > typeLine && /^\d+\.\s/u.test(text) && strong) style = 'Heading2';
    else if (p.cell && p.index > typeLine) style = 'Compact';
    else style = afterHeading ? 'FirstParagraph' : 'BodyText';
    afterHeading = style.startsWith('Heading') || style === 'Title' || style === 'Subtitle';
    const bold =
      strong && !['Title', 'Subtitle', 'Heading1', 'Heading2'].includes(style) ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : '';
    const italic = !strong && p.runs.length > 0 && p.runs.every((r) => r.italic) ? '<w:rPr><w:i/><w:iCs/></w:rPr>' : '';
    const runs = text
      .split('\n')
      .map(
        (line, i) =>
          `<w:r>${bold || italic}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(line)}</w:t></w:r>`,
      )
      .join('');
    paragraphs.push(`<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${runs}</w:p>`);
  }
  const sect =
    '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/><w:cols w:space="720"/></w:sectPr>';
  const document = `${HEAD}<w:document ${W_NS}><w:body>${paragraphs.join('')}${sect}</w:body></w:document>`;
  const style = (id: string, name: string, basedOn: string | undefined, pPr: string, rPr: string): string =>
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/>${basedOn ? `<w:basedOn w:val="${basedOn}"/>` : ''}<w:qFormat/>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}</w:style>`;
  const styles = `${HEAD}<w:styles ${W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="200"/></w:pPr></w:pPrDefault></w:docDefaults>${[
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>',
    style('BodyText', 'Body Text', 'Normal', '<w:spacing w:before="180" w:after="180"/>', ''),
    style('FirstParagraph', 'First Paragraph', 'BodyText', '', ''),
    style('Compact', 'Compact', 'BodyText', '<w:spacing w:before="36" w:after="36"/>', ''),
    style(
      'Title',
      'Title',
      'BodyText',
      '<w:keepNext/><w:keepLines/><w:spacing w:before="480" w:after="240"/><w:jc w:val="center"/>',
      '<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:b/><w:bCs/><w:color w:val="345A8A"/><w:sz w:val="36"/><w:szCs w:val="36"/>',
    ),
    style(
      'Subtitle',
      'Subtitle',
      'Title',
      '<w:spacing w:before="240" w:after="240"/>',
      '<w:sz w:val="30"/><w:szCs w:val="30"/>',
    ),
    style(
      'Heading1',
      'heading 1',
      'Normal',
      '<w:keepNext/><w:keepLines/><w:spacing w:before="480" w:after="0"/><w:outlineLvl w:val="0"/>',
      '<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:b/><w:bCs/><w:color w:val="4F81BD"/><w:sz w:val="32"/><w:szCs w:val="32"/>',
    ),
    style(
      'Heading2',
      'heading 2',
      'Normal',
      '<w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="0"/><w:outlineLvl w:val="1"/>',
      '<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:b/><w:bCs/><w:color w:val="4F81BD"/><w:sz w:val="28"/><w:szCs w:val="28"/>',
    ),
  ].join('')}</w:styles>`;
  return packageFiles(document, styles, THEME('Cambria'), undefined);
}

/** A small document around `body` (w:p and w:tbl elements), for reader tests; numbering.xml's inner XML when given. */
export function minimalDocx(body: string, numbering?: string): Uint8Array {
  const document = `${HEAD}<w:document ${W_NS}><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1134" w:bottom="1134" w:left="1701"/></w:sectPr></w:body></w:document>`;
  const styles = `${HEAD}<w:styles ${W_NS}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;
  return packageFiles(
    document,
    styles,
    THEME('Times New Roman'),
    undefined,
    numbering === undefined ? undefined : `${HEAD}<w:numbering ${W_NS}>${numbering}</w:numbering>`,
  );
}

// ---------------------------------------------------------------------------------------------
// (c) LibreOffice: a flat ODT with named paragraph styles, converted by soffice.

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"';

const ptOf = (twips: number): string => `${twips / 20}pt`;
const ODF_ALIGN: Record<DocxParagraph['align'], string> = {
  left: 'start',
  center: 'center',
  right: 'end',
  both: 'justify',
  distribute: 'justify',
};

function odfRunProps(run: DocxRun | undefined): string {
  if (!run) return '';
  return `<style:text-properties style:font-name="${esc(run.fonts.ascii ?? 'Times New Roman')}" fo:font-size="${(run.size ?? 28) / 2}pt" fo:font-weight="${run.bold ? 'bold' : 'normal'}" fo:font-style="${run.italic ? 'italic' : 'normal'}" fo:language="vi" fo:country="VN"/>`;
}

function odfParagraphProps(p: DocxParagraph): string {
  const { indent, spacing } = p;
  let line = '';
  if (spacing.line !== undefined) {
    if (spacing.lineRule === 'exact') line = ` fo:line-height="${ptOf(spacing.line)}"`;
    else if (spacing.lineRule === 'atLeast') line = ` style:line-height-at-least="${ptOf(spacing.line)}"`;
    else line = ` fo:line-height="${Math.round((spacing.line / 240) * 100)}%"`;
  }
  const first = indent.hanging > 0 ? -indent.hanging : indent.firstLine;
  return `<style:paragraph-properties fo:text-align="${ODF_ALIGN[p.align]}" fo:margin-left="${ptOf(indent.left)}" fo:margin-right="${ptOf(indent.right)}" fo:text-indent="${ptOf(first)}" fo:margin-top="${ptOf(spacing.before)}" fo:margin-bottom="${ptOf(spacing.after)}"${line}/>`;
}

function odfText(text: string): string {
  return esc(text)
    .replace(/\n/g, '<text:line-break/>')
    .replace(/\t/g, '<text:tab/>')
    .replace(/ {2,}/g, (spaces) => ` <text:s text:c="${spaces.length - 1}"/>`);
}

export function flatOdt(doc: DocxDocument): string {
  const styleIds = new Map<string, DocxParagraph>();
  for (const p of doc.paragraphs) if (!styleIds.has(p.styleId ?? 'Standard')) styleIds.set(p.styleId ?? 'Standard', p);
  const styleRun = (id: string): DocxRun | undefined => styleIds.get(id)?.runs.find((r) => r.text.trim() !== '');
  const named = [...styleIds.entries()]
    .map(
      ([id, p]) =>
        `<style:style style:name="K_${id}" style:display-name="${esc(p.styleName ?? id)}" style:family="paragraph" style:class="text">${odfParagraphProps(p)}${odfRunProps(styleRun(id))}</style:style>`,
    )
    .join('');
  const automatic: string[] = [];
  const spanStyles = new Map<string, string>();
  const span = (run: DocxRun): string => {
    const props = odfRunProps(run);
    let name = spanStyles.get(props);
    if (!name) {
      name = `T${spanStyles.size + 1}`;
      spanStyles.set(props, name);
      automatic.push(`<style:style style:name="${name}" style:family="text">${props}</style:style>`);
    }
    return name;
  };
  const paragraphStyle = (p: DocxParagraph): string => {
    const id = `K_${p.styleId ?? 'Standard'}`;
    const previous = doc.paragraphs[p.index - 2];
    if (!p.cell && previous && previous.section < p.section) {
      const name = `PS${p.section}`;
      automatic.push(
        `<style:style style:name="${name}" style:family="paragraph" style:parent-style-name="${id}" style:master-page-name="M${p.section}"/>`,
      );
      return name;
    }
    // Paragraphs whose own formatting differs from their style's (the renderer sets a few directly).
    const model = styleIds.get(p.styleId ?? 'Standard')!;
    if (odfParagraphProps(model) !== odfParagraphProps(p)) {
      const name = `PD${p.index}`;
      automatic.push(
        `<style:style style:name="${name}" style:family="paragraph" style:parent-style-name="${id}">${odfParagraphProps(p)}</style:style>`,
      );
      return name;
    }
    return id;
  };
  const paragraph = (p: DocxParagraph): string => {
    const base = styleRun(p.styleId ?? 'Standard');
    const runs = p.runs
      .map((run) =>
        base && odfRunProps(run) === odfRunProps(base)
          ? odfText(run.text)
          : `<text:span text:style-name="${span(run)}">${odfText(run.text)}</text:span>`,
      )
      .join('');
    return `<text:p text:style-name="${paragraphStyle(p)}">${runs}</text:p>`;
  };
  let tables = 0;
  const body = blocks(doc)
    .map((b) => {
      if ('paragraph' in b) return paragraph(b.paragraph);
      tables++;
      const columns = Math.max(...b.table.map((r) => r.length));
      const tableStyle = `Tbl${tables}`;
      const first = b.table[0]?.[0]?.[0];
      const master = tables === 1 && first?.index === 1 ? ' style:master-page-name="First_20_Page"' : '';
      automatic.push(
        `<style:style style:name="${tableStyle}" style:family="table"${master}><style:table-properties style:width="16cm" table:align="center"/></style:style>`,
      );
      const rows = b.table
        .map((row) => {
          const cells = row.map((cell, c) => {
            const span = c === row.length - 1 && row.length < columns ? columns - row.length + 1 : 1;
            const spanned = span > 1 ? ` table:number-columns-spanned="${span}"` : '';
            return `<table:table-cell office:value-type="string"${spanned}>${cell.map(paragraph).join('')}</table:table-cell>${'<table:covered-table-cell/>'.repeat(span - 1)}`;
          });
          return `<table:table-row>${cells.join('')}</table:table-row>`;
        })
        .join('');
      return `<table:table table:name="Bang${tables}" table:style-name="${tableStyle}"><table:table-column table:number-columns-repeated="${columns}"/>${rows}</table:table>`;
    })
    .join('');
  const layouts = doc.sections
    .map((s, i) => {
      const m = s.margins;
      const landscape = s.page.width > s.page.height;
      return `<style:page-layout style:name="pm${i}"><style:page-layout-properties fo:page-width="${ptOf(s.page.width)}" fo:page-height="${ptOf(s.page.height)}" style:print-orientation="${landscape ? 'landscape' : 'portrait'}" fo:margin-top="${ptOf(m.header ?? 567)}" fo:margin-bottom="${ptOf(m.bottom)}" fo:margin-left="${ptOf(m.left)}" fo:margin-right="${ptOf(m.right)}"/><style:header-style><style:header-footer-properties fo:min-height="${ptOf(m.top - (m.header ?? 567))}" fo:margin-bottom="0pt"/></style:header-style></style:page-layout>`;
    })
    .join('');
  const header =
    '<style:header><text:p text:style-name="K_PageNumber"><text:page-number text:select-page="current">1</text:page-number></text:p></style:header>';
  const masters = [
    `<style:master-page style:name="Standard" style:page-layout-name="pm0">${header}</style:master-page>`,
    '<style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="pm0" style:next-style-name="Standard"/>',
    ...doc.sections
      .slice(1)
      .map(
        (_, k) =>
          `<style:master-page style:name="M${k + 1}" style:page-layout-name="pm${k + 1}">${header}</style:master-page>`,
      ),
  ].join('');
  const pageNumberStyle =
    '<style:style style:name="K_PageNumber" style:display-name="Số trang" style:family="paragraph" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="Times New Roman" fo:font-size="14pt"/></style:style>';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${ODF_NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"><office:font-face-decls><style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman" style:font-pitch="variable"/></office:font-face-decls><office:styles><style:default-style style:family="paragraph"><style:text-properties style:font-name="Times New Roman" fo:font-size="14pt" fo:language="vi" fo:country="VN"/></style:default-style>${named}${pageNumberStyle}</office:styles><office:automatic-styles>${layouts}${automatic.join('')}</office:automatic-styles><office:master-styles>${masters}</office:master-styles><office:body><office:text>${body}</office:text></office:body></office:document>`;
}

export function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** Converts with soffice in a private profile; the temporary folder goes afterwards. */
export function libreOfficeDocx(doc: DocxDocument): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-lo-'));
  try {
    writeFileSync(join(dir, 'draft.fodt'), flatOdt(doc));
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        dir,
        join(dir, 'draft.fodt'),
      ],
      {
        stdio: 'pipe',
        timeout: 120_000,
      },
    );
    return readFileSync(join(dir, 'draft.docx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export { readDocx };
