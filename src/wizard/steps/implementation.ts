// IV. Tổ chức thực hiện: duties proposed for every lead agency named in the tasks (the
// foreign-affairs lead first), then a closing entry for every other agency.
import { GROUP_KEYS } from '../../plan/types.js';
import { type AgencyContext, agencyContext, fill, rolesOf } from '../agency.js';
import { askText, backToMenu } from '../ask.js';
import { ellipsis } from '../clean.js';
import type { DraftDuty } from '../draft.js';
import { editList, listProblems } from '../list-editor.js';
import type { Choice } from '../prompter.js';
import { OMIT, type Session, setAt } from '../session.js';
import type { Step } from '../step.js';

type DutyAction = { action: 'done' } | { action: 'edit'; index: number } | { action: 'add' };

/** Every lead of the tasks, in document order, the foreign-affairs lead first. */
export function leadAgencies(s: Session, ctx: AgencyContext): string[] {
  const leads = [ctx.units['foreign'] ?? ''];
  for (const group of GROUP_KEYS) for (const task of s.draft.tasks?.[group] ?? []) leads.push(task.lead ?? '');
  return [...new Set(leads.filter((l) => l !== ''))];
}

export function proposedDuty(s: Session, ctx: AgencyContext, agency: string): DraftDuty {
  const suggestions = s.data.duties[ctx.sector];
  const duties = rolesOf(ctx, agency).flatMap((role) => suggestions.units[role] ?? []);
  const texts = duties.length > 0 ? duties : suggestions.other;
  return { agency, duties: texts.map((t) => fill(t, { ...ctx.vars, lead: agency })) };
}

function closingDuty(s: Session, ctx: AgencyContext): { agency: string; duties: string[] } {
  const all = s.data.duties[ctx.sector].all;
  return { agency: fill(all.agency, ctx.vars), duties: all.duties.map((t) => fill(t, ctx.vars)) };
}

async function propose(s: Session): Promise<void> {
  const ctx = agencyContext(s);
  const closingName = closingDuty(s, ctx).agency;
  // "Các sở, ban, ngành tỉnh" leading a task is already the closing entry's addressee.
  const leads = leadAgencies(s, ctx).filter((lead) => !closingName.includes(lead));
  const current = s.draft.implementation;
  if (current === undefined) {
    s.draft.implementation = [...leads.map((lead) => proposedDuty(s, ctx, lead)), closingDuty(s, ctx)];
    await s.save();
    return;
  }
  // Tasks changed since: agencies that now lead a task get a proposal, placed before the closing entry.
  const named = new Set(current.map((d) => d.agency));
  const missing = leads.filter((lead) => !named.has(lead));
  if (missing.length === 0) return;
  const at = current.findIndex((d) => d.agency === closingName);
  current.splice(at === -1 ? current.length : at, 0, ...missing.map((lead) => proposedDuty(s, ctx, lead)));
  s.prompter.say(`  Đã thêm nhiệm vụ đề xuất cho cơ quan chủ trì mới: ${missing.join('; ')}.`);
  await s.save();
}

async function editImplementation(s: Session): Promise<void> {
  await propose(s);
  for (;;) {
    const duties = s.draft.implementation ?? [];
    s.prompter.say(
      'Tổ chức thực hiện (IV):\n' +
        duties
          .map(
            (d, i) =>
              `  ${i + 1}. ${d.agency ?? '(chưa có tên)'}\n${(d.duties ?? []).map((t) => `     - ${t}`).join('\n')}`,
          )
          .join('\n'),
    );
    const choices: Choice<DutyAction>[] = [
      ...(duties.length > 0
        ? [{ value: { action: 'done' } as DutyAction, name: `Giữ phân công cho ${duties.length} cơ quan và tiếp tục` }]
        : []),
      ...duties.map((d, index) => ({
        value: { action: 'edit', index } as DutyAction,
        name: `Sửa ${index + 1}: ${ellipsis(d.agency ?? '', 60)}`,
      })),
      { value: { action: 'add' }, name: 'Thêm một cơ quan' },
    ];
    const choice = await s.prompter.select({
      id: 'implementation.menu',
      message: 'Chọn việc cần làm:',
      choices,
      default: duties.length > 0 ? { action: 'done' } : { action: 'add' },
    });
    if (choice.action === 'done') {
      const problems = listProblems(s, ['implementation']);
      if (problems.length === 0) return;
      for (const message of problems) s.prompter.say(`  Chưa xong: ${message}`);
      continue;
    }
    const index = choice.action === 'edit' ? choice.index : duties.length;
    const current = duties[index]?.agency;
    if (choice.action === 'add') setAt(s.draft, ['implementation', index], { duties: [] });
    let name: unknown = OMIT;
    const back = await backToMenu(async () => {
      name = await askText(s, {
        id: 'implementation.agency',
        message: current ? 'Tên cơ quan (để trống là bỏ cơ quan này):' : 'Tên cơ quan (để trống để thôi):',
        path: ['implementation', index, 'agency'],
        default: current,
        editable: current !== undefined,
        optional: true,
      });
    });
    if (back) {
      // The entry made for a new agency is dropped with its question.
      if (choice.action === 'add') setAt(s.draft, ['implementation', index], OMIT);
      continue;
    }
    if (name === OMIT) {
      setAt(s.draft, ['implementation', index], OMIT);
      await s.save();
      continue;
    }
    await editList(s, {
      id: 'implementation.duties',
      title: `Nhiệm vụ của ${String(name)}`,
      path: ['implementation', index, 'duties'],
    });
  }
}

export const implementationStep: Step = {
  id: 'implementation',
  section: 'implementation',
  owns: [['implementation']],
  run: editImplementation,
};
