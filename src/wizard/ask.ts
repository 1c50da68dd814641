// Asking one question: clean what was typed, judge it with the same checks as `check` (only the
// issues about this field), store it, save the draft. Every step asks through these helpers.
import { parseTypedDate, toIsoDate } from '../text/date.js';
import { cleanAnswer } from './clean.js';
import { wizardVoice } from './voice.js';
import { type Choice, isPromptBack } from './prompter.js';
import { type Answer, OMIT, type Path, type Session, getAt, issuesAt, setAt, withAnswer } from './session.js';

export interface TextQuestion {
  id: string;
  message: string;
  /** Where the answer goes in the plan. */
  path: Path;
  default?: string | undefined;
  /** Put the current text in the line, ready to edit. */
  editable?: boolean;
  /** Empty means "none": the key is removed (or set to null with `empty: null`). */
  optional?: boolean;
  empty?: null;
  /** Turn the cleaned text into the stored value (a number, an ISO date); anything else stays text. */
  parse?: (text: string) => unknown;
  /** Other paths whose issues this answer can cause (a date against the year). */
  also?: readonly Path[];
  /** Refuses text that `parse` cannot read, in the question's own terms, before the checks see it. */
  understand?: (text: string) => true | string;
}

export function valueOf(q: Pick<TextQuestion, 'optional' | 'empty' | 'parse'>, raw: string): Answer {
  const text = cleanAnswer(raw);
  if (text === '' && q.optional) return q.empty === null ? null : OMIT;
  return q.parse ? q.parse(text) : text;
}

/** The message the prompt shows for this answer, or true when the checks accept it. */
export function judge(s: Session, path: Path, value: Answer, also: readonly Path[] = []): true | string {
  const { errors } = issuesAt(s, withAnswer(s.draft, path, value), [path, ...also]);
  return errors.length === 0 ? true : errors.map((e) => wizardVoice(e, s.draft)).join('\n');
}

/** Store an answer already judged, tell the warnings, save. */
export async function store(s: Session, path: Path, value: Answer, also: readonly Path[] = []): Promise<void> {
  setAt(s.draft, path, value);
  for (const warning of issuesAt(s, s.draft, [path, ...also]).warnings)
    s.prompter.say(`  Lưu ý: ${wizardVoice(warning, s.draft)}`);
  await s.save();
}

export async function askText(s: Session, q: TextQuestion): Promise<Answer> {
  const raw = await s.prompter.input({
    id: q.id,
    message: q.message,
    ...(q.default !== undefined && q.default !== '' ? { default: q.default } : {}),
    ...(q.editable ? { editable: true } : {}),
    validate: (typed) => {
      const text = cleanAnswer(typed);
      const understood = q.understand && !(text === '' && q.optional) ? q.understand(text) : true;
      return understood === true ? judge(s, q.path, valueOf(q, typed), q.also) : understood;
    },
  });
  const value = valueOf(q, raw);
  await store(s, q.path, value, q.also);
  return value;
}

/**
 * A question asked from a menu: Esc there returns to the menu (true), not to the step before.
 * What was answered before the Esc is kept.
 */
export async function backToMenu(ask: () => Promise<unknown>): Promise<boolean> {
  try {
    await ask();
    return false;
  } catch (error) {
    if (isPromptBack(error)) return true;
    throw error;
  }
}

/** The current text at path, for defaults. */
export function currentText(s: Session, path: Path): string | undefined {
  const value = getAt(s.draft, path);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export async function askChoice<V>(
  s: Session,
  q: { id: string; message: string; choices: readonly Choice<V>[]; default?: V | undefined; path?: Path },
): Promise<V> {
  const value = await s.prompter.select({
    id: q.id,
    message: q.message,
    choices: q.choices,
    ...(q.default !== undefined ? { default: q.default } : {}),
  });
  if (q.path) await store(s, q.path, value);
  return value;
}

/** A whole number typed as digits becomes a number; anything else stays text for the schema to explain. */
export function parseWhole(text: string): unknown {
  return /^\d{1,9}$/.test(text) ? Number(text) : text;
}

/** A date in any form parseTypedDate reads becomes ISO; anything else stays as typed. */
export function parseDate(text: string): unknown {
  const parts = parseTypedDate(text);
  return parts === undefined ? text : toIsoDate(parts);
}

export function understandDate(text: string): true | string {
  return parseTypedDate(text) !== undefined
    ? true
    : `Chưa hiểu ngày «${text}»: hãy gõ ngày/tháng/năm, ví dụ 20/3/2027, hoặc 20 tháng 3 năm 2027.`;
}

/** A whole number or a refusal that names the field and shows one. */
export function understandWhole(label: string, example: string): (text: string) => true | string {
  return (text) =>
    /^\d{1,9}$/u.test(text) ? true : `${label} là một số viết bằng chữ số, ví dụ ${example}; «${text}» không phải.`;
}

export function understandDue(text: string): true | string {
  return /^\d{1,2}[/.-]\d{1,2}$/u.test(text) ? true : `Chưa hiểu hạn «${text}»: hãy gõ ngày/tháng, ví dụ 15/11.`;
}

/** 15/11, 5/6 → dd/mm as the schema wants. */
export function parseDue(text: string): unknown {
  const dm = /^(\d{1,2})[/.-](\d{1,2})$/.exec(text);
  return dm ? `${dm[1]!.padStart(2, '0')}/${dm[2]!.padStart(2, '0')}` : text;
}
