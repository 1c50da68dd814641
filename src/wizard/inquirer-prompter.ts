// The Prompter over @inquirer/prompts. Imported only once we know there is a terminal.
import { styleText } from 'node:util';
import type { OutputStream } from '../context.js';
import { visible } from '../text/visible.js';
import { wrapWords } from '../text/wrap.js';
import { type TerminalInput, keyGate } from './keys.js';
import { type Choice, type Prompter, PromptBack, type Validation } from './prompter.js';

type Inquirer = typeof import('@inquirer/prompts');

// inquirer compares `default` with `===`, so choices travel as their index and are mapped back.
// Everything drawn passes through visible(): a draft or a --from plan can hold control characters
// and U+202E, which would otherwise act on the terminal instead of being shown.
function indexed<V>(choices: readonly Choice<V>[]) {
  return choices.map((choice, index) => ({
    value: String(index),
    name: visible(choice.name),
    ...(choice.description !== undefined ? { description: visible(choice.description) } : {}),
    ...(choice.disabled !== undefined
      ? { disabled: typeof choice.disabled === 'string' ? visible(choice.disabled) : choice.disabled }
      : {}),
    ...(choice.checked !== undefined ? { checked: choice.checked } : {}),
  }));
}

function indexOfValue<V>(choices: readonly Choice<V>[], value: V | undefined): string | undefined {
  if (value === undefined) return undefined;
  const key = JSON.stringify(value);
  const index = choices.findIndex((choice) => JSON.stringify(choice.value) === key);
  return index === -1 ? undefined : String(index);
}

function shown(validation: Validation): Validation {
  return validation === true ? true : visible(validation);
}

function pick<V>(choices: readonly Choice<V>[], index: string): V {
  const choice = choices[Number(index)];
  if (!choice) throw new Error(`prompt returned an unknown choice ${index}`);
  return choice.value;
}

const KEY_WORDS: Record<string, string> = {
  navigate: 'di chuyển',
  select: 'chọn',
  toggle: 'đánh dấu',
  all: 'chọn hết',
  invert: 'đảo',
  submit: 'xong',
};

const EDIT_KEYS = ' [Enter: giữ • Tab: sửa • Backspace: xóa]';

/**
 * The line left on screen once answered: the question without its key help and colon, then an
 * arrow, then the answer, so that a long question and its answer do not run together.
 */
export function answeredMessage(message: string): string {
  return message.replace(EDIT_KEYS, '').replace(/[:：]\s*$/u, '');
}

const theme = {
  style: {
    message: (text: string, status: string) =>
      status === 'done' ? styleText('bold', answeredMessage(text)) : styleText('bold', text),
    answer: (text: string) => `→ ${styleText('cyan', text)}`,
    keysHelpTip: (keys: [string, string][]) =>
      keys.map(([key, action]) => `${key} ${KEY_WORDS[action] ?? action}`).join(' • '),
  },
};

/** One screen line: a row that wraps mid-word is harder to read than one cut short (the full text shows below). */
export function fitLine(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width
    ? text
    : `${chars
        .slice(0, Math.max(10, width) - 1)
        .join('')
        .trimEnd()}…`;
}

/** Under a list, the highlighted entry's text, wrapped at words to the terminal's width now. */
export function descriptionStyle(stdout: OutputStream): (text: string) => string {
  return (text) => styleText('cyan', wrapWords(text, (stdout.columns ?? 80) - 1));
}

// Bracketed paste: the terminal marks pasted text, so that keys.ts can tell it from typing.
const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';

