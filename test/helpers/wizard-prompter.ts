// A Prompter that answers from a script, the way inquirer would: Enter takes the default, a
// failed validation keeps asking (the next scripted answer for the same question), Ctrl-C throws
// ExitPromptError. Questions not in the script take their default, so a script lists only what
// differs; `remaining` must be empty at the end, or the script and the wizard disagreed.
import {
  type CheckboxQuestion,
  type Choice,
  type ConfirmQuestion,
  type InputQuestion,
  PromptBack,
  type Prompter,
  type SearchQuestion,
  type SelectQuestion,
} from '../../src/wizard/prompter.js';

export const DEFAULT = Symbol('Enter');
export const CTRL_C = Symbol('Ctrl-C');
/** Esc: back to the previous question. */
export const ESC = Symbol('Esc');
/** Backspace on the empty line, then Enter: the default is dropped and the answer is empty. */
export const CLEAR = Symbol('Backspace');

/** Select by the text shown rather than by value. */
export interface ByName {
  name: RegExp;
}
/** Type a term in a search prompt, then take the n-th result (0 = the highlighted first one). */
export interface SearchAnswer {
  term: string;
  pick?: number;
}
/** Tick exactly these checkbox entries (by position). */
export interface Ticks {
  ticks: number[];
}

export type Answer =
  | typeof DEFAULT
  | typeof CTRL_C
  | typeof ESC
  | typeof CLEAR
  | string
  | boolean
  | ByName
  | SearchAnswer
  | Ticks
  | unknown;

export interface Asked {
  id: string;
  kind: 'select' | 'search' | 'checkbox' | 'input' | 'confirm';
  message: string;
  default?: unknown;
  /** Select and checkbox: what was offered; search: what the last typed term found. */
  choices?: Array<{ name: string; disabled?: boolean | string; description?: string }>;
}

export interface Rejection {
  id: string;
  value: unknown;
  message: string;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function interrupt(): Error {
  const error = new Error('User force closed the prompt with SIGINT');
  error.name = 'ExitPromptError';
  return error;
}

export class ScriptedPrompter implements Prompter {
  readonly asked: Asked[] = [];
  readonly said: string[] = [];
  readonly rejections: Rejection[] = [];
  private readonly script: Array<[string, Answer]>;

  /** Called before each question is answered (to look at the draft file between steps). */
  onAsk: ((id: string) => void) | undefined;

  constructor(script: Array<[string, Answer]> = []) {
    this.script = [...script];
  }

  get remaining(): ReadonlyArray<[string, Answer]> {
    return this.script;
  }

  private answer(
    id: string,
    kind: Asked['kind'],
    message: string,
    def?: unknown,
    choices?: readonly Choice<unknown>[],
  ): Answer {
    this.asked.push({
      id,
      kind,
      message,
      ...(def !== undefined ? { default: def } : {}),
      ...(choices
        ? {
            choices: choices.map((c) => ({
              name: c.name,
              ...(c.disabled !== undefined ? { disabled: c.disabled } : {}),
              ...(c.description !== undefined ? { description: c.description } : {}),
            })),
          }
        : {}),
    });
    this.onAsk?.(id);
    const head = this.script[0];
    if (head === undefined || head[0] !== id) return DEFAULT;
    this.script.shift();
    if (head[1] === CTRL_C) throw interrupt();
    if (head[1] === ESC) throw new PromptBack();
    return head[1];
  }

  /** After a rejected answer inquirer keeps the prompt open: the script must say what comes next. */
  private retry(id: string, value: unknown, message: string): Answer {
    this.rejections.push({ id, value, message });
    const head = this.script[0];
    if (head === undefined || head[0] !== id) {
      throw new Error(
        `scripted answer ${JSON.stringify(value)} for ${id} was rejected ("${message}") and the script has no other answer`,
      );
    }
    this.script.shift();
    if (head[1] === CTRL_C) throw interrupt();
    if (head[1] === ESC) throw new PromptBack();
    return head[1];
  }

  async select<V>(q: SelectQuestion<V>): Promise<V> {
    const answer = this.answer(q.id, 'select', q.message, q.default, q.choices);
    let choice: Choice<V> | undefined;
    if (answer === DEFAULT) {
      choice =
        (q.default !== undefined ? q.choices.find((c) => same(c.value, q.default)) : undefined) ??
        q.choices.find((c) => !c.disabled);
    } else if (
      answer !== null &&
      typeof answer === 'object' &&
      'name' in answer &&
      (answer as ByName).name instanceof RegExp
    ) {
      choice = q.choices.find((c) => (answer as ByName).name.test(c.name));
    } else {
      choice = q.choices.find((c) => same(c.value, answer));
    }
    if (!choice)
      throw new Error(`no choice of ${q.id} matches ${String(answer)}: ${q.choices.map((c) => c.name).join(' | ')}`);
    if (choice.disabled) throw new Error(`choice "${choice.name}" of ${q.id} is disabled`);
    return choice.value;
  }

  async search<V>(q: SearchQuestion<V>): Promise<V> {
    let answer = this.answer(q.id, 'search', q.message, q.default);
    for (;;) {
      let choice: Choice<V> | undefined;
      if (answer === DEFAULT) {
        const initial = q.source(undefined);
        choice = (q.default !== undefined ? initial.find((c) => same(c.value, q.default)) : undefined) ?? initial[0];
      } else {
        const { term, pick = 0 } = answer as SearchAnswer;
        const found = q.source(term);
        // What the clerk saw for the term, for tests of the search itself.
        const entry = this.asked[this.asked.length - 1];
        if (entry)
          entry.choices = found.map((c) => ({
            name: c.name,
            ...(c.disabled !== undefined ? { disabled: c.disabled } : {}),
          }));
        choice = found[pick];
      }
      if (!choice) throw new Error(`search ${q.id}: nothing to pick for ${JSON.stringify(answer)}`);
      const verdict = q.validate ? q.validate(choice.value) : true;
      if (verdict === true) return choice.value;
      answer = this.retry(q.id, choice.value, verdict);
    }
  }

  async checkbox<V>(q: CheckboxQuestion<V>): Promise<V[]> {
    const answer = this.answer(q.id, 'checkbox', q.message, undefined, q.choices);
    if (answer === DEFAULT) return q.choices.filter((c) => c.checked).map((c) => c.value);
    const { ticks } = answer as Ticks;
    return ticks.map((i) => {
      const choice = q.choices[i];
      if (!choice) throw new Error(`checkbox ${q.id} has no entry ${i}`);
      return choice.value;
    });
  }

  async input(q: InputQuestion): Promise<string> {
    let answer = this.answer(q.id, 'input', q.message, q.default);
    for (;;) {
      // inquirer: an empty line takes the default.
      const raw = answer === DEFAULT ? (q.default ?? '') : answer === CLEAR ? '' : String(answer);
      const line = raw === '' && answer !== CLEAR ? (q.default ?? '') : raw;
      const verdict = q.validate ? q.validate(line) : true;
      if (verdict === true) return line;
      answer = this.retry(q.id, line, verdict);
    }
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    const answer = this.answer(q.id, 'confirm', q.message, q.default);
    return answer === DEFAULT ? (q.default ?? true) : Boolean(answer);
  }

  say(text: string): void {
    this.said.push(text);
  }
}
