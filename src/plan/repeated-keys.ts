// Keys repeated in a map, found without `yaml`. js-yaml refuses a repeated key, so a chunk with
// one went to `yaml` whole: a 2 MB line `k: {a: 1, a: 1, …}` took four seconds. Here js-yaml
// reads the text letting repeats through, its listener shows each node, and each map's keys are
// compared as duplicate-keys.ts compares them: by value (`1`, `1.0` and `0x1` are one key, `"1"`
// another), a key whose value is NaN never equal. The error of each repeat is at its key's first
// character, as `yaml` places it. Left to `yaml`: anchors, tags, aliases and explicit keys (a key
// may then start elsewhere than its node, or be no scalar). test/plan-repeated-keys.test.ts
// holds the rule to `yaml` on thousands of files.
import { type NodeListener, quickParse } from './quick-parse.js';

// An anchor, tag or alias; an explicit key (`? a`) or value (`: b` opening a line or item).
const REFUSED = /[&*!]|(?:^|[\s[{,])\?(?:\s|$)|^[ \t]*(?:-[ \t]+)*:(?:\s|$)/mu;
const AFTER_KEY = /[ \t]*:/uy;

/** A node js-yaml made: where it opened, and (for one holding others) the keys found in it so far. */
interface Node {
  readonly at: number;
  readonly keys: Array<{ value: unknown; at: number }>;
  /** Whether a node held is a key, and not a scalar: a flow collection as a key. */
  oddKey: boolean;
  /** Whether it is a flow map, once it holds a node. */
  flow?: boolean;
  /** In a flow map: whether the next node held is the value of the key before it. */
  valueNext: boolean;
}

/** What repeatedKeys finds. */
export interface Repeats {
  /** Where each repeated key starts, in order. */
  repeats: number[];
  /** The keys of the root map, each with its value (as `yaml` resolves it) and where it starts, in order. */
  rootKeys: Array<{ value: unknown; at: number }>;
  /** The data, the later value of a repeat kept. */
  data: Record<string, unknown>;
}

/** The repeated keys of `text`, its root map's keys, and the data; undefined if the rule does not hold. */
export function repeatedKeys(text: string): Repeats | undefined {
  if (REFUSED.test(text)) return undefined;
  const repeats: number[] = [];
  const open: Node[] = [];
  let root: Node | undefined;
  let broken = false;
  const listener: NodeListener = (event, state) => {
    if (event === 'open') {
      const node: Node = { at: state.position, keys: [], oddKey: false, valueNext: false };
      root ??= node;
      open.push(node);
      return;
    }
    const node = open.pop();
    if (node === undefined) {
      broken = true;
      return;
    }
    const { kind, result } = state as unknown as { kind: string | null; result: unknown };
    if (kind === 'mapping' && !mapRepeats(node, result, repeats)) broken = true;
    const holder = open[open.length - 1];
    if (holder === undefined) return;
    holder.flow ??= text[contentStart(text, holder.at)] === '{';
    if (holder.flow) {
      // js-yaml makes a node for each key of a flow map, then one for its value where `:` follows
      // the key on its line: keys and values are told apart in turn, comments or not.
      if (holder.valueNext) {
        holder.valueNext = false;
        return;
      }
      AFTER_KEY.lastIndex = state.position;
      holder.valueNext = AFTER_KEY.test(text);
    } else if (!isBlockKey(text, node.at, state.position)) return;
    if (kind === 'scalar' && node.at < state.position) holder.keys.push({ value: result, at: node.at });
    else holder.oddKey = true;
  };
  const data = quickParse(text, true, false, undefined, { nodes: listener, repeats: true });
  if (data === undefined || broken || open.length > 0 || root === undefined) return undefined;
  repeats.sort((a, b) => a - b);
  return { repeats, rootKeys: root.keys, data };
}

/**
 * Where the content of a node that opens at `at` starts: past blanks, line breaks and comments
 * (js-yaml opens a value before the blanks after its key's `:`, and a root map before the
 * comments above it).
 */
function contentStart(text: string, at: number): number {
  let i = at;
  for (;;) {
    const char = text[i];
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') i++;
    else if (char === '#') {
      const end = text.indexOf('\n', i);
      if (end === -1) return text.length;
      i = end;
    } else return i;
  }
}

/**
 * Whether the node over [at, end), held by a block map, is one of its keys: on one line and
 * followed by `:` (keys are implicit, explicit ones being left to `yaml`). A value over lines (a
 * block scalar, whose end js-yaml puts at the next line's content) may be followed by a key `:b`
 * (found by a review).
 */
function isBlockKey(text: string, at: number, end: number): boolean {
  const lineEnd = text.indexOf('\n', at);
  if (lineEnd !== -1 && lineEnd < end) return false;
  AFTER_KEY.lastIndex = end;
  return AFTER_KEY.test(text);
}

/**
 * Adds to `repeats` the place of each key of the map `node` (its data `result`) that repeats one
 * before it. False when its keys may not all have been found: a key no scalar, or fewer keys
 * found than the map holds.
 */
function mapRepeats(node: Node, result: unknown, repeats: number[]): boolean {
  if (node.oddKey || result === null || typeof result !== 'object') return false;
  const seen = new Set<unknown>();
  const names = new Set<string>();
  for (const key of node.keys) {
    names.add(String(key.value));
    if (typeof key.value === 'number' && Number.isNaN(key.value)) continue;
    if (seen.has(key.value)) repeats.push(key.at);
    else seen.add(key.value);
  }
  return names.size === Object.keys(result).length;
}
