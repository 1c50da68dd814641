// Anchors and aliases of a `yaml` document, found in one walk. The package resolves an alias
// (Alias.resolve without a context) by walking the whole document again, and so does its alias
// count in toJS for every alias inside an anchored node: a 2 MB file with a hundred aliases took
// 20 seconds, and one whose problems lie behind an alias took hours (one walk per problem).
// Here every alias is resolved once, as the package resolves it: to the last node before it, in
// document order, that carries its anchor (an ancestor included: then the alias is inside the
// value it names).
import {
  type Alias,
  type Document,
  type Node,
  type ParsedNode,
  isAlias,
  isCollection,
  isDocument,
  isPair,
  isScalar,
} from 'yaml';
import { walkNodes } from './walk.js';

export interface AliasUse {
  alias: Alias;
  /** The node the alias names; undefined when no anchor of that name comes before it. */
  target: Node | undefined;
  /** The alias lies inside its target: the value would contain itself. */
  inside: boolean;
}

/** What a node stands for in the alias counts: the nodes `yaml` would have made for its value. */
interface Stands {
  /** Nodes and map entries, as aliasGrowth counts them. */
  size: number;
  /** 1 when the value has a leaf (a scalar or a key), else 0, as aliasFault weighs a node. */
  weight: number;
}

const stands = new WeakMap<object, Stands>();

/**
 * Marks `node`, a scalar holding `value` (data js-yaml read: no alias in it, yaml-chunks.ts), as
 * the nodes `yaml` would have made for that value: aliasFault and aliasGrowth count it so.
 * Undefined, and nothing marked, when the value nests deeper than `maxDepth`.
 */
export function standFor(node: Node, value: unknown, maxDepth: number): true | undefined {
  let size = 0;
  let leaf = false;
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.depth > maxDepth) return undefined;
    size++;
    if (Array.isArray(item.value)) {
      for (const child of item.value) stack.push({ value: child, depth: item.depth + 1 });
    } else if (item.value !== null && typeof item.value === 'object') {
      for (const child of Object.values(item.value)) {
        // The entry and its key, a leaf.
        size += 2;
        leaf = true;
        stack.push({ value: child, depth: item.depth + 1 });
      }
    } else leaf = true;
  }
  stands.set(node, { size, weight: leaf ? 1 : 0 });
  return true;
}

/** Whether `node` is a scalar standFor marked: data without nodes, and so without positions. */
export function standsIn(node: unknown): boolean {
  return node !== null && typeof node === 'object' && stands.has(node);
}

/** Every alias of `root` in document order, resolved. Cached per root; do not change the root after. */
export function aliasUses(root: Document | Node): readonly AliasUse[] {
  let uses = cache.get(root);
  if (uses === undefined) {
    uses = walkAliases(root);
    cache.set(root, uses);
  }
  return uses;
}

const cache = new WeakMap<object, readonly AliasUse[]>();

/** What an alias names in `root`, from aliasUses. */
export function resolveAlias(root: Document | Node, alias: Alias): Node | undefined {
  return targetsOf(aliasUses(root)).get(alias);
}

/** Each alias of `uses` with what it names, built once per list. */
function targetsOf(uses: readonly AliasUse[]): Map<Alias, Node | undefined> {
  let targets = targetCache.get(uses);
  if (targets === undefined) {
    targets = new Map(uses.map((use) => [use.alias, use.target]));
    targetCache.set(uses, targets);
  }
  return targets;
}

const targetCache = new WeakMap<readonly AliasUse[], Map<Alias, Node | undefined>>();

/** The first alias inside the very node its anchor names (`a: &x [*x]`). */
export function selfAlias(root: Document | Node): Alias | undefined {
  return aliasUses(root).find((use) => use.inside)?.alias;
}

// In document order, as `yaml`'s visit and toJS take it.
function walkAliases(root: Document | Node): AliasUse[] {
  const uses: AliasUse[] = [];
  const anchors = new Map<string, Node>();
  // Anchored collections whose items are being walked: an alias naming one of them is inside it.
  const open = new Set<Node>();
  walkNodes(
    root,
    (node) => {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        uses.push({ alias: node, target, inside: target !== undefined && open.has(target) });
      } else if ((isScalar(node) || isCollection(node)) && node.anchor) {
        anchors.set(node.anchor, node);
        if (isCollection(node)) open.add(node);
      }
      return undefined;
    },
    (collection) => open.delete(collection),
  );
  return uses;
}

/**
 * The document's data, as `doc.toJS({ maxAliasCount })` makes it, in time linear in the document:
 * the aliases are checked here, by the package's own rules, and toJS is then told not to count.
 * toJS may still throw on a document nested deeper than the call stack.
 */
export function aliasedToJS(
  doc: Document.Parsed<ParsedNode> | Document,
  maxAliasCount: number,
  maxGrowth = MAX_ALIAS_GROWTH,
): { value: unknown } | { fault: AliasFault } {
  const uses = aliasUses(doc);
  if (uses.length > 0) {
    const fault = aliasFault(doc, uses, maxAliasCount) ?? aliasGrowth(doc, uses, maxGrowth);
    if (fault !== undefined) return { fault };
  }
  return { value: doc.toJS({ maxAliasCount: -1 }) as unknown };
}

