// Plan + templates → document model: the letterhead and the signature block (fixed by Decree 30),
// the templates' lines in between, and the landscape appendix with the task table.
import { decree30Date, documentNumber, placeAndDate } from '../text/date.js';
import { KIND_LABELS } from '../plan/labels.js';
import { titleWithoutKind } from '../plan/title.js';
import { GROUP_KEYS, planYear, type Plan, type Task } from '../plan/types.js';
import {
  APPENDIX_COLUMNS,
  CELL_PADDING,
  LANDSCAPE_TEXT_WIDTH,
  LETTERHEAD_COLUMNS,
  MEASURE_SLACK,
  SHORT_RULE_RATIO,
  SIGNATURE_ROOM_LINES,
  STYLES,
  TEXT_WIDTH,
  signatureColumns,
  type StyleId,
  type StyleSpec,
} from './layout.js';
import { type Line, unescapeText } from './markup.js';
import { balanceLines, breakName, textWidth } from './measure.js';
import {
  para,
  type Block,
  type Cell,
  type DocModel,
  type Para,
  type Properties,
  type Row,
  type Rule,
} from './model.js';
import { roman } from './numbering.js';
import { recipientLines, signerLines, upperVi } from './signer.js';
import { runTemplates, type TemplateSet } from './templates.js';
import type { View } from './view.js';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

function fontOf(style: StyleId): { size: number; bold: boolean } {
  const spec: StyleSpec = STYLES[style];
  return { size: spec.size, bold: spec.bold ?? false };
}

const widthIn = (style: StyleId, text: string): number => textWidth(text, fontOf(style).size, fontOf(style).bold);

const rule = (width: number, within: number): Rule => ({
  type: 'rule',
  width: Math.round(Math.min(width, within)),
  within,
});

function nameLines(style: 'Agency' | 'AgencyParent', name: string, within: number): Para[] {
  const { size, bold } = fontOf(style);
  return breakName(upperVi(name), within * MEASURE_SLACK, size, bold).map((line) => para(style, line));
}

// Centred headings that run over a line are broken evenly by hand, as clerks do with Shift+Enter.
const BALANCED: ReadonlySet<StyleId> = new Set(['DocTitle', 'AppendixTitle', 'AppendixNote']);

function balanced(style: StyleId, text: string, width: number): Para {
  if (!BALANCED.has(style)) return para(style, text);
  const { size, bold } = fontOf(style);
  return para(style, balanceLines(text, width * MEASURE_SLACK, size, bold).join('\n'));
}

function letterhead(plan: Plan): Block {
  const [leftWidth, rightWidth] = LETTERHEAD_COLUMNS;
  const left = leftWidth - 2 * CELL_PADDING;
  const right = rightWidth - 2 * CELL_PADDING;
  const parent = plan.agency.parent ? nameLines('AgencyParent', plan.agency.parent, left) : [];
  const agency = nameLines('Agency', plan.agency.name, left);
  const agencyWidth = Math.max(...agency.map((p) => widthIn('Agency', p.text)));
  const symbol = `${documentNumber(plan.document.number)}/${KIND_LABELS[plan.kind].abbreviation}-${plan.agency.short}`;
  return {
    type: 'table',
    columns: LETTERHEAD_COLUMNS,
    borders: 'none',
    rows: [
      {
        cantSplit: true,
        cells: [
          { blocks: [...parent, ...agency, rule(agencyWidth * SHORT_RULE_RATIO, left)] },
          { blocks: [para('NationalName', NATIONAL_NAME), para('Motto', MOTTO), rule(widthIn('Motto', MOTTO), right)] },
        ],
      },
      {
        cantSplit: true,
        cells: [
          { blocks: [para('DocNumber', `Số: ${symbol}`)] },
          { blocks: [para('PlaceDate', placeAndDate(plan.agency.place, plan.document.date, planYear(plan)))] },
        ],
      },
    ],
  };
}

function longestLine(p: Para): number {
  return Math.max(...p.text.split('\n').map((t) => widthIn(p.style, t)));
}

function linesToBlocks(lines: readonly Line[], width: number): Block[] {
  const blocks: Block[] = [];
  let previous: Para | undefined;
  for (const line of lines) {
    if (line.kind === 'para') {
      previous = balanced(line.style, line.text, width);
      blocks.push(previous);
    } else if (line.kind === 'rule') {
      const above = previous === undefined ? width : Math.min(width, longestLine(previous));
      blocks.push(rule(above * SHORT_RULE_RATIO, width));
    }
  }
  return blocks;
}

