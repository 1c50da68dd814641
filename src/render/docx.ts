// Document model → docx objects. Every paragraph names a style built here from layout.ts, so the
// .docx carries named styles a clerk can see in Word, and no paragraph carries a stray size.
// renderPlan packs these objects once per section layout as the skeleton of every package
// (styles, headers, section properties) and writes the body with ooxml.ts, which must match them.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphStyleOptions,
  type IRunStylePropertiesOptions,
  type ISectionOptions,
} from 'docx';
import {
  COLOR,
  FONT,
  LANDSCAPE_MARGINS,
  LANGUAGE,
  PAGE,
  PORTRAIT_MARGINS,
  RULE_SIZE,
  SINGLE_LINE,
  STYLES,
  TABLE_BORDER_SIZE,
  type Align,
  type StyleId,
  type StyleSpec,
} from './layout.js';
import type { Block, Cell, Para, Rule, Section, Table as TableModel } from './model.js';
import { ruleIndent } from './ooxml.js';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  justify: AlignmentType.JUSTIFIED,
} as const satisfies Record<Align, unknown>;

function runProperties(spec: StyleSpec): IRunStylePropertiesOptions {
  return {
    font: FONT,
    size: spec.size * 2,
    color: COLOR,
    language: { value: LANGUAGE },
    ...(spec.bold ? { bold: true } : {}),
    ...(spec.italic ? { italics: true } : {}),
  };
}

function paragraphStyle(id: StyleId): IParagraphStyleOptions {
  const spec: StyleSpec = STYLES[id];
  return {
    id,
    name: spec.name,
    ...(id === 'Normal' ? {} : { basedOn: 'Normal', next: 'Normal' }),
    quickFormat: true,
    run: runProperties(spec),
    paragraph: {
      alignment: ALIGN[spec.align],
      indent: { left: 0, right: 0, firstLine: spec.firstLine ?? 0 },
      spacing: { before: spec.before, after: spec.after, line: spec.line, lineRule: LineRuleType.AUTO },
      ...(spec.keepNext ? { keepNext: true } : {}),
      ...(spec.outlineLevel !== undefined ? { outlineLevel: spec.outlineLevel } : {}),
      ...(spec.rule ? { border: { top: { style: BorderStyle.SINGLE, size: RULE_SIZE, color: COLOR, space: 1 } } } : {}),
    },
  };
}

function paragraph(block: Para): Paragraph {
  const runs =
    block.text === ''
      ? []
      : block.text.split('\n').map((text, i) => new TextRun(i === 0 ? { text } : { text, break: 1 }));
  return new Paragraph({ style: block.style, children: runs, ...(block.keepNext ? { keepNext: true } : {}) });
}

function ruleParagraph(block: Rule): Paragraph {
  const side = ruleIndent(block);
  return new Paragraph({ style: 'Rule', indent: { left: side, right: side } });
}

const SINGLE = { style: BorderStyle.SINGLE, size: TABLE_BORDER_SIZE, color: COLOR };
const SINGLE_BORDERS = {
  top: SINGLE,
  bottom: SINGLE,
  left: SINGLE,
  right: SINGLE,
  insideHorizontal: SINGLE,
  insideVertical: SINGLE,
};

function cell(model: Cell, width: number): TableCell {
  return new TableCell({
    children: model.blocks.map((b) => (b.type === 'rule' ? ruleParagraph(b) : paragraph(b))),
    width: { size: width, type: WidthType.DXA },
    ...(model.span !== undefined && model.span > 1 ? { columnSpan: model.span } : {}),
    verticalAlign: model.valign === 'center' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
  });
}

function table(model: TableModel): Table {
  const total = model.columns.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...model.columns],
    layout: TableLayoutType.FIXED,
    borders: model.borders === 'none' ? TableBorders.NONE : SINGLE_BORDERS,
    rows: model.rows.map((row) => {
      let column = 0;
      return new TableRow({
        ...(row.header ? { tableHeader: true } : {}),
        ...(row.cantSplit ? { cantSplit: true } : {}),
        children: row.cells.map((c) => {
          const span = c.span ?? 1;
          const width = model.columns.slice(column, column + span).reduce((a, b) => a + b, 0);
          column += span;
          return cell(c, width);
        }),
      });
    }),
  });
}

function block(model: Block): Paragraph | Table {
  if (model.type === 'table') return table(model);
  if (model.type === 'rule') return ruleParagraph(model);
  return paragraph(model);
}

// Decree 30: page numbers centred in the top margin, never on the first page. Each section
// (the body, then the appendix with its own numbering) starts at 1 with an empty first header.
function section(model: Section, index: number): ISectionOptions {
  const landscape = model.orientation === 'landscape';
  const margin = landscape ? LANDSCAPE_MARGINS : PORTRAIT_MARGINS;
  return {
    properties: {
      ...(index > 0 ? { type: SectionType.NEXT_PAGE } : {}),
      titlePage: true,
      page: {
        size: {
          width: PAGE.width,
          height: PAGE.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { ...margin, gutter: 0 },
        pageNumbers: { start: 1 },
      },
    },
    headers: {
      default: new Header({
        children: [new Paragraph({ style: 'PageNumber', children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
      }),
      first: new Header({ children: [new Paragraph({ style: 'PageNumber' })] }),
    },
    children: model.blocks.map(block),
  };
}

/** docProps/core.xml is not taken from here: renderPlan writes its own, dated by the caller. */
export function toDocx(sections: readonly Section[]): Document {
  const normal = STYLES.Normal;
  return new Document({
    theme: { fonts: { headings: FONT, body: FONT } },
    styles: {
      default: {
        document: {
          run: runProperties(normal),
          paragraph: { spacing: { before: 0, after: 0, line: SINGLE_LINE, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles: (Object.keys(STYLES) as StyleId[]).map(paragraphStyle),
    },
    sections: sections.map(section),
  });
}
