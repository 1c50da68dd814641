// The one seam between the wizard and the terminal. Steps only ever talk to a Prompter; the real
// one (inquirer-prompter.ts) draws prompts, tests script the answers.

/** A validation result: true, or the Vietnamese message shown under the prompt. */
export type Validation = true | string;

export interface Choice<V> {
  value: V;
  name: string;
  /** Shown under the list when the choice is highlighted. */
  description?: string;
  /** Not selectable; a string says why. */
  disabled?: boolean | string;
  /** Checkbox only: ticked at the start. */
  checked?: boolean;
}

interface Question {
  /** Stable id of the question (e.g. `agency.name`); scripted answers are matched on it. */
  id: string;
  message: string;
}

export interface SelectQuestion<V> extends Question {
  choices: readonly Choice<V>[];
  /** Highlighted at the start, so that Enter takes it. */
  default?: V;
}

export interface SearchQuestion<V> extends Question {
  /** Called with the typed term (undefined before anything is typed). */
  source: (term: string | undefined) => readonly Choice<V>[];
  default?: V;
  validate?: (value: V) => Validation;
}

export interface CheckboxQuestion<V> extends Question {
  choices: readonly Choice<V>[];
}

export interface InputQuestion extends Question {
  /** Taken by Enter on an empty line. */
  default?: string;
  /** The default is existing text the clerk may keep, edit or clear (the prompt says how). */
  editable?: boolean;
  /** Receives the raw typed text (before cleaning). */
  validate?: (raw: string) => Validation;
}

export interface ConfirmQuestion extends Question {
  default?: boolean;
}

export interface Prompter {
  select<V>(question: SelectQuestion<V>): Promise<V>;
  search<V>(question: SearchQuestion<V>): Promise<V>;
  checkbox<V>(question: CheckboxQuestion<V>): Promise<V[]>;
  input(question: InputQuestion): Promise<string>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  /** Text between prompts: guidance, previews, notes. One call, one or more whole lines. */
  say(text: string): void;
  /** Gives the terminal back as it was (raw mode, paste mode); called once at the end. */
  close?(): void;
}

/** Esc on a question: the clerk wants the previous question back. */
export class PromptBack extends Error {
  override name = 'PromptBack';
  constructor() {
    super('Esc: back to the previous question');
  }
}

export function isPromptBack(error: unknown): error is PromptBack {
  return error instanceof Error && error.name === 'PromptBack';
}

/** Ctrl-C in inquirer (ExitPromptError) or an abort signal (AbortPromptError). */
export function isPromptInterrupt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}
