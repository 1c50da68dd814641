// The five task groups of Letter 404: the group's guidance, a checklist of suggested tasks fitted
// to the agency, then each task's fields editable, and tasks of the clerk's own.
import { GROUP_LABELS, PILLAR_LABELS } from '../../plan/labels.js';
import { GROUP_KEYS, PILLARS, type GroupKey, type Pillar } from '../../plan/types.js';
import { type AgencyContext, agencyContext, fill } from '../agency.js';
import { askText, backToMenu, currentText, judge, store } from '../ask.js';
import { cleanAnswer, ellipsis, joinList, matches, splitAgencies, splitList } from '../clean.js';
import type { DraftTask } from '../draft.js';
import { listProblems } from '../list-editor.js';
import type { Choice } from '../prompter.js';
import { OMIT, type Path, type Session, setAt } from '../session.js';
import type { Step } from '../step.js';

type TaskAction = { action: 'done' } | { action: 'edit'; index: number } | { action: 'add' } | { action: 'more' };

/** The suggestions of a group for this agency, placeholders filled, partners cleaned. */
export function suggestedTasks(s: Session, group: GroupKey, ctx: AgencyContext = agencyContext(s)): DraftTask[] {
  return s.data.groups[group].tasks[ctx.sector]
    .filter((t) => t.when !== 'border' || ctx.entry.border)
    .map((t) => {
      const lead = fill(t.lead, ctx.vars);
      // Two roles may be one Sở (culture and tourism): no partner twice, never the lead itself.
      const partners = [...new Set((t.partners ?? []).map((p) => fill(p, ctx.vars)))].filter((p) => p !== lead);
      const task: DraftTask = { content: fill(t.content, ctx.vars), lead };
      if (partners.length > 0) task.partners = partners;
      if (t.pillar) task.pillar = t.pillar;
      if (t.period) task.period = fill(t.period, ctx.vars);
      if (t.output) task.output = fill(t.output, ctx.vars);
      return task;
    });
}

function describeTask(task: DraftTask, index: number): string {
  const parts = [
    `Chủ trì: ${task.lead ?? '(chưa có)'}`,
    ...(task.partners?.length ? [`phối hợp: ${task.partners.join('; ')}`] : []),
    ...(task.pillar ? [`trụ cột: ${PILLAR_LABELS[task.pillar]}`] : []),
    ...(task.period ? [`thời gian: ${task.period}`] : []),
    ...(task.output ? [`sản phẩm: ${task.output}`] : []),
  ];
  return `  ${index + 1}. ${task.content ?? '(chưa có nội dung)'}\n     ${parts.join(' • ')}`;
}

function groupTasks(s: Session, group: GroupKey): DraftTask[] {
  return s.draft.tasks?.[group] ?? [];
}

async function pickSuggestions(
  s: Session,
  group: GroupKey,
  candidates: DraftTask[],
  checked: boolean,
): Promise<DraftTask[]> {
  return s.prompter.checkbox({
    id: `tasks.${group}.pick`,
    message: 'Nhiệm vụ gợi ý (Space: chọn/bỏ chọn, Enter: xong; sửa từng nhiệm vụ ở bước sau):',
    choices: candidates.map((task) => ({
      value: task,
      name: ellipsis(task.content ?? '', 100),
      // The list cuts the text; the highlighted task is shown in full underneath.
      description: `${task.content ?? ''}\nChủ trì: ${task.lead ?? ''}${task.period ? ` • ${task.period}` : ''}`,
      checked,
    })),
  });
}

