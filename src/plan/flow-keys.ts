// Keys that are flow collections in an indented block map (`m:`, then `  [a]: 1`), without `yaml`.
// js-yaml names such a key otherwise than `yaml` (quick-parse.ts names those of the root map as
// `yaml` does), so a top-level entry holding them went to `yaml` whole: a 2 MB one took three
// seconds. And `yaml` finds them wrong: in a block map other than the root, an item whose key is
// a flow collection, when it is not the map's first, leaves behind it an empty item of the
// newline and blanks before it, and at the map's end `yaml` reports one error, IMPOSSIBLE ("Map
// comment with trailing content"), at the key of the last such item. So where each such key is
// of the forms quick-parse.ts names, js-yaml reads the text clean with each one written as
// `yaml` names it, and its listener shows each as a key of a block map, the errors are these and
// no more. A block scalar that ends right before such a key takes the newline in (when no blank
// line stands between, or it keeps its last line breaks, `|+`): that key leaves no empty item.
// Left to `yaml`, where the newline before the item goes elsewhere or a comment may stand for the
// item: a text with a comment line (a comment at a line's end is let through), a key or `-` with
// no value on its line before such a key, a CR, a flow key at the root, an anchor, tag or alias,
// an explicit key.
// test/plan-flow-keys.test.ts holds the rule to `yaml` on thousands of files. No `yaml` here: its
// errors are made by the caller.
import { KEY_COLON, LONGEST_FLOW_NAME, flowKeyName, quickParse, type NodeListener } from './quick-parse.js';