/**
 * Values that aliases may add to a file's data. The package's alias count weighs a node by the
 * aliases inside it, not by its size: 99 aliases to a list of 600,000 numbers passed it, and
 * every walk of the data (NFC, the schema, the rules) then met 60 million values; eight lines of
 * lists of ten empty lists, each naming the one before, made ten million. Sharing a list of
 * partners a hundred times adds a few thousand.
 */
export const MAX_ALIAS_GROWTH = 100_000;

/** Why a document's aliases cannot become data. */
export interface AliasFault {
  kind: 'inside' | 'unresolved' | 'excessive' | 'grows';
  alias: Alias;
}

interface Count {
  count: number;
  aliasCount: number;
}

/**
 * The first alias that keeps the document from becoming data: one inside the value it names
 * (which toJS would turn into a cycle), else the first in toJS's walk that names no anchor or
 * passes the count. The count is toJS's rule: an anchored node starts at 1 when reached; each
 * alias to it adds one, and fails when count times the node's weight passes the limit. The
 * weight, taken at the node's first alias (again while it is 0), is the largest over the node's
 * leaves: 1 for a scalar, count times weight for an alias inside it; a node with no leaf weighs 0.
 * Exported for the tests, which hold it to toJS.
 */
export function aliasFault(
  doc: Document | Node,
  uses: readonly AliasUse[],
  maxAliasCount: number,
): AliasFault | undefined {
  const inside = uses.find((use) => use.inside);
  if (inside !== undefined) return { kind: 'inside', alias: inside.alias };
  const targets = targetsOf(uses);
  const counts = new Map<Node, Count>();
  // The weight of a node without aliases never changes: a node of empty lists weighs 0, and toJS
  // weighs it again at every alias to it (a hundred walks of 2 MB).
  const fixed = new Map<Node, number>();
  const weight = (node: Node): number => {
    const known = fixed.get(node);
    if (known !== undefined) return known;
    let most = 0;
    let aliased = false;
    const stack: unknown[] = [node];
    while (stack.length > 0) {
      const item = stack.pop();
      if (isAlias(item)) {
        aliased = true;
        const target = targets.get(item);
        const count = target === undefined ? undefined : counts.get(target);
        most = Math.max(most, count === undefined ? 0 : count.count * count.aliasCount);
      } else if (isCollection(item)) {
        for (const child of item.items) stack.push(child);
      } else if (isPair(item)) {
        stack.push(item.key, item.value);
      } else most = Math.max(most, stands.get(item as object)?.weight ?? 1);
    }
    if (!aliased) fixed.set(node, most);
    return most;
  };
  // The walk of toJS: anchored nodes counted as they are reached, aliases in order.
  let fault: AliasFault | undefined;
  walkNodes(doc, (node) => {
    if (isAlias(node)) {
      const target = targets.get(node);
      if (target === undefined) fault = { kind: 'unresolved', alias: node };
      const count = target === undefined ? undefined : counts.get(target);
      if (count === undefined) return fault === undefined ? undefined : false;
      count.count += 1;
      if (count.aliasCount === 0) count.aliasCount = weight(target!);
      if (maxAliasCount >= 0 && count.count * count.aliasCount > maxAliasCount) {
        fault = { kind: 'excessive', alias: node };
        return false;
      }
    } else if ((isScalar(node) || isCollection(node)) && node.anchor) counts.set(node, { count: 1, aliasCount: 0 });
    return undefined;
  });
  return fault;
}

/**
 * The alias at which the values the aliases add to the data (each alias stands for a copy of
 * what it names, aliases in it included) pass `maxGrowth`. Sizes are summed over the document in
 * post-order, where everything an alias names is complete before the alias (it comes before it
 * and does not hold it). Values are nodes and map entries.
 */
export function aliasGrowth(
  doc: Document | Node,
  uses: readonly AliasUse[],
  maxGrowth: number,
): AliasFault | undefined {
  const targets = targetsOf(uses);
  // Pre-order with the children taken right to left: read backwards, it is post-order left to right.
  const order: unknown[] = [];
  const stack: unknown[] = [isDocument(doc) ? doc.contents : doc];
  while (stack.length > 0) {
    const node = stack.pop();
    order.push(node);
    if (isPair(node)) stack.push(node.key, node.value);
    else if (isCollection(node)) for (const item of node.items) stack.push(item);
  }
  const anchored = new Map<Node, number>();
  const sizes: number[] = [];
  let added = 0;
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    let size = 1;
    if (isAlias(node)) {
      const target = targets.get(node);
      size = (target === undefined ? undefined : anchored.get(target)) ?? 1;
      added += size - 1;
      if (added > maxGrowth) return { kind: 'grows', alias: node };
    } else if (isPair(node)) size += sizes.pop()! + sizes.pop()!;
    else if (isCollection(node)) for (let n = node.items.length; n > 0; n--) size += sizes.pop()!;
    else if (isScalar(node)) size = stands.get(node)?.size ?? 1;
    if ((isScalar(node) || isCollection(node)) && node.anchor) anchored.set(node, size);
    sizes.push(size);
  }
  return undefined;
}