export async function createInquirerPrompter(options: {
  stdout: OutputStream;
  stdin?: TerminalInput;
  signal?: AbortSignal;
}): Promise<Prompter> {
  const prompts: Inquirer = await import('@inquirer/prompts');
  // Esc aborts the prompt on screen; the abort is then told apart from Ctrl-C and SIGTERM.
  let current: AbortController | undefined;
  const gate = options.stdin ? keyGate(options.stdin, () => current?.abort()) : undefined;
  if (gate) options.stdout.write(PASTE_ON);
  async function run<T>(
    prompt: (context: { signal: AbortSignal; input?: NodeJS.ReadableStream }) => Promise<T>,
  ): Promise<T> {
    const back = new AbortController();
    current = back;
    const signal = options.signal ? AbortSignal.any([options.signal, back.signal]) : back.signal;
    try {
      return await prompt({ signal, ...(gate ? { input: gate.input } : {}) });
    } catch (error) {
      if (back.signal.aborted && !options.signal?.aborted) throw new PromptBack();
      throw error;
    } finally {
      current = undefined;
    }
  }
  return {
    close() {
      if (!gate) return;
      gate.close();
      options.stdout.write(PASTE_OFF);
    },
    async select(question) {
      const answer = await run((context) =>
        prompts.select(
          {
            message: visible(question.message),
            choices: indexed(question.choices),
            default: indexOfValue(question.choices, question.default),
            pageSize: 12,
            theme,
          },
          context,
        ),
      );
      return pick(question.choices, answer);
    },
    async search(question) {
      // Each call to source() yields fresh choices; remember them to map the answer back.
      let latest: readonly Choice<unknown>[] = [];
      const answer = await run((context) =>
        prompts.search(
          {
            message: visible(question.message),
            source: (term) => {
              const choices = question.source(term);
              latest = choices;
              return indexed(choices);
            },
            default: indexOfValue(question.source(undefined), question.default),
            validate: (index: string) => {
              const choice = latest[Number(index)];
              if (!choice || !question.validate) return true;
              return shown(question.validate(choice.value as never));
            },
            pageSize: 10,
            theme,
          },
          context,
        ),
      );
      return pick(latest, answer) as never;
    },
    async checkbox(question) {
      const answers = await run((context) =>
        prompts.checkbox(
          {
            message: visible(question.message),
            choices: indexed(question.choices).map((c) => ({
              ...c,
              name: fitLine(c.name, (options.stdout.columns ?? 80) - 4),
            })),
            pageSize: 12,
            // The answered line would otherwise repeat every chosen task in full.
            theme: {
              ...theme,
              style: {
                ...theme.style,
                description: descriptionStyle(options.stdout),
                renderSelectedChoices: (selected: readonly unknown[]) => `${selected.length} mục đã chọn`,
              },
            },
          },
          context,
        ),
      );
      return answers.map((index) => pick(question.choices, index));
    },
    async input(question) {
      // Not prefill 'editable': there, emptying the line and pressing Enter brings the old text
      // back. In the default mode Backspace on the empty line drops it, so "none" can be said.
      const message =
        question.editable && question.default !== undefined
          ? `${question.message.replace(/:\s*$/, '')}${EDIT_KEYS}:`
          : question.message;
      // The default is drawn in its visible form; kept as it is, it comes back as the original
      // text, so that showing it never changes it.
      const raw = question.default;
      const drawn = raw === undefined ? undefined : visible(raw);
      const validate = question.validate;
      const original = (answer: string): string => (raw !== undefined && answer === drawn ? raw : answer);
      const answer = await run((context) =>
        prompts.input(
          {
            message: visible(message),
            theme,
            ...(drawn !== undefined ? { default: drawn } : {}),
            ...(validate ? { validate: (typed: string) => shown(validate(original(typed))) } : {}),
          },
          context,
        ),
      );
      return original(answer);
    },
    async confirm(question) {
      return run((context) =>
        prompts.confirm(
          {
            message: visible(question.message),
            default: question.default ?? true,
            theme: {
              ...theme,
              keywords: { yes: 'có', no: 'không', error: () => 'Hãy trả lời "c" (có) hoặc "k" (không).' },
            },
          },
          context,
        ),
      );
    },
    say(text) {
      const shownText = visible(text);
      options.stdout.write(shownText.endsWith('\n') ? shownText : `${shownText}\n`);
    },
  };
}
