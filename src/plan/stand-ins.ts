// Problems inside an anchored entry js-yaml read (chunks.ts anchoredEntry). In the document the
// chunks make (yaml-chunks.ts), the entry is one scalar standing for its data, with no positions
// inside it; but the entry itself is in the file at its own place, and locateFirst's prefix, read
// by `yaml` with positions, may hold it. A path that reaches into the stand-in, through an alias
// (`requirements: *p`) or by its own key (`purposes: &p`), is followed there instead: the alias's
// data is the entry's, so the rest of the path is the same in both. Before, the whole entry was
// read by `yaml` again to place such problems: 0.7 s for a list of 90,000 items.
import { type Document, type Node, type Pair, type ParsedNode, isAlias, isMap, isScalar } from 'yaml';
import { resolveAlias, standsIn } from './anchors.js';
import type { IssuePath } from './issue.js';
import { childAt } from './locate.js';

/** A path that goes into a stand-in: the entry's key (NFC) and its offset in the file, and the steps inside it. */
export interface Crossing {
  key: string;
  entryAt: number;
  inside: IssuePath;
}

interface Entry {
  key: string;
  at: number;
}

/** The stand-ins of `read`, and where a path goes into one. */
export class StandIns {
  readonly #read: Document.Parsed<ParsedNode>;
  readonly #entries = new Map<Node, Entry>();

  constructor(read: Document.Parsed<ParsedNode>) {
    this.#read = read;
    for (const pair of rootPairs(read)) {
      const key = pair.key;
      if (standsIn(pair.value) && isScalar(key) && key.range) {
        this.#entries.set(pair.value as Node, { key: String(key.value).normalize('NFC'), at: key.range[0] });
      }
    }
  }

  /** Where `path` enters a stand-in with steps left to take; undefined when it never does. */
  crossing(path: IssuePath): Crossing | undefined {
    if (this.#entries.size === 0) return undefined;
    let node: unknown = this.#read.contents;
    for (let i = 0; i + 1 < path.length; i++) {
      node = childAt(this.#read, node, path[i]!);
      if (node === undefined) return undefined;
      const here = isAlias(node) ? resolveAlias(this.#read, node) : node;
      const entry = this.#entries.get(here as Node);
      if (entry !== undefined) return { key: entry.key, entryAt: entry.at, inside: path.slice(i + 1) };
    }
    return undefined;
  }
}

/**
 * Whether a stand-in's key has a twin at the top level: another key written otherwise that is the
 * same after NFC (`bés` typed composed and decomposed). The data then holds one value for both,
 * and a path by that name may lead into either; the entries are read by `yaml` instead.
 * `chunks` are the chunks js-yaml read, their keys as written.
 */
export function standInTwins(read: Document.Parsed<ParsedNode>, chunks: ReadonlyArray<{ data?: object }>): boolean {
  const written = new Map<string, string>();
  for (const pair of rootPairs(read)) {
    if (standsIn(pair.value) && isScalar(pair.key)) {
      const key = String(pair.key.value);
      written.set(key.normalize('NFC'), key);
    }
  }
  if (written.size === 0) return false;
  const other = (key: string): boolean => {
    const stand = written.get(key.normalize('NFC'));
    return stand !== undefined && stand !== key;
  };
  for (const pair of rootPairs(read)) if (isScalar(pair.key) && other(String(pair.key.value))) return true;
  return chunks.some(({ data }) => data !== undefined && Object.keys(data).some(other));
}

function rootPairs(doc: Document.Parsed<ParsedNode>): ReadonlyArray<Pair<unknown, unknown>> {
  return isMap(doc.contents) ? doc.contents.items : [];
}

/**
 * A key for the node a crossing's problem is placed at, as offsetOf would place it: the steps the
 * data has (a missing key is placed at its parent), and whether at the last key rather than its
 * value. Two problems with one key are at one place in the file, and two with different keys are
 * not, since the entry holds no alias (one anchor, its own: chunks.ts).
 */
export function placeKey(crossing: Crossing, data: Record<string, unknown>, at: 'key' | 'value'): string {
  let value = data[crossing.key];
  let taken = 0;
  for (const step of crossing.inside) {
    if (value === null || typeof value !== 'object') break;
    const has = Array.isArray(value)
      ? typeof step === 'number' && step < value.length
      : typeof step === 'string' && Object.hasOwn(value, step);
    if (!has) break;
    value = (value as Record<string | number, unknown>)[step];
    taken++;
  }
  const last = crossing.inside[crossing.inside.length - 1];
  const atKey = at === 'key' && taken === crossing.inside.length && typeof last === 'string';
  // Numbers as they are (the common step, in lists), keys quoted: no two paths give one key.
  let key = String(crossing.entryAt);
  for (let i = 0; i < taken; i++) {
    const step = crossing.inside[i]!;
    key += typeof step === 'number' ? `,${step}` : `,${JSON.stringify(step)}`;
  }
  return atKey ? `${key},key` : key;
}
