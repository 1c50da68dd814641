// From a path in the data back to the user's text. Keys are compared after NFC, because the data
// was normalised but the document keeps what the user typed.
import { type Document, type LineCounter, Pair, YAMLMap, isAlias, isMap, isNode, isScalar, isSeq, visit } from 'yaml';
import { resolveAlias } from './anchors.js';
import type { IssuePath } from './issue.js';

export interface Position {
  line: number;
  column: number;
}

/**
 * Offset of the value (or key) at `path`, else of the nearest ancestor that exists: a missing
 * key is reported where it should have been written.
 */
export function offsetOf(doc: Document, path: IssuePath, at: 'key' | 'value'): number {
  let node: unknown = doc.contents;
  let best = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (isAlias(node)) node = resolveAlias(doc, node);
    if (isMap(node) && typeof step === 'string') {
      const pair = findPair(doc, node, step);
      if (pair === undefined) return best;
      const keyStart = rangeStart(pair.key) ?? best;
      if (i === path.length - 1 && at === 'key') return keyStart;
      best = keyStart;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
    } else {
      return best;
    }
    best = rangeStart(node) ?? best;
  }
  return best;
}

/** The node at `path` (through aliases), or undefined. */
export function nodeAt(doc: Document, path: IssuePath): unknown {
  let node: unknown = doc.contents;
  for (const step of path) {
    node = childAt(doc, node, step);
    if (node === undefined) return undefined;
  }
  return node;
}

/** The child of `node` at one step of a path (through an alias), or undefined. */
export function childAt(doc: Document, node: unknown, step: string | number): unknown {
  const here = isAlias(node) ? resolveAlias(doc, node) : node;
  if (isMap(here) && typeof step === 'string') return findPair(doc, here, step)?.value;
  if (isSeq(here) && typeof step === 'number') return here.items[step];
  return undefined;
}

// Each map's keys are indexed once, on first use: a file with thousands of unknown keys gets one
// problem per key, and scanning the map for each of them was quadratic (minutes at 2 MB).
const pairIndex = new WeakMap<object, Map<string, { key: unknown; value: unknown }>>();

function findPair<P extends { key: unknown; value: unknown }>(
  doc: Document,
  map: { items: readonly P[] },
  key: string,
): P | undefined {
  let index = pairIndex.get(map) as Map<string, P> | undefined;
  if (index === undefined) {
    index = new Map();
    for (const pair of map.items) {
      const name = keyName(doc, pair.key)?.normalize('NFC');
      // The first of duplicate keys, as a linear scan would find it.
      if (name !== undefined && !index.has(name)) index.set(name, pair);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/**
 * The name `yaml` gives a key in the data (toJS): a scalar's value as a string, '' for a null key
 * (`~: 1`), a list or map key (`? [a, b]`) written out in flow style, and an alias (`? *k`) the
 * name of the scalar it names. Undefined for an alias to a list or map, or a key that holds an
 * alias, which are left unnamed. A null or list key was once placed at the start of the file's
 * root, wherever it was written.
 */
export function keyName(doc: Document, key: unknown): string | undefined {
  if (isAlias(key)) {
    const target = resolveAlias(doc, key);
    return isScalar(target) ? scalarName(target.value) : undefined;
  }
  if (isScalar(key)) {
    const name = scalarName(key.value);
    if (name !== undefined) return name;
  }
  if (!isNode(key) || holdsAlias(key)) return undefined;
  // yaml's own naming, from a map of this one key: the same text as the whole document's data.
  const alone = new YAMLMap(doc.schema);
  alone.items.push(new Pair(key, null));
  const named = alone.toJS(doc, { maxAliasCount: -1 }) as Record<string, unknown>;
  return Object.keys(named)[0];
}

function scalarName(value: unknown): string | undefined {
  if (value === null) return '';
  return typeof value === 'object' ? undefined : String(value);
}

function holdsAlias(node: unknown): boolean {
  let found = false;
  visit(node as Parameters<typeof visit>[0], {
    Alias: () => {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

function rangeStart(node: unknown): number | undefined {
  if (node === null || typeof node !== 'object' || !('range' in node)) return undefined;
  const range = (node as { range?: [number, number, number] | null }).range;
  return range?.[0] ?? undefined;
}

/**
 * Line and column in the user's own text, both 1-based. Columns count UTF-16 code units of the
 * original line, as VS Code and most editors do; an NFD file therefore gets the larger column its
 * editor shows, because offsets come from the text as typed, never from the normalised data.
 */
export function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line: Math.max(1, line), column: Math.max(1, col) };
}