export async function editGroup(s: Session, group: GroupKey): Promise<void> {
  const number = GROUP_KEYS.indexOf(group) + 1;
  s.prompter.say(`\n${number}. ${GROUP_LABELS[group]}\n   ${s.data.groups[group].guidance}`);
  if (s.draft.tasks?.[group] === undefined) {
    const chosen = await pickSuggestions(s, group, suggestedTasks(s, group), true);
    setAt(s.draft, ['tasks', group], chosen);
    await s.save();
  }
  for (;;) {
    const tasks = groupTasks(s, group);
    const have = new Set(tasks.map((t) => t.content));
    const more = suggestedTasks(s, group).filter((t) => !have.has(t.content));
    s.prompter.say(tasks.length === 0 ? '  (chưa có nhiệm vụ nào)' : tasks.map(describeTask).join('\n'));
    // Every group needs a task (Letter 404): an empty one offers only ways to add.
    const empty = tasks.length === 0;
    const choices: Choice<TaskAction>[] = [
      ...(empty
        ? []
        : [{ value: { action: 'done' } as TaskAction, name: `Giữ ${tasks.length} nhiệm vụ này và tiếp tục` }]),
      ...tasks.map((task, index) => ({
        value: { action: 'edit', index } as TaskAction,
        name: `Sửa ${index + 1}: ${ellipsis(task.content ?? '', 60)}`,
      })),
      { value: { action: 'add' }, name: 'Thêm nhiệm vụ của cơ quan' },
      ...(more.length > 0
        ? [{ value: { action: 'more' } as TaskAction, name: `Thêm từ ${more.length} nhiệm vụ gợi ý chưa chọn` }]
        : []),
    ];
    const choice = await s.prompter.select({
      id: `tasks.${group}.menu`,
      message: empty ? 'Nhóm này chưa có nhiệm vụ nào: chọn cách thêm' : 'Chọn việc cần làm:',
      choices,
      default: empty ? { action: more.length > 0 ? 'more' : 'add' } : { action: 'done' },
    });
    if (choice.action === 'done') {
      const problems = listProblems(s, ['tasks', group]);
      if (problems.length === 0) return;
      for (const message of problems) s.prompter.say(`  Chưa xong: ${message}`);
    } else if (choice.action === 'edit') {
      await backToMenu(() => editTask(s, group, choice.index, false));
    } else if (choice.action === 'add') {
      await backToMenu(() => editTask(s, group, tasks.length, true));
    } else {
      await backToMenu(async () => {
        const picked = await pickSuggestions(s, group, more, false);
        setAt(s.draft, ['tasks', group], [...tasks, ...picked]);
        await s.save();
      });
    }
  }
}

/** Names offered for lead: the agency's units, then every agency already named in the plan. */
function knownAgencies(s: Session, ctx: AgencyContext): string[] {
  const names = [ctx.units['foreign'] ?? '', ...Object.values(ctx.units)];
  for (const key of GROUP_KEYS)
    for (const task of s.draft.tasks?.[key] ?? []) names.push(task.lead ?? '', ...(task.partners ?? []));
  for (const duty of s.draft.implementation ?? []) names.push(duty.agency ?? '');
  return [...new Set(names.filter((n) => n !== ''))];
}

async function askLead(s: Session, path: Path, current: string | undefined): Promise<void> {
  const ctx = agencyContext(s);
  const known = knownAgencies(s, ctx);
  const initial = current ?? ctx.units['foreign'];
  const lead = await s.prompter.search<string>({
    id: 'task.lead',
    message: 'Cơ quan chủ trì (gõ để tìm, hoặc gõ tên khác):',
    source: (term) => {
      const typed = term === undefined ? '' : cleanAnswer(term);
      const listed = known.filter((name) => matches(name, term)).map((name) => ({ value: name, name }));
      const exact = known.some((name) => name.toLocaleLowerCase('vi') === typed.toLocaleLowerCase('vi'));
      return typed === '' || exact
        ? listed
        : [...listed, { value: typed, name: typed, description: 'Dùng đúng tên vừa gõ' }];
    },
    ...(initial !== undefined ? { default: initial } : {}),
    validate: (value) => judge(s, path, cleanAnswer(value)),
  });
  const chosen = cleanAnswer(lead);
  // The new lead cannot stay a partner of its own task (task-lead-in-partners): drop it there.
  const task = groupTasks(s, path[1] as GroupKey)[path[2] as number];
  const same = (name: string): boolean => name.toLocaleLowerCase('vi') === chosen.toLocaleLowerCase('vi');
  if (task?.partners?.some(same)) {
    const rest = task.partners.filter((p) => !same(p));
    if (rest.length > 0) task.partners = rest;
    else delete task.partners;
    s.prompter.say(`  Đã bỏ «${chosen}» khỏi cơ quan phối hợp vì nay là cơ quan chủ trì.`);
  }
  await store(s, path, chosen);
}

