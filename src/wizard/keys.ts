// What reaches a prompt from the keyboard. inquirer reads a stream; between it and the terminal
// sits this gate, which makes three things safe that a raw terminal is not:
// - Esc alone is "back" (inquirer ignores it), reported to the prompter instead of typed;
// - a paste of several lines (from Word: "line one\r\nline two") is one answer with the lines
//   joined, not the first line submitted and the rest typed into the next question;
// - a burst of Enters submits once; what follows an Enter in the same burst was typed ahead of
//   the next question and is dropped, never landing in it.
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { InputStream } from '../context.js';

/** The terminal's input as cli.ts hands it over (process.stdin). */
export type TerminalInput = InputStream;

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';
const ESC = '\x1b';

export interface KeyState {
  /** Inside a bracketed paste that a previous chunk opened. */
  pasting: boolean;
}

/** One chunk from the terminal, as the prompt should see it; `back` when it was a lone Esc. */
export function filterKeys(chunk: string, state: KeyState): { text: string; back: boolean } {
  if (chunk === ESC && !state.pasting) return { text: '', back: true };
  let text = '';
  let rest = chunk;
  while (rest !== '') {
    if (state.pasting) {
      const end = rest.indexOf(PASTE_END);
      const pasted = end === -1 ? rest : rest.slice(0, end);
      text += pasted.replace(/[\r\n]+/gu, ' ');
      if (end === -1) return { text, back: false };
      state.pasting = false;
      rest = rest.slice(end + PASTE_END.length);
      continue;
    }
    const start = rest.indexOf(PASTE_START);
    const typed = start === -1 ? rest : rest.slice(0, start);
    text += typedKeys(typed);
    if (start === -1) break;
    state.pasting = true;
    rest = rest.slice(start + PASTE_START.length);
  }
  return { text, back: false };
}

/**
 * Keys that came in one read. Text, a line break, more text: a paste without brackets, joined.
 * A line break first: Enter, and whatever followed was typed ahead of the next question.
 */
function typedKeys(keys: string): string {
  const firstBreak = keys.search(/[\r\n]/u);
  if (firstBreak === -1) return keys;
  const before = keys.slice(0, firstBreak);
  const after = keys.slice(firstBreak).replace(/^[\r\n]+/u, '');
  if (before === '' || after === '' || /^[\x00-\x1f\x7f]/u.test(before)) return `${before}\r`;
  return `${before} ${after}`.replace(/[\r\n]+$/u, '').replace(/[\r\n]+/gu, ' ');
}

/**
 * The stream to hand inquirer: a terminal in its eyes (raw mode and pause/resume go through),
 * fed through filterKeys. `onBack` is told of each Esc.
 */
export function keyGate(terminal: TerminalInput, onBack: () => void): { input: PassThrough; close(): void } {
  const input = new PassThrough({ encoding: 'utf8' });
  const state: KeyState = { pasting: false };
  // A read may end inside a character (Vietnamese letters are 2–3 bytes).
  const decoder = new StringDecoder('utf8');
  const onData = (chunk: Buffer | string): void => {
    const keys = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (keys === '') return;
    const { text, back } = filterKeys(keys, state);
    if (back) onBack();
    if (text !== '') input.write(text);
  };
  terminal.on('data', onData);
  const gate = input as PassThrough & { isTTY: boolean; setRawMode(mode: boolean): PassThrough };
  gate.isTTY = true;
  gate.setRawMode = (mode) => {
    terminal.setRawMode?.(mode);
    return input;
  };
  const resume = input.resume.bind(input);
  const pause = input.pause.bind(input);
  input.resume = () => {
    terminal.resume();
    return resume();
  };
  input.pause = () => {
    terminal.pause();
    return pause();
  };
  return {
    input,
    close() {
      terminal.off('data', onData);
      terminal.pause();
    },
  };
}
