// The appendix task table (STT, Nội dung, Chủ trì, Phối hợp, Thời gian, Sản phẩm): group rows
// (a Roman numeral and the group's name, often one merged cell) and task rows.
import { GROUP_KEYS, type GroupKey } from '../../plan/types.js';
import type { DocxParagraph, DocxTable } from '../model.js';
import { at, emphasized, leftover, use, type Ctx, type TaskDraft } from './draft.js';
import { matchGroup, matchHeading } from './groups.js';
import { COLUMN_WORDS } from './phrases.js';
import { splitNames, squash, unbullet, untrail } from './text.js';

type Column = (typeof COLUMN_WORDS)[number][0] | 'other';

export interface TableTask {
  group?: GroupKey;
  /** The group came from the task's wording: no group row named it. */
  groupGuessed: boolean;
  task: TaskDraft;
}

function columnsOf(texts: readonly string[]): Column[] {
  return texts.map((t) => {
    const key = squash(t).toLocaleLowerCase('vi');
    return COLUMN_WORDS.find(([, test]) => test.test(key))?.[0] ?? 'other';
  });
}

function headerRow(ctx: Ctx, table: DocxTable): { row: number; columns: Column[] } | undefined {
  for (let r = 0; r < Math.min(3, table.rows.length); r++) {
    const texts = (table.rows[r] ?? []).map((cell) => cell.map((i) => paraOf(ctx, i)?.text ?? '').join(' '));
    const columns = columnsOf(texts);
    if (columns.includes('content') && columns.includes('lead')) return { row: r, columns };
  }
  return undefined;
}

const paraOf = (ctx: Ctx, index: number): DocxParagraph | undefined => ctx.byIndex.get(index);

/** The task tables of the plan: tables whose header names the content and lead columns. */
export function taskTables(ctx: Ctx): DocxTable[] {
  return ctx.doc.tables.filter((t) => {
    const first = t.rows[0]?.[0]?.[0];
    return first !== undefined && first >= ctx.part.start && first <= ctx.part.end && headerRow(ctx, t) !== undefined;
  });
}

const ROMAN_OR_LETTER = /^(?:[IVXL]+|[A-ZĐ])\.?$/u;

export function readTaskTable(ctx: Ctx, table: DocxTable, known: Set<string>): TableTask[] {
  const header = headerRow(ctx, table);
  if (!header) return [];
  const tasks: TableTask[] = [];
  let group: GroupKey | undefined;
  let groupRows = 0;
  let groupNamed = false;
  const headerTexts = (table.rows[header.row] ?? []).map((cell) =>
    cell.map((i) => paraOf(ctx, i)?.text ?? '').join(' '),
  );
  table.rows.forEach((row, r) => {
    const paras = row.map((cell) => cell.map((i) => paraOf(ctx, i)).filter((p): p is DocxParagraph => p !== undefined));
    const texts = paras.map((cell) =>
      cell
        .map((p) => p.text)
        .join('\n')
        .trim(),
    );
    const all = paras.flat();
    if (
      r <= header.row ||
      texts.join('|') === headerTexts.join('|').trim() ||
      texts.every((t) => /^\(?\d*\)?$/u.test(t))
    ) {
      for (const p of all) use(ctx, p);
      return;
    }
    const cellOf = (column: Column): { text: string; paras: DocxParagraph[] } | undefined => {
      const i = header.columns.indexOf(column);
      return i < 0 || row.length !== header.columns.length
        ? undefined
        : { text: texts[i] ?? '', paras: paras[i] ?? [] };
    };
    const content = cellOf('content');
    const filled = (['lead', 'partners', 'period', 'output'] as const).some((c) => (cellOf(c)?.text ?? '') !== '');
    const stt = cellOf('stt')?.text ?? '';
    const isGroup =
      row.length !== header.columns.length ||
      ROMAN_OR_LETTER.test(stt) ||
      (!filled && content !== undefined && content.paras.every((p) => emphasized(p) || p.text.trim() === ''));
    if (isGroup) {
      for (const p of all) use(ctx, p);
      const label = (
        texts.filter((t) => !ROMAN_OR_LETTER.test(t) && !/^\d+\.?$/u.test(t)).sort((a, b) => b.length - a.length)[0] ??
        ''
      ).replace(/^[IVXL]+\.\s*/u, '');
      if (label === '') return;
      group = ctx.exact ? GROUP_KEYS[groupRows] : matchHeading(label);
      groupRows++;
      groupNamed = group !== undefined;
      if (group === undefined) {
        const first = all.find((p) => p.text.trim() !== '');
        if (first)
          ctx.leftovers.push({
            paragraph: first.index,
            text: squash(label),
            why: 'nhóm trong bảng phụ lục không khớp nhóm nào trong năm nhóm của Công văn 404; các nhiệm vụ dưới nó được xếp theo nội dung',
          });
      }
      return;
    }
    for (const p of all) use(ctx, p);
    if (!content || content.text === '') {
      for (const p of all) leftover(ctx, p, 'dòng của bảng phụ lục không có nội dung nhiệm vụ');
      return;
    }
    const single = (column: Column): { value: string; at: DocxParagraph } | undefined => {
      const cell = cellOf(column);
      if (!cell || cell.text === '') return undefined;
      const value = ctx.exact
        ? cell.paras.map((p) => p.text).join(' ')
        : untrail(squash(cell.text.replace(/^[-+•]\s*/u, '')));
      return value === '' ? undefined : { value, at: cell.paras.find((p) => p.text.trim() !== '') ?? cell.paras[0]! };
    };
    const task: TaskDraft = { at: content.paras[0]!.index };
    const c = single('content')!;
    task.content = at(ctx.exact ? c.value : squash(content.text), c.at);
    for (const field of ['lead', 'period', 'output'] as const) {
      const v = single(field);
      if (v) task[field] = at(v.value, v.at);
    }
    const partnerCell = cellOf('partners');
    if (partnerCell && partnerCell.text !== '') {
      const partners = ctx.exact
        ? partnerCell.paras.filter((p) => p.text !== '').map((p) => at(p.text, p))
        : partnerCell.paras.flatMap((p) =>
            p.text
              .split(/\n|;/u)
              .map((s) => untrail(unbullet(s.trim())))
              .filter((s) => s !== '')
              .flatMap((s) => splitNames(s, known, { and: false }))
              .map((s) => at(s, p)),
          );
      if (partners.length > 0) task.partners = partners;
    }
    const other = header.columns.flatMap((col, i) =>
      col === 'other' && (texts[i] ?? '') !== '' ? (paras[i] ?? []) : [],
    );
    for (const p of other)
      leftover(
        ctx,
        p,
        `cột «${squash(headerTexts[header.columns.indexOf('other')] ?? '')}» của bảng phụ lục: kế hoạch không có trường này`,
      );
    if (group !== undefined) {
      tasks.push({ group, groupGuessed: !groupNamed, task });
      return;
    }
    const guess = matchGroup(task.content.value);
    tasks.push({ ...(guess ? { group: guess } : {}), groupGuessed: true, task });
  });
  return tasks;
}