/** Ask each field of one task. A new task is written only once it has content. */
async function editTask(s: Session, group: GroupKey, index: number, isNew: boolean): Promise<void> {
  const base: Path = ['tasks', group, index];
  const task: DraftTask = isNew ? {} : (groupTasks(s, group)[index] ?? {});
  const raw = await s.prompter.input({
    id: 'task.content',
    message: isNew ? 'Nội dung nhiệm vụ (để trống để thôi):' : 'Nội dung nhiệm vụ (để trống là bỏ nhiệm vụ này):',
    ...(task.content ? { default: task.content, editable: true } : {}),
    validate: (typed) => (cleanAnswer(typed) === '' ? true : judge(s, [...base, 'content'], cleanAnswer(typed))),
  });
  const content = cleanAnswer(raw);
  if (content === '') {
    if (!isNew) {
      setAt(s.draft, base, OMIT);
      await s.save();
    }
    return;
  }
  if (isNew) setAt(s.draft, base, { content });
  await store(s, [...base, 'content'], content);

  if (group === 'pillars') {
    const covered = new Set(groupTasks(s, 'pillars').map((t) => t.pillar));
    const pillar = await s.prompter.select<Pillar>({
      id: 'task.pillar',
      message: 'Thuộc nhiệm vụ nào trong «thúc đẩy - hội nhập - quảng bá - vận động - tiếp thu»?',
      choices: PILLARS.map((p) => ({ value: p, name: `${PILLAR_LABELS[p]} (${p})` })),
      default: task.pillar ?? PILLARS.find((p) => !covered.has(p)) ?? 'promote',
    });
    await store(s, [...base, 'pillar'], pillar);
  }

  await askLead(s, [...base, 'lead'], task.lead);
  const partners = currentPartners(s, base);
  const known = [...knownAgencies(s, agencyContext(s)), ...s.data.agencies[agencyContext(s).sector].map((e) => e.name)];
  // Without a semicolon, commas are read as separators unless they are part of a known name.
  const split = (text: string): string[] => (text.includes(';') ? splitList(text) : splitAgencies(text, known));
  const typed = await askText(s, {
    id: 'task.partners',
    message: 'Cơ quan phối hợp, cách nhau bằng dấu chấm phẩy (để trống nếu không có):',
    path: [...base, 'partners'],
    default: partners,
    editable: partners !== undefined,
    optional: true,
    parse: (text) => {
      const list = split(text);
      return list.length === 0 ? OMIT : list;
    },
  });
  if (Array.isArray(typed) && typed.length > 1 && !typed.every((name) => known.includes(name))) {
    const whole = typed.join(', ');
    const several = await s.prompter.confirm({
      id: 'task.partners.split',
      message: `Hiểu là ${typed.length} cơ quan phối hợp: ${typed.map((p) => `«${p}»`).join('; ')}. Đúng không? (không: giữ là một cơ quan)`,
      default: true,
    });
    if (!several) await store(s, [...base, 'partners'], [whole]);
  }
  for (const field of ['period', 'output'] as const) {
    const current = currentText(s, [...base, field]);
    await askText(s, {
      id: `task.${field}`,
      message:
        field === 'period'
          ? 'Thời gian thực hiện (ví dụ: Hằng năm, Quý II/2027, 2026-2030):'
          : 'Sản phẩm (để trống nếu không cần ghi):',
      path: [...base, field],
      default: current,
      editable: current !== undefined,
      optional: true,
    });
  }
}

function currentPartners(s: Session, base: Path): string | undefined {
  const group = base[1] as GroupKey;
  const task = groupTasks(s, group)[base[2] as number];
  return task?.partners && task.partners.length > 0 ? joinList(task.partners) : undefined;
}

export const taskSteps: Step[] = GROUP_KEYS.map((group) => ({
  id: `tasks.${group}`,
  section: `tasks.${group}`,
  owns: group === 'alignment' ? [['tasks', group], ['tasks']] : [['tasks', group]],
  run: (s: Session) => editGroup(s, group),
}));
