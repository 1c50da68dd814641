// Blocks → the WordprocessingML that docx writes for them (docx.ts maps the same blocks to docx
// objects; test/render-output.test.ts checks that both give identical document.xml). Writing
// the body directly costs well under a millisecond where docx's object tree costs ten or more.
import type { Block, Cell, Para, Row, Rule, Table } from './model.js';
import { COLOR, TABLE_BORDER_SIZE } from './layout.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// Characters XML 1.0 cannot hold at all; a valid plan has none, but a corrupt file is worse.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&"<>']/g, (c) => ENTITIES[c] ?? c);
}

function runs(text: string): string {
  if (text === '') return '';
  return text
    .split('\n')
    .map((line, i) => `<w:r>${i === 0 ? '' : '<w:br/>'}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`)
    .join('');
}

export function paraXml(p: Para): string {
  return `<w:p><w:pPr><w:pStyle w:val="${p.style}"/>${p.keepNext ? '<w:keepNext/>' : ''}</w:pPr>${runs(p.text)}</w:p>`;
}

/** Indents that centre a rule of `width` inside `within`; docx.ts uses the same numbers. */
export function ruleIndent(r: Rule): number {
  return Math.max(0, Math.floor((r.within - r.width) / 2));
}

function ruleXml(r: Rule): string {
  const side = ruleIndent(r);
  return `<w:p><w:pPr><w:pStyle w:val="Rule"/><w:ind w:left="${side}" w:right="${side}"/></w:pPr></w:p>`;
}

const EDGES = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'];

function bordersXml(kind: Table['borders']): string {
  const attrs =
    kind === 'none'
      ? 'w:val="none" w:color="auto" w:sz="0"'
      : `w:val="single" w:color="${COLOR}" w:sz="${TABLE_BORDER_SIZE}"`;
  return `<w:tblBorders>${EDGES.map((e) => `<w:${e} ${attrs}/>`).join('')}</w:tblBorders>`;
}

function cellXml(c: Cell, width: number): string {
  const span = c.span !== undefined && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : '';
  const props = `<w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span}<w:vAlign w:val="${c.valign === 'center' ? 'center' : 'top'}"/></w:tcPr>`;
  return `<w:tc>${props}${c.blocks.map((b) => (b.type === 'rule' ? ruleXml(b) : paraXml(b))).join('')}</w:tc>`;
}

function rowXml(row: Row, columns: readonly number[]): string {
  const props =
    row.cantSplit || row.header
      ? `<w:trPr>${row.cantSplit ? '<w:cantSplit/>' : ''}${row.header ? '<w:tblHeader/>' : ''}</w:trPr>`
      : '';
  let column = 0;
  const cells = row.cells.map((c) => {
    const span = c.span ?? 1;
    const width = columns.slice(column, column + span).reduce((a, b) => a + b, 0);
    column += span;
    return cellXml(c, width);
  });
  return `<w:tr>${props}${cells.join('')}</w:tr>`;
}

function tableXml(t: Table): string {
  const total = t.columns.reduce((a, b) => a + b, 0);
  const grid = t.columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/>${bordersXml(t.borders)}<w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${grid}</w:tblGrid>${t.rows.map((r) => rowXml(r, t.columns)).join('')}</w:tbl>`
  );
}

export function blocksXml(blocks: readonly Block[]): string {
  let out = '';
  for (const b of blocks) out += b.type === 'table' ? tableXml(b) : b.type === 'rule' ? ruleXml(b) : paraXml(b);
  return out;
}