function signature(plan: Plan): Block {
  const signer: Para[] = signerLines(plan.signer).map((line) => para('SignerAuthority', line));
  const widest = Math.max(
    ...signer.map((p) => widthIn(p.style, p.text)),
    plan.signer.name === undefined ? 0 : widthIn('SignerName', plan.signer.name),
  );
  for (let i = 0; i < SIGNATURE_ROOM_LINES; i++) signer.push(para('SignatureSpace', ''));
  if (plan.signer.name !== undefined) signer.push(para('SignerName', plan.signer.name));
  const recipients = [
    para('RecipientsLabel', 'Nơi nhận:'),
    ...recipientLines(plan.recipients, plan.archive).map((line) => para('Recipient', line)),
  ];
  return {
    type: 'table',
    columns: signatureColumns(widest),
    borders: 'none',
    rows: [
      {
        cantSplit: true,
        cells: [
          { blocks: recipients, valign: 'top' },
          { blocks: signer, valign: 'top' },
        ],
      },
    ],
  };
}

function taskRow(task: Task, index: number): Row {
  const cell = (style: StyleId, ...texts: string[]): Cell => ({
    blocks: (texts.length > 0 ? texts : ['']).map((t) => para(style, t)),
    valign: 'center',
  });
  return {
    cantSplit: true,
    cells: [
      cell('TableCentre', String(index + 1)),
      cell('TableJustify', task.content),
      cell('TableText', task.lead),
      cell('TableText', ...(task.partners ?? [])),
      cell('TableCentre', task.period ?? ''),
      cell('TableText', task.output ?? ''),
    ],
  };
}

function taskTable(plan: Plan, view: View, headings: readonly string[]): Block {
  const rows: Row[] = [
    {
      header: true,
      cantSplit: true,
      cells: headings.map((text) => ({ blocks: [para('TableHead', text)], valign: 'center' })),
    },
  ];
  GROUP_KEYS.forEach((key, index) => {
    const label = unescapeText(view.groups[index]?.label ?? '');
    rows.push({
      cantSplit: true,
      cells: [
        { blocks: [para('TableHead', roman(index + 1))], valign: 'center' },
        { blocks: [para('TableGroup', label)], span: APPENDIX_COLUMNS.length - 1, valign: 'center' },
      ],
    });
    plan.tasks[key].forEach((task, i) => rows.push(taskRow(task, i)));
  });
  return { type: 'table', columns: APPENDIX_COLUMNS, borders: 'single', rows };
}

function appendix(plan: Plan, view: View, lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let pending: Line[] = [];
  for (const line of lines) {
    if (line.kind === 'columns') {
      blocks.push(...linesToBlocks(pending, LANDSCAPE_TEXT_WIDTH), taskTable(plan, view, line.cells));
      pending = [];
    } else {
      pending.push(line);
    }
  }
  blocks.push(...linesToBlocks(pending, LANDSCAPE_TEXT_WIDTH));
  return blocks;
}

function properties(plan: Plan): Properties {
  const kind = KIND_LABELS[plan.kind].name;
  const code = `${KIND_LABELS[plan.kind].abbreviation}-${plan.agency.short}`;
  const numbered =
    plan.document.number === undefined
      ? `${kind} (chưa có số) ${code}`
      : `${kind} số ${documentNumber(plan.document.number)}/${code}`;
  const dated = plan.document.date === undefined ? '' : ` ${decree30Date(plan.document.date, planYear(plan))}`;
  return {
    title: `${kind} ${titleWithoutKind(plan.document.title, plan.kind)}`,
    subject: 'Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030',
    creator: plan.agency.name,
    keywords: `Ngoại giao văn hóa; Chiến lược Ngoại giao văn hóa đến năm 2030; 2013/QĐ-TTg; 404/BNG-NGVH-UNESCO; ${code}`,
    description: `${numbered}${dated} của ${plan.agency.name}`,
    lastModifiedBy: plan.agency.name,
  };
}

export function composeDocument(plan: Plan, set: TemplateSet): DocModel {
  if (set.kind !== plan.kind) throw new Error(`templates for ${set.kind} given a ${plan.kind} plan`);
  const { view, parts } = runTemplates(set, plan);
  const body = [
    ...parts.title,
    ...parts.opening,
    ...parts.purposes,
    ...parts.tasks,
    ...parts.funding,
    ...parts.implementation,
  ];
  const text = linesToBlocks(body, TEXT_WIDTH);
  // Decree 30 practice: the signature never stands alone on a page; the last lines go with it.
  const last = text[text.length - 1];
  if (last?.type === 'para') last.keepNext = true;
  const main: Block[] = [letterhead(plan), ...text, { ...para('Normal', ''), keepNext: true }, signature(plan)];
  const sections: DocModel['sections'] = [{ orientation: 'portrait', blocks: main }];
  if (view.appendix) sections.push({ orientation: 'landscape', blocks: appendix(plan, view, parts.appendix) });
  return { properties: properties(plan), sections };
}
