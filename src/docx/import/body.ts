// The body between the title and the signature: the opening with its bases, then the Roman
// sections (purposes and requirements, tasks by group, funding, implementation and reporting).
import { upperVi } from '../../render/signer.js';
import { GROUP_KEYS, type Frequency, type GroupKey } from '../../plan/types.js';
import type { DocxParagraph } from '../model.js';
import { headingKey } from '../part.js';
import {
  at,
  blank,
  emphasized,
  leftover,
  use,
  type Ctx,
  type DutyDraft,
  type Sourced,
  type TaskDraft,
} from './draft.js';
import { matchGroup, matchHeading } from './groups.js';
import {
  ANNOUNCES,
  BASIS_LINE,
  CLOSING,
  LEGAL_DOCUMENT,
  OPENING_ISSUES,
  OPENING_START,
  PURPOSES_CLAUSE,
  REPORTING_CLAUSE,
  REPORTING_DUE,
  REPORTING_FREQUENCY,
  REPORTING_TO,
  REPORTING_TO_LAST,
  REPORTING_TO_ONWARD,
  REPORTING_TO_RELAYED,
  REQUIREMENTS_CLAUSE,
  SECTION_WORDS,
  TASKS_INTRO,
  TASK_FIELDS_EXACT,
  TASK_FIELDS_LOOSE,
} from './phrases.js';
import { dropAdded, splitNames, squash, unbullet, untrail } from './text.js';

export interface BodyTask {
  group?: GroupKey;
  groupGuessed: boolean;
  task: TaskDraft;
}

const ROMAN = /^([IVXL]+)\s*[.:]\s*(.+)$/su;
const CLAUSE = /^(\d{1,2})\s*[.)]\s+(.+)$/su;
// a) … y); past 23 tasks in a group kehoach numbers them 1.1., 1.2. (templates/README.md).
const POINT = /^(?:[a-zđ]{1,3}\)|\d{1,2}\.\d{1,3}\.)\s*(.*)$/su;

type SectionKind = keyof typeof SECTION_WORDS | 'other';

function sectionOf(title: string): SectionKind {
  const key = headingKey(title);
  for (const [kind, test] of Object.entries(SECTION_WORDS)) if (test.test(key)) return kind as SectionKind;
  return 'other';
}

/** What a paragraph holds, as exact text (kehoach's own) or cleaned of hand-typed bullets. */
function textOf(ctx: Ctx, p: DocxParagraph): string {
  return ctx.exact ? p.text : untrailDots(unbullet(squash(p.text)));
}

// A hand-typed paragraph ends with ";" or "," as list items do; a sentence keeps its full stop.
const untrailDots = (text: string): string => text.replace(/[\s;,]+$/u, '');

export interface BodyResult {
  tasks: BodyTask[];
  /** How the body names the issuing agency, as written (for its case). */
  agencyWritten: string[];
}

