// A .docx read into a plan: importPlan(doc, part) is pure (no file system). Exact for what
// kehoach rendered itself (it inverts the renderer from the visible text), best effort for a plan
// typed in Word; whatever cannot be placed is returned as a leftover with its paragraph.
import { upperVi } from '../../render/signer.js';
import { GROUP_KEYS, type GroupKey, type Sector } from '../../plan/types.js';
import type { DocxDocument } from '../model.js';
import type { PlanPart } from '../part.js';
import { assemble } from './assemble.js';
import { readBody } from './body.js';
import { at, blank, leftover, type Ctx, type Draft, type KnownNames, type TaskDraft } from './draft.js';
import { guessPillar } from './groups.js';
import { readLetterhead, readSignature, readTitle, signatureParagraphs } from './header.js';
import { APPENDIX_LABEL, APPENDIX_NOTE, SIGNER_WORDS } from './phrases.js';
import { readTaskTable, taskTables, type TableTask } from './table.js';
import { CaseBook, overlap, squash, untrail } from './text.js';

export type { KnownNames } from './draft.js';

export interface ImportResult {
  /** The plan as read, in the plan file's shape (may be incomplete). */
  data: Record<string, unknown>;
  /** JSON pointer (e.g. "/tasks/pillars/0/period") → paragraph index (1-based) it came from. */
  sources: Map<string, number>;
  /** Text that could not be placed, with its paragraph and why (Vietnamese). */
  leftovers: { paragraph: number; text: string; why: string }[];
  /** Pointers whose value was guessed (agency.sector, a task's pillar or group, a case recovered without a model). */
  guessed: string[];
  /** Required pointers not found. */
  missing: string[];
}

export interface ImportOptions {
  /** Agency names and sectors (templates/data/agencies.yaml): undo the letterhead's upper case, split lists. */
  known?: KnownNames;
}

const NO_NAMES: KnownNames = { names: [], sectors: new Map() };

function emptyDraft(part: PlanPart): Draft {
  return {
    kind: at(part.kind, part.typeLine),
    agency: {},
    document: {},
    bases: [],
    purposes: [],
    requirements: [],
    tasks: Object.fromEntries(GROUP_KEYS.map((k) => [k, []])) as unknown as Record<GroupKey, TaskDraft[]>,
    funding: [],
    implementation: [],
    reporting: {},
    signer: {},
    recipients: [],
    appendix: at(false, part.typeLine),
  };
}

const LOCALITY =
  /^(?:ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|SỞ |BAN |VĂN PHÒNG ỦY BAN|TỈNH ỦY|THÀNH ỦY)|\bTỈNH\b|\bTHÀNH PHỐ\b|\bHUYỆN\b|\bXÃ\b|\bPHƯỜNG\b/u;

function guessSector(known: KnownNames, name: string, parent: string | undefined): Sector {
  const upper = upperVi(name);
  const listed = known.sectors.get(upper) ?? (parent === undefined ? undefined : known.sectors.get(upperVi(parent)));
  if (listed) return listed;
  return LOCALITY.test(upper) || (parent !== undefined && LOCALITY.test(upperVi(parent))) ? 'locality' : 'ministry';
}