// A line that opens with a flow collection, indented or not, after `- ` or not.
const FLOW_LINE = /^( *(?:- +)*)[[{]/gmu;
// A tag or an alias anywhere, or an explicit key or value (`? b`, then `:` alone): found by a
// review. An anchor only on a value on its key's line (`b: &x 1`; `b: &x` has no value on its
// line either, and one before a block scalar would hide its header), and only where the caller
// knows no alias names it (it may be named in another chunk, which `yaml` then reads without it).
const TAG_ALIAS_OR_EXPLICIT = /[!*]|^ *(?:- +)*[?:](?: |$)/mu;
const ANCHOR = /&/gu;
const VALUE_ANCHOR = /(?<=: )&[\p{L}\p{N}_-]+ +[^\s#|>&!*]/gu;
// A line whose key or item has no value on it: `k:`, `- k:`, `-`. Its newline goes to the key.
const NO_VALUE = /^( *(?:- +)*)(?:[^\s#-][^\n]*?:|-)[ \t]*$/u;
// A line that is a comment, and a `#` glued to what stands before it (text, or a comment in a
// quoted value or a flow collection): left to `yaml`. A comment at a line's end, taken off (END_COMMENT).
const COMMENT_LINE = /^[ \t]*#/mu;
const GLUED_HASH = /[^ \t\n]#/u;
const END_COMMENT = /[ \t]+#.*$/u;
// A block scalar's header, where the value of a block scalar node starts; `+` keeps its line breaks.
const BLOCK_SCALAR = / *[|>][0-9-]*(\+)?/uy;

/** A node js-yaml made: where it opened, what it is, and how many nodes it holds. */
interface Node {
  readonly at: number;
  kind: string | null;
  held: number;
}

/**
 * Where each such key that `yaml` finds wrong starts (one per map), in order, and the data;
 * undefined if the rule does not hold. `anchors`: whether anchors may be let through (no alias in
 * the file).
 */
export function indentedFlowKeys(
  text: string,
  anchors = false,
): { errors: number[]; data: Record<string, unknown> } | undefined {
  if (text.includes('\r') || TAG_ALIAS_OR_EXPLICIT.test(text)) return undefined;
  if (text.includes('&') && (!anchors || countOf(ANCHOR, text) !== countOf(VALUE_ANCHOR, text))) return undefined;
  if (text.includes('#') && (COMMENT_LINE.test(text) || GLUED_HASH.test(text))) return undefined;
  // Each key: where it starts in `text`, and in the text read, where it is written as named.
  const keys: Array<{ at: number; named: number }> = [];
  const parts: string[] = [];
  let done = 0;
  let shift = 0;
  FLOW_LINE.lastIndex = 0;
  for (let line = FLOW_LINE.exec(text); line !== null; line = FLOW_LINE.exec(text)) {
    const indent = line[1]!.length;
    const at = line.index + indent;
    if (indent === 0) return undefined;
    const key = flowKeyName(text, at, 0);
    if (key === undefined || key.name.length > LONGEST_FLOW_NAME) return undefined;
    KEY_COLON.lastIndex = key.end;
    if (!KEY_COLON.test(text) || noValueBefore(text, line.index, indent)) return undefined;
    const name = JSON.stringify(key.name);
    parts.push(text.slice(done, at), name);
    keys.push({ at, named: at + shift });
    shift += name.length - (key.end - at);
    done = key.end;
    FLOW_LINE.lastIndex = key.end;
  }
  if (keys.length === 0) return undefined;
  parts.push(text.slice(done));
  const read = parts.join('');

  // The node each key is, and the node holding it, by where the key starts in the text read.
  const named = new Map(
    keys.map(({ named: at }) => [at, undefined as { node: Node; map: Node; index: number } | undefined]),
  );
  const open: Node[] = [];
  let root: Node | undefined;
  // Where each block scalar ends (js-yaml: where the next line's content starts), and whether it keeps its line breaks.
  const blockEnds = new Map<number, boolean>();
  const listener: NodeListener = (event, state) => {
    if (event === 'open') {
      const node: Node = { at: state.position, kind: null, held: 0 };
      root ??= node;
      open.push(node);
      return;
    }
    const node = open.pop();
    const holder = open[open.length - 1];
    if (node === undefined || holder === undefined) return;
    node.kind = (state as unknown as { kind: string | null }).kind;
    if (node.kind === 'scalar') {
      BLOCK_SCALAR.lastIndex = node.at;
      const header = BLOCK_SCALAR.exec(read);
      if (header !== null) blockEnds.set(state.position, header[1] !== undefined);
    }
    // The scalar that opens there (an item `- "[ a ]": 1` opens there too). js-yaml makes a node
    // twice only for a tag, which it is not given here (quick-parse.ts, localTagListener).
    if (named.has(node.at) && node.kind === 'scalar') named.set(node.at, { node, map: holder, index: holder.held });
    holder.held++;
  };
  const data = quickParse(read, true, false, undefined, { nodes: listener });
  if (data === undefined) return undefined;

  // The last key of each map that is not its first item.
  const last = new Map<Node, number>();
  for (const [index, { named: at }] of keys.entries()) {
    const found = named.get(at);
    // A key of a block map: a scalar, at an even place among the nodes of a map (key, value, …)
    // that is neither the root nor a flow map (`k: {` then `  "x": 1,` and `  [a]: 2` is JSON
    // once the key is named: js-yaml reads it).
    if (found === undefined || found.map.kind !== 'mapping') return undefined;
    if (found.map === root || found.index % 2 !== 0 || opensFlow(read, found.map.at)) return undefined;
    const taken = takenIn(read, at, blockEnds);
    if (taken === undefined) return undefined;
    if (found.index > 0 && !taken) last.set(found.map, index);
  }
  const errors = [...last.values()].map((index) => keys[index]!.at).sort((a, b) => a - b);
  return { errors, data };
}

/**
 * Whether the newline before the key at `at` is a block scalar's: one ends right at the key (as
 * js-yaml places its end), and the line before the key's is its content (a blank line between is
 * the key's, unless the scalar keeps its line breaks).
 */
function takenIn(text: string, at: number, blockEnds: ReadonlyMap<number, boolean>): boolean | undefined {
  const keeps = blockEnds.get(at);
  if (keeps === undefined) return false;
  if (keeps) return true;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, Math.max(0, lineStart - 1));
  // A line of blanks alone, which the scalar may take or leave: left to `yaml`.
  if (before !== '' && before.trim() === '') return undefined;
  return before !== '';
}

/** Whether the line before the one at `lineStart` (blank lines aside) is a key or item with no value, as far in as `indent` or less. */
function noValueBefore(text: string, lineStart: number, indent: number): boolean {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(END_COMMENT, '');
    if (line.trim() !== '') {
      const match = NO_VALUE.exec(line);
      return match !== null && indent <= match[1]!.length;
    }
    end = start - 1;
  }
  return false;
}

/** Whether the first character past blanks and line breaks from `at` opens a flow collection. */
function opensFlow(text: string, at: number): boolean {
  let i = at;
  while (text[i] === ' ' || text[i] === '\n') i++;
  return text[i] === '{' || text[i] === '[';
}

/** How many times the global `pattern` matches in `text`. */
function countOf(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text) !== null) count++;
  return count;
}
