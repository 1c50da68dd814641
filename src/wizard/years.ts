// --from: last year's plan carries last year's year everywhere ("Quý I/2026", "năm 2026" in
// purposes and tasks). Once the plan year changes, every text still naming the old year (and every
// task period that is over by the new year) is listed on the review screen, to be replaced at once
// or looked at one by one.
import { toPointer } from '../plan/issue.js';
import { askText, judge, store } from './ask.js';
import { ellipsis } from './clean.js';
import { type Path, type Session, getAt } from './session.js';
import { fieldLabel } from './where.js';

export interface YearMention {
  path: Path;
  label: string;
  text: string;
  /** The part of the text to show in a one-line list. */
  shown: string;
  /** The text with the old year replaced; undefined when that changes nothing (a period already over). */
  replaced: string | undefined;
}

// Left to right: a full date (a document's date in a citation stays as issued), a range, a year.
// A four-digit number followed by /QĐ or -NQ is a document number, not a year.
const TOKENS =
  /(?<!\d)(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|[Nn]gày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|(\d{4})(\s*[-–—]\s*)(\d{4})|(\d{4})(?![/-]\p{Lu}))(?!\d)/gu;

function isPeriod(path: Path): boolean {
  return path.length === 4 && path[0] === 'tasks' && path[3] === 'period';
}

/**
 * The text with `from` turned into `to`. In prose a range ("giai đoạn 2026-2030", "5 năm
 * 2026-2030") names a span that stays true and is left alone; in a task period its ends move.
 */
export function replaceYear(text: string, from: number, to: number, period: boolean): string {
  return text.replace(TOKENS, (whole, start?: string, dash?: string, end?: string, single?: string) => {
    if (single !== undefined) return Number(single) === from ? String(to) : whole;
    if (start === undefined || end === undefined || !period) return whole;
    const a = Number(start) === from ? to : Number(start);
    const b = Number(end) === from ? to : Number(end);
    if (a === Number(start) && b === Number(end)) return whole;
    return a >= b ? String(a) : `${a}${dash ?? '-'}${b}`;
  });
}

/** The text around its first mention of the old year: long paragraphs name it far from the start. */
export function excerpt(text: string, from: number, to: number, period: boolean, width = 110): string {
  const at = [...text.matchAll(TOKENS)].find((m) => replaceYear(m[0], from, to, period) !== m[0])?.index ?? 0;
  const chars = [...text];
  if (chars.length <= width) return text;
  const index = [...text.slice(0, at)].length;
  const start = Math.max(0, Math.min(index - Math.floor(width / 3), chars.length - width));
  const end = start + width;
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
}

/** Every year a period names; none for "Hằng năm". */
function periodYears(text: string): number[] {
  return [...text.matchAll(/(?<!\d)\d{4}(?!\d)/g)].map((m) => Number(m[0]));
}

function needsLook(text: string, path: Path, from: number, to: number): boolean {
  if (replaceYear(text, from, to, isPeriod(path)) !== text) return true;
  const years = isPeriod(path) ? periodYears(text) : [];
  return years.length > 0 && years.every((y) => y < to);
}

function newYear(s: Session): number | undefined {
  const d = s.draft.document;
  return d?.year ?? (d?.date ? Number(d.date.slice(0, 4)) : undefined);
}

function walk(value: unknown, path: Path, visit: (text: string, path: Path) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i], visit));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) walk(v, [...path, k], visit);
}

/** What still names last year's year, less what the clerk looked at and kept. */
export function yearMentions(s: Session): { from: number; to: number; mentions: YearMention[] } | undefined {
  const from = s.progress.from;
  const to = newYear(s);
  if (from === undefined || to === undefined || from === to) return undefined;
  const kept = new Set((s.progress.kept ?? []).map((k) => `${k.at}\n${k.text}`));
  const mentions: YearMention[] = [];
  walk(s.draft, [], (text, path) => {
    if (path[0] === 'document' && path[1] !== 'title') return;
    if (!needsLook(text, path, from, to) || kept.has(`${toPointer([...path])}\n${text}`)) return;
    const replaced = replaceYear(text, from, to, isPeriod(path));
    const shown = excerpt(text, from, to, isPeriod(path));
    mentions.push({
      path,
      label: fieldLabel(path, s.draft),
      text,
      shown,
      replaced: replaced === text ? undefined : replaced,
    });
  });
  return { from, to, mentions };
}

export function mentionsBlock(found: { from: number; to: number; mentions: readonly YearMention[] }): string {
  const rows = found.mentions.map((m) => `  - ${m.label}: ${m.shown}`);
  return `Cần xem lại: ${found.mentions.length} chỗ còn ghi năm ${found.from} của kế hoạch cũ, hoặc có thời gian thực hiện đã qua trước năm ${found.to}:\n${rows.join('\n')}`;
}

/** Replace the old year in every listed text; returns how many texts changed. */
export async function replaceAll(s: Session): Promise<number> {
  const found = yearMentions(s);
  if (!found) return 0;
  let count = 0;
  for (const m of found.mentions) {
    if (m.replaced === undefined || judge(s, m.path, m.replaced) !== true) continue;
    await store(s, m.path, m.replaced);
    count++;
  }
  s.prompter.say(`  Đã đổi năm ${found.from} thành ${found.to} ở ${count} chỗ.`);
  return count;
}

type ItemAction = 'replace' | 'edit' | 'keep' | 'stop';

function keep(s: Session, m: YearMention, text: string): void {
  s.progress.kept = [...(s.progress.kept ?? []), { at: toPointer([...m.path]), text }];
}

/** One by one: replace, edit, or keep as it is (then it leaves the list). */
export async function reviewEach(s: Session): Promise<void> {
  const found = yearMentions(s);
  if (!found) return;
  for (const [i, m] of found.mentions.entries()) {
    if (getAt(s.draft, m.path) !== m.text) continue;
    s.prompter.say(`\n(${i + 1}/${found.mentions.length}) ${m.label}:\n  ${m.text}`);
    const fits = m.replaced !== undefined && judge(s, m.path, m.replaced) === true;
    const action = await s.prompter.select<ItemAction>({
      id: 'years.item',
      message: 'Chọn việc cần làm:',
      choices: [
        ...(fits ? [{ value: 'replace' as const, name: `Đổi thành: ${ellipsis(m.replaced ?? '', 110)}` }] : []),
        { value: 'edit', name: 'Sửa nội dung này' },
        { value: 'keep', name: `Giữ nguyên (đúng cho năm ${found.to})` },
        { value: 'stop', name: 'Dừng, quay lại màn hình Xem lại' },
      ],
      default: fits ? 'replace' : 'edit',
    });
    if (action === 'stop') return;
    if (action === 'replace') await store(s, m.path, m.replaced);
    if (action === 'keep') {
      keep(s, m, m.text);
      await s.save();
    }
    if (action === 'edit') {
      const value = await askText(s, {
        id: 'years.edit',
        message: `${m.label}:`,
        path: m.path,
        default: m.text,
        editable: true,
      });
      // Seen and left as it was: the clerk has judged it, it leaves the list.
      if (value === m.text) {
        keep(s, m, m.text);
        await s.save();
      }
    }
  }
}