export function readBody(
  ctx: Ctx,
  paras: readonly DocxParagraph[],
  agencyUpper: string | undefined,
  known: Set<string>,
  appendix: boolean,
): BodyResult {
  const { draft } = ctx;
  const result: BodyResult = { tasks: [], agencyWritten: [] };
  let section: SectionKind | 'opening' = 'opening';
  let target: Sourced<string>[] | undefined;
  let group: { key?: GroupKey; ordinal: number; points: number } | undefined;
  let groupOrdinal = 0;
  let duty: DutyDraft | undefined;
  let reporting = false;
  let lastTask: BodyTask | undefined;

  for (const p of paras) {
    if (ctx.used.has(p.index)) continue;
    if (blank(p)) {
      use(ctx, p);
      continue;
    }
    const text = squash(p.text);
    const roman = ROMAN.exec(text);
    if (roman && (emphasized(p) || (!ctx.exact && text === upperVi(text)))) {
      use(ctx, p);
      section = sectionOf(roman[2] ?? '');
      const key = headingKey(roman[2] ?? '');
      target = undefined;
      group = undefined;
      duty = undefined;
      reporting = section === 'reporting';
      if (section === 'purposes') {
        if (SECTION_WORDS.purposes.test(key) && !/YÊU CẦU/u.test(key)) target = draft.purposes;
        else if (/YÊU CẦU/u.test(key) && !/MỤC ĐÍCH|MỤC TIÊU/u.test(key)) target = draft.requirements;
      }
      if (section === 'funding') target = draft.funding;
      if (section === 'other') leftover(ctx, p, 'mục không có chỗ trong tệp kế hoạch');
      continue;
    }
    const clause = CLAUSE.exec(text);
    const isClause = clause !== null && (emphasized(p) || (!ctx.exact && section === 'implementation'));
    switch (section) {
      case 'opening':
        readOpening(ctx, p, agencyUpper, result);
        break;
      case 'purposes': {
        if (isClause) {
          use(ctx, p);
          const key = headingKey(clause[2] ?? '');
          target = PURPOSES_CLAUSE.test(key)
            ? draft.purposes
            : REQUIREMENTS_CLAUSE.test(key)
              ? draft.requirements
              : undefined;
          if (!target) leftover(ctx, p, 'khoản không phải Mục đích hay Yêu cầu');
        } else if (target) {
          use(ctx, p);
          target.push(at(textOf(ctx, p), p));
        } else {
          leftover(ctx, p, 'đoạn ở mục I không thuộc Mục đích hay Yêu cầu');
        }
        break;
      }
      case 'tasks': {
        if (isClause) {
          use(ctx, p);
          const label = clause[2] ?? '';
          const key = ctx.exact ? GROUP_KEYS[groupOrdinal] : matchHeading(label);
          group = { ...(key ? { key } : {}), ordinal: groupOrdinal++, points: 0 };
          lastTask = undefined;
          if (!key)
            leftover(
              ctx,
              p,
              'nhóm nhiệm vụ không khớp nhóm nào trong năm nhóm của Công văn 404; các nhiệm vụ dưới nó được xếp theo nội dung',
            );
          continue;
        }
        if (!group) {
          if (TASKS_INTRO.test(text) && ctx.exact) use(ctx, p);
          else leftover(ctx, p, 'lời dẫn của mục nhiệm vụ, không có chỗ trong tệp kế hoạch');
          continue;
        }
        use(ctx, p);
        const point = POINT.exec(ctx.exact ? p.text : text);
        const raw = point ? (point[1] ?? '') : ctx.exact ? p.text : text;
        const bullet = !point && /^[-+•–]\s/u.test(text);
        if (!ctx.exact && bullet && lastTask?.task.content && /:$/u.test(lastTask.task.content.value)) {
          lastTask.task.content.value += ` ${untrailDots(unbullet(text))}`;
          continue;
        }
        const task = readTaskText(ctx, raw, p, appendix, known);
        const key = group.key ?? matchGroup(task.content?.value ?? '');
        lastTask = { ...(key ? { group: key } : {}), groupGuessed: group.key === undefined, task };
        result.tasks.push(lastTask);
        group.points++;
        break;
      }
      case 'funding':
        use(ctx, p);
        draft.funding.push(at(textOf(ctx, p), p));
        break;
      case 'implementation':
      case 'reporting': {
        if (isClause) {
          use(ctx, p);
          const head = clause[2] ?? '';
          if (REPORTING_CLAUSE.test(headingKey(head))) {
            reporting = true;
            duty = undefined;
            continue;
          }
          reporting = false;
          const colon = ctx.exact ? -1 : head.indexOf(':');
          const agency =
            colon > 0 && colon < 100
              ? head.slice(0, colon).trim()
              : ctx.exact
                ? head
                : untrailDots(head.replace(/:$/u, ''));
          duty = { agency: at(agency, p), duties: [] };
          draft.implementation.push(duty);
          const rest = colon > 0 ? head.slice(colon + 1).trim() : '';
          if (rest !== '') duty.duties.push(at(untrailDots(rest), p));
          continue;
        }
        if (reporting) {
          if (CLOSING.test(text)) {
            if (ctx.exact) use(ctx, p);
            else leftover(ctx, p, 'câu kết của mục tổ chức thực hiện: kehoach tự viết câu này');
          } else if (
            draft.reporting.frequency === undefined &&
            draft.reporting.due === undefined &&
            readReporting(ctx, p, known, result, false)
          ) {
            use(ctx, p);
          } else {
            leftover(ctx, p, 'đoạn ở phần chế độ báo cáo không nhận ra');
          }
          continue;
        }
        if (CLOSING.test(text) && !ctx.exact) {
          leftover(ctx, p, 'câu kết của mục tổ chức thực hiện: kehoach tự viết câu này');
          continue;
        }
        if (!duty && !ctx.exact) {
          const typed = /^(?:[-+•–]\s*)?([^:]{3,100}):\s*(.+)$/su.exec(text);
          if (typed && /^\p{Lu}/u.test(typed[1] ?? '')) {
            use(ctx, p);
            duty = { agency: at(untrailDots(typed[1] ?? ''), p), duties: [at(untrailDots(typed[2] ?? ''), p)] };
            draft.implementation.push(duty);
            continue;
          }
        }
        if (!duty) {
          leftover(ctx, p, 'đoạn ở mục tổ chức thực hiện không gắn với cơ quan nào');
          continue;
        }
        use(ctx, p);
        duty.duties.push(at(textOf(ctx, p), p));
        break;
      }
      default:
        leftover(ctx, p, 'đoạn thuộc mục không có chỗ trong tệp kế hoạch');
    }
  }
  // A Word plan often states the reporting regime inside an agency's duties.
  if (draft.reporting.due === undefined && draft.reporting.frequency === undefined) {
    for (const duty of draft.implementation) {
      for (const d of duty.duties) {
        const p = ctx.byIndex.get(d.at);
        if (p && REPORTING_DUE.test(p.text) && readReporting(ctx, p, known, result, true)) break;
      }
    }
  }
  return result;
}