export function importPlan(doc: DocxDocument, part: PlanPart, options: ImportOptions = {}): ImportResult {
  const known = options.known ?? NO_NAMES;
  const paras = doc.paragraphs.filter((p) => p.index >= part.start && p.index <= part.end);
  const typeLine = paras.find((p) => p.index === part.typeLine);
  const ctx: Ctx = {
    doc,
    part,
    exact: typeLine?.styleId === 'DocType',
    paras,
    byIndex: new Map(paras.map((p) => [p.index, p])),
    used: new Set([part.typeLine]),
    leftovers: [],
    draft: emptyDraft(part),
    known,
  };
  const { draft } = ctx;

  // Running text writes names in their own case; the letterhead and signature print them upper case.
  const book = new CaseBook();
  book.add(...paras.filter((p) => p.index > part.typeLine && p.text !== upperVi(p.text)).map((p) => squash(p.text)));
  const letterhead = readLetterhead(ctx);
  const titleEnd = readTitle(ctx);
  const signature = signatureParagraphs(ctx);
  const names = new Set<string>(known.names);
  for (const p of paras) {
    const clause = /^\d{1,2}\.\s+(.+)$/u.exec(squash(p.text));
    if (clause && p.runs.some((r) => r.bold)) names.add(clause[1] ?? '');
  }
  readSignature(ctx, signature, book);

  const tables = taskTables(ctx);
  const tableTasks: TableTask[] = tables.flatMap((t) => readTaskTable(ctx, t, names));
  for (const { task } of tableTasks) {
    if (task.lead) names.add(task.lead.value);
    for (const p of task.partners ?? []) names.add(p.value);
  }
  draft.appendix = at(tables.length > 0, tables[0]?.rows[0]?.[0]?.[0] ?? part.typeLine);

  // The appendix: its label, title and "(Kèm theo …)" line are the template's.
  const firstTable = tables[0]?.rows[0]?.[0]?.[0];
  const signatureStart = signature[0]?.index ?? part.end + 1;
  const appendixStart = paras.find(
    (p) => p.index > signatureStart && !p.cell && APPENDIX_LABEL.test(p.text.trim()),
  )?.index;
  for (const p of paras.filter(
    (q) => appendixStart !== undefined && q.index >= appendixStart && !ctx.used.has(q.index) && !q.cell,
  )) {
    const text = squash(p.text);
    if (
      APPENDIX_LABEL.test(text) ||
      APPENDIX_NOTE.test(text) ||
      text === upperVi(text) ||
      (firstTable !== undefined && p.index < firstTable && p.align === 'center')
    ) {
      ctx.used.add(p.index);
      if (APPENDIX_NOTE.test(text)) book.add(text);
    }
  }

  const bodyEnd = Math.min(signatureStart, appendixStart ?? part.end + 1, firstTable ?? part.end + 1);
  const body = paras.filter((p) => p.index > titleEnd && p.index < bodyEnd);
  const agencyUpper = letterhead.name?.upper;
  const read = readBody(ctx, body, agencyUpper, names, tables.length > 0);
  book.add(...read.agencyWritten);

  // The agency's name: the letterhead's upper case, written as the body writes it.
  if (letterhead.name) {
    const creator = doc.properties['creator'];
    if (creator !== undefined) book.add(creator);
    book.add(...known.names, ...SIGNER_WORDS);
    const name = book.recover(letterhead.name.upper);
    draft.agency.name = at(name.text, letterhead.name.at, name.guessed);
    if (letterhead.parent) {
      const parent = book.recover(letterhead.parent.upper);
      draft.agency.parent = at(parent.text, letterhead.parent.at, parent.guessed);
    }
    draft.agency.sector = at(guessSector(known, name.text, draft.agency.parent?.value), letterhead.name.at, true);
  }
  // The signer's lines were read before the book held everything: read them again.
  if (signature.length > 0) {
    for (const key of ['body', 'head', 'title'] as const) {
      const value = draft.signer[key];
      if (value) {
        const again = book.recover(upperVi(value.value));
        draft.signer[key] = at(again.text, value.at, again.guessed);
      }
    }
  }

  mergeTasks(ctx, tableTasks, read.tasks);
  for (const task of draft.tasks.pillars) {
    const pillar = task.content ? guessPillar(task.content.value) : undefined;
    if (pillar) task.pillar = at(pillar, task.at, true);
  }

  for (const p of paras)
    if (!ctx.used.has(p.index) && !blank(p)) leftover(ctx, p, 'đoạn không thuộc phần nào của kế hoạch');
  ctx.leftovers.sort((a, b) => a.paragraph - b.paragraph);
  return assemble(draft, ctx.leftovers);
}

const sameTask = (a: string, b: string): boolean => {
  const norm = (s: string) => untrail(squash(s)).toLocaleLowerCase('vi');
  return norm(a) === norm(b) || (overlap(a, b) >= 0.7 && overlap(b, a) >= 0.7);
};

/** The table holds the columns; the body the same tasks in words. A body task not in the table is kept. */
function mergeTasks(
  ctx: Ctx,
  table: TableTask[],
  body: { group?: GroupKey; groupGuessed: boolean; task: TaskDraft }[],
): void {
  const matched = new Set<TableTask>();
  const extra: typeof body = [];
  for (const b of body) {
    const content = b.task.content?.value ?? '';
    const hit = table.find((t) => !matched.has(t) && sameTask(t.task.content?.value ?? '', content));
    if (!hit) {
      extra.push(b);
      continue;
    }
    matched.add(hit);
    if ((hit.group === undefined || hit.groupGuessed) && b.group !== undefined && !b.groupGuessed) {
      hit.group = b.group;
      hit.groupGuessed = false;
    }
  }
  for (const t of [...table, ...extra]) {
    if (t.group === undefined) {
      const text = t.task.content?.value ?? '';
      ctx.leftovers.push({
        paragraph: t.task.at,
        text,
        why: 'nhiệm vụ không xếp được vào nhóm nào trong năm nhóm của Công văn 404',
      });
      continue;
    }
    if (t.groupGuessed) t.task.groupGuessed = true;
    ctx.draft.tasks[t.group].push(t.task);
  }
}
