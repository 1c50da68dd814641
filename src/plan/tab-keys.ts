// Top-level keys indented by Tabs, without `yaml`. `yaml` counts only spaces as indentation, so
// a line of Tabs then a plain key (`\tk: 1`) is to it a key at column 0 that breaks the rule
// against Tabs: it reads the text as it reads the text without those Tabs, and adds one error,
// TAB_AS_INDENT, over the Tabs of each such line. A 2 MB file with a Tab on every line is one
// chunk (no line there is a cut line, chunks.ts) that js-yaml refuses, and `yaml` took three
// seconds to say it. So where every line of a text that opens with a Tab is such a line, and
// js-yaml reads the text clean once they are taken out (then `yaml` finds nothing in it:
// quick-parse.ts), the errors are these and no more. test/plan-tab-keys.test.ts holds the rule
// to `yaml` on thousands of files. No `yaml` here: its errors are made by the caller.
import { quickParse } from './quick-parse.js';

// Tabs, then a key that could be a cut line (chunks.ts): a letter, digit or `_`, no quote or `#`
// before the first `:` that is followed by a blank or the line's end.
const TAB_KEY_LINE = /^(\t+)[\p{L}\p{N}_][^\n:#"']*:(?=[ \t\r\n]|$)/u;
const TAB_FIRST = /^\t/gmu;
// A block scalar's header (`|`, `>-`, `|2+ # …` at a line's end). `yaml` takes Tabs on the lines
// after a block scalar into its value, to find them wrong there (BAD_INDENT): no such text here.
export const BLOCK_HEADER = /(?:^|[ \t])[|>][0-9+-]*[ \t]*(?:#.*)?\r?$/mu;

/** Where the Tabs of each line are ([start, end) offsets in `text`), and the data; undefined if the rule does not hold. */
export function tabKeys(text: string): { tabs: Array<[number, number]>; data: Record<string, unknown> } | undefined {
  const tabs: Array<[number, number]> = [];
  TAB_FIRST.lastIndex = 0;
  for (let match = TAB_FIRST.exec(text); match !== null; match = TAB_FIRST.exec(text)) {
    const end = text.indexOf('\n', match.index);
    const line = text.slice(match.index, end === -1 ? text.length : end);
    const key = TAB_KEY_LINE.exec(line);
    if (key === null) return undefined;
    tabs.push([match.index, match.index + key[1]!.length]);
    TAB_FIRST.lastIndex = match.index + 1;
  }
  if (tabs.length === 0 || BLOCK_HEADER.test(text)) return undefined;
  let stripped = '';
  let from = 0;
  for (const [start, end] of tabs) {
    stripped += text.slice(from, start);
    from = end;
  }
  stripped += text.slice(from);
  const data = quickParse(stripped);
  return data === undefined ? undefined : { tabs, data };
}