function readOpening(ctx: Ctx, p: DocxParagraph, agencyUpper: string | undefined, result: BodyResult): void {
  const text = ctx.exact ? p.text : squash(p.text);
  if (BASIS_LINE.test(text) && !text.includes(OPENING_ISSUES)) {
    use(ctx, p);
    ctx.draft.bases.push(at(untrail(text.replace(BASIS_LINE, '')), p));
    return;
  }
  if (!OPENING_START.test(text) && ANNOUNCES.test(text)) {
    use(ctx, p);
    const verb = text.indexOf(OPENING_ISSUES);
    result.agencyWritten.push(text.slice(0, verb).trim());
    return;
  }
  if (!OPENING_START.test(text)) {
    leftover(ctx, p, 'đoạn mở đầu không nhận ra');
    return;
  }
  use(ctx, p);
  const rest = text.replace(OPENING_START, '');
  let basesText = rest;
  const upper = upperVi(rest);
  const issued =
    agencyUpper === undefined || upper.length !== rest.length
      ? -1
      : upper.lastIndexOf(`${agencyUpper}${upperVi(OPENING_ISSUES)}`);
  if (issued >= 0) {
    basesText = rest.slice(0, issued);
    result.agencyWritten.push(rest.slice(issued, issued + (agencyUpper ?? '').length));
  } else {
    const verb = rest.lastIndexOf(OPENING_ISSUES);
    if (verb > 0) {
      const sep = Math.max(rest.lastIndexOf(';', verb), rest.lastIndexOf(',', verb));
      basesText = sep > 0 ? rest.slice(0, sep + 1) : rest.slice(0, verb);
      if (sep > 0) result.agencyWritten.push(rest.slice(sep + 1, verb).trim());
    }
  }
  // The template ends each basis with "; " (or a comma before the agency): drop that one separator.
  basesText = basesText.replace(/[;,] ?$/u, '');
  const bases = ctx.exact
    ? basesText.split(/; (?=\p{Lu})/u)
    : basesText
        .split(new RegExp(`;\\s+|,?\\s+và\\s+(?=${LEGAL_DOCUMENT.source})|,\\s+(?=${LEGAL_DOCUMENT.source})`, 'u'))
        .map((b) => untrail(b));
  for (const basis of bases) if (basis.trim() !== '') ctx.draft.bases.push(at(basis, p));
}

