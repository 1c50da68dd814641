// A list of paragraphs (bases, purposes, funding, duties...): shown in full, kept with one Enter,
// each item editable in place, new ones added. Leaving an item empty removes it.
import { askText, backToMenu, store } from './ask.js';
import { ellipsis } from './clean.js';
import type { Choice } from './prompter.js';
import { wizardVoice } from './voice.js';
import { type Path, type Session, getAt, issuesAt, setAt } from './session.js';

export type MenuAction =
  { action: 'done' } | { action: 'edit'; index: number } | { action: 'add' } | { action: 'suggest'; text: string };

export interface ListQuestion {
  id: string;
  /** What the list is, for the menu ("Căn cứ"). */
  title: string;
  path: Path;
  /** Put in the draft when the list is not there yet. */
  defaults?: () => string[];
  /** Offered to add with one choice, never put in unasked. */
  suggestions?: () => string[];
}

function items(s: Session, path: Path): string[] {
  const value = getAt(s.draft, path);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function numbered(list: readonly string[]): string {
  return list.map((item, i) => `  ${i + 1}. ${item}`).join('\n');
}

/**
 * Leave the list only when the checks accept it (a required list cannot be emptied, bases must keep
 * Decision 2013); warnings are shown and accepted.
 */
export function listProblems(s: Session, path: Path): string[] {
  const { errors, warnings } = issuesAt(s, s.draft, [path]);
  // Warnings about one item were shown when it was answered; here only those about the whole list.
  for (const w of warnings) if (w.path.length === path.length) s.prompter.say(`  Lưu ý: ${wizardVoice(w, s.draft)}`);
  return errors.map((e) => wizardVoice(e, s.draft));
}

export async function editList(s: Session, q: ListQuestion): Promise<void> {
  if (getAt(s.draft, q.path) === undefined && q.defaults) {
    setAt(s.draft, q.path, q.defaults());
    await s.save();
  }
  for (;;) {
    const list = items(s, q.path);
    s.prompter.say(list.length === 0 ? `${q.title}: chưa có mục nào.` : `${q.title}:\n${numbered(list)}`);
    // "Keep 0 items" is no choice where the list may not be empty: adding is what is left to do.
    const canLeave = list.length > 0 || issuesAt(s, s.draft, [q.path]).errors.length === 0;
    const offered = (q.suggestions?.() ?? []).filter((text) => !list.includes(text));
    const choices: Choice<MenuAction>[] = [
      ...(canLeave
        ? [
            {
              value: { action: 'done' } as MenuAction,
              name: list.length === 0 ? 'Tiếp tục' : `Giữ ${list.length} mục này và tiếp tục`,
            },
          ]
        : []),
      ...list.map((item, index) => ({
        value: { action: 'edit', index } as MenuAction,
        name: `Sửa mục ${index + 1}: ${ellipsis(item, 60)}`,
      })),
      { value: { action: 'add' }, name: 'Thêm một mục' },
      ...offered.map((text) => ({
        value: { action: 'suggest', text } as MenuAction,
        name: `Thêm: ${ellipsis(text, 80)}`,
      })),
    ];
    const choice = await s.prompter.select({
      id: `${q.id}.menu`,
      message: `${q.title}: chọn việc cần làm`,
      choices,
      default: canLeave ? { action: 'done' } : { action: 'add' },
    });
    if (choice.action === 'suggest') {
      await store(s, [...q.path, list.length], choice.text);
      continue;
    }
    if (choice.action === 'done') {
      const problems = listProblems(s, q.path);
      if (problems.length === 0) return;
      for (const message of problems) s.prompter.say(`  Chưa xong: ${message}`);
      continue;
    }
    if (choice.action === 'edit') {
      const path = [...q.path, choice.index];
      await backToMenu(() =>
        askText(s, {
          id: `${q.id}.item`,
          message: `Mục ${choice.index + 1} (để trống là bỏ mục này):`,
          path,
          default: list[choice.index],
          editable: true,
          optional: true,
        }),
      );
      continue;
    }
    await backToMenu(() => addItem(s, q.id, q.path, list.length));
  }
}

function addItem(s: Session, id: string, path: Path, index: number): Promise<unknown> {
  return askText(s, {
    id: `${id}.add`,
    message: 'Nội dung mục mới (để trống để thôi):',
    path: [...path, index],
    optional: true,
  });
}