function readTaskText(ctx: Ctx, raw: string, p: DocxParagraph, appendix: boolean, known: Set<string>): TaskDraft {
  const task: TaskDraft = { at: p.index };
  if (ctx.exact) {
    const lead = appendix ? -1 : raw.lastIndexOf(TASK_FIELDS_EXACT.lead);
    if (lead < 0) {
      task.content = at(dropAdded(raw, '.'), p);
      return task;
    }
    task.content = at(dropAdded(raw.slice(0, lead), '.'), p);
    let rest = raw.slice(lead + TASK_FIELDS_EXACT.lead.length);
    if (rest.endsWith('.')) rest = rest.slice(0, -1);
    let field: keyof typeof TASK_FIELDS_EXACT = 'lead';
    let from = 0;
    const values: Partial<Record<keyof typeof TASK_FIELDS_EXACT, string>> = {};
    for (const next of ['partners', 'period', 'output'] as const) {
      const i = rest.indexOf(TASK_FIELDS_EXACT[next], from);
      if (i < 0) continue;
      values[field] = rest.slice(from, i);
      field = next;
      from = i + TASK_FIELDS_EXACT[next].length;
    }
    values[field] = rest.slice(from);
    setFields(task, values, p, (s) => splitNames(s, known, { and: false }));
    return task;
  }
  const found = TASK_FIELDS_LOOSE.map(([field, label]) => {
    const m = label.exec(raw);
    return m ? { field, index: m.index, end: m.index + m[0].length } : undefined;
  })
    .filter((f) => f !== undefined)
    .sort((a, b) => a.index - b.index);
  const content = found.length > 0 ? raw.slice(0, found[0]!.index) : raw;
  task.content = at(untrailDots(content.replace(/[\s(–-]+$/u, '')), p);
  const values: Partial<Record<keyof typeof TASK_FIELDS_EXACT, string>> = {};
  found.forEach((f, i) => {
    values[f.field] = closeParen(raw.slice(f.end, found[i + 1]?.index ?? raw.length));
  });
  setFields(task, values, p, (s) => s.split(/;\s*/u).flatMap((x) => splitNames(untrail(x), known, { and: true })));
  return task;
}

// "(Chủ trì: …; thời gian: hằng năm)." ends the last field with the bracket that opened the first.
function closeParen(value: string): string {
  let out = untrail(value);
  const count = (c: string) => out.split(c).length - 1;
  while (out.endsWith(')') && count(')') > count('(')) out = untrail(out.slice(0, -1));
  return out;
}

function setFields(
  task: TaskDraft,
  values: Partial<Record<'lead' | 'partners' | 'period' | 'output', string>>,
  p: DocxParagraph,
  split: (s: string) => string[],
): void {
  if (values.lead) task.lead = at(values.lead, p);
  if (values.partners) task.partners = split(values.partners).map((s) => at(s, p));
  if (values.period) task.period = at(values.period, p);
  if (values.output) task.output = at(values.output, p);
}

/**
 * "Định kỳ hằng năm, trước ngày 15/6 và 15/12, … về <agency> để tổng hợp, báo cáo <to>." A
 * half-yearly or quarterly regime prints every deadline; the one kept is the plan's own (the
 * others are derived from it and may be cut to a shorter month), else the earliest.
 */
function readReporting(ctx: Ctx, p: DocxParagraph, known: Set<string>, result: BodyResult, guessed: boolean): boolean {
  const text = ctx.exact ? p.text : squash(p.text);
  const { reporting } = ctx.draft;
  const frequencies = REPORTING_FREQUENCY.map(([test, value]) => ({ value, index: text.search(test) }))
    .filter((f) => f.index >= 0)
    .sort((a, b) => a.index - b.index);
  const due = REPORTING_DUE.exec(text);
  if (frequencies.length === 0 && !due) return false;
  const dates = due
    ? [...(due[1] ?? '').matchAll(/(\d{1,2})\/(\d{1,2})/gu)].map((m) => ({ day: Number(m[1]), month: Number(m[2]) }))
    : [];
  let frequency: Frequency | undefined = frequencies[0]?.value;
  if (frequency === undefined)
    frequency =
      dates.length === 2 ? 'semiannual' : dates.length === 4 ? 'quarterly' : dates.length === 1 ? 'annual' : undefined;
  if (frequency) reporting.frequency = at(frequency, p, guessed || frequencies.length === 0);
  if (dates.length > 0) {
    const maxDay = Math.max(...dates.map((d) => d.day));
    const own = dates.find((d) => d.day === maxDay)!;
    reporting.due = at(`${String(own.day).padStart(2, '0')}/${String(own.month).padStart(2, '0')}`, p, guessed);
  }
  const relayed = REPORTING_TO_RELAYED.exec(text);
  const onward = relayed ? null : REPORTING_TO_ONWARD.exec(text);
  if (relayed) {
    result.agencyWritten.push(relayed[2] ?? '');
    reporting.to = splitNames(relayed[3] ?? '', known, { and: true }).map((s) =>
      at(ctx.exact ? s : untrail(s), p, guessed),
    );
  } else if (onward) {
    result.agencyWritten.push(onward[1] ?? '');
    reporting.to = splitNames(onward[2] ?? '', known, { and: true }).map((s) =>
      at(ctx.exact ? s : untrail(s), p, guessed),
    );
  } else {
    const to = REPORTING_TO.exec(text);
    const last = ctx.exact ? null : REPORTING_TO_LAST.exec(text);
    if (to && (to[1] ?? '').length < 150) {
      result.agencyWritten.push(to[1] ?? '');
      reporting.to = [at(ctx.exact ? (to[1] ?? '') : untrail(to[1] ?? ''), p, guessed || !ctx.exact)];
    } else if (last && (last[1] ?? '').length < 200) {
      reporting.to = splitNames(untrail(last[1] ?? ''), known, { and: true }).map((s) => at(s, p, true));
    }
  }
  return true;
}
