// Issue 9, item 3: aliases are resolved in one walk (src/plan/anchors.ts) instead of the `yaml`
// package's walk of the whole document per alias. What the walk says must be what the package
// says: the node an alias names, whether toJS gives up on the alias count (at every limit), which
// alias names nothing, and the data itself. Random documents of anchors and aliases, nested in
// maps and lists, redefined, used before they are defined and inside themselves.
import { describe, expect, it } from 'vitest';
import { Alias, Document, YAMLSeq, isAlias, parseDocument, visit } from 'yaml';
import {
  MAX_ALIAS_GROWTH,
  aliasFault,
  aliasGrowth,
  aliasUses,
  aliasedToJS,
  resolveAlias,
  selfAlias,
} from '../src/plan/anchors.js';
import { seededRandom } from './helpers/random.js';
import { aliasBomb } from './plan-helpers.js';

const NAMES = ['a', 'b', 'c', 'd'];

/** A block map of `entries` keys whose values are scalars, flow lists and block lists of anchors and aliases. */
function randomYaml(random: (n: number) => number, entries: number): string {
  const value = (depth: number): string => {
    const anchor = random(3) === 0 ? `&${NAMES[random(NAMES.length)]} ` : '';
    const kind = random(depth > 1 ? 2 : 4);
    if (kind === 0) return `*${NAMES[random(NAMES.length)]}`;
    if (kind === 1) return `${anchor}${random(100)}`;
    const items = Array.from({ length: random(4) }, () => value(depth + 1));
    return `${anchor}[${items.join(', ')}]`;
  };
  const lines: string[] = [];
  for (let i = 0; i < entries; i++) {
    if (random(4) === 0) {
      const anchor = random(2) === 0 ? ` &${NAMES[random(NAMES.length)]}` : '';
      lines.push(`k${i}:${anchor}`);
      for (let j = random(3) + 1; j > 0; j--) lines.push(`  - ${value(1)}`);
    } else lines.push(`k${i}: ${value(0)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What the package says of the document's data at a limit: the data, or which error. */
function packageSays(doc: Document, maxAliasCount: number): { value: unknown } | { error: string } {
  try {
    return { value: doc.toJS({ maxAliasCount }) };
  } catch (error) {
    const message = (error as Error).message;
    return { error: /Excessive/u.test(message) ? 'excessive' : /Unresolved/u.test(message) ? 'unresolved' : message };
  }
}

/** The self-alias test this module replaced: an alias within the range of the node it names. */
function insideByRange(doc: Document.Parsed): unknown {
  let found: unknown;
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      const [start] = alias.range ?? [-1];
      if (target?.range && start >= target.range[0] && start < target.range[2]) {
        found = alias;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

describe('aliases resolved in one walk', () => {
  it('agree with the package on random documents, at every alias limit', () => {
    const random = seededRandom(20261206);
    const seen = { excessive: 0, unresolved: 0, inside: 0, value: 0 };
    for (let round = 0; round < 2000; round++) {
      const text = randomYaml(random, 1 + random(8));
      const doc = parseDocument(text, { uniqueKeys: false });
      expect(doc.errors, text).toEqual([]);
      const uses = aliasUses(doc);
      for (const use of uses) expect(use.target, text).toBe(use.alias.resolve(doc));
      const aliases: unknown[] = [];
      visit(doc, { Alias: (_, node) => void aliases.push(node) });
      expect(uses.map((use) => use.alias)).toEqual(aliases);
      for (const alias of aliases) if (isAlias(alias)) expect(resolveAlias(doc, alias)).toBe(alias.resolve(doc));
      expect(selfAlias(doc), text).toBe(insideByRange(doc));

      // 0 is not a limit to the package: it turns aliases off.
      for (const limit of [1, 2, 3, 5, 8, 100]) {
        const fault = aliasFault(doc, uses, limit);
        if (fault?.kind === 'inside') {
          seen.inside++;
          continue;
        }
        const says = packageSays(doc, limit);
        if ('error' in says) {
          expect(fault?.kind, `${text}limit ${limit}`).toBe(says.error);
          seen[says.error as 'excessive' | 'unresolved']++;
        } else {
          expect(fault, `${text}limit ${limit}`).toBeUndefined();
          expect(aliasedToJS(doc, limit)).toEqual({ value: says.value });
          seen.value++;
        }
      }
    }
    // Every outcome was met, many times.
    for (const [outcome, count] of Object.entries(seen)) expect(count, outcome).toBeGreaterThan(100);
  });

  it('count the values aliases add to the data, as the data itself counts them', () => {
    // Values in the data: a scalar 1, a list or map 1 and its items, a map entry 1, its key and value.
    const count = (value: unknown): number =>
      Array.isArray(value)
        ? 1 + value.reduce((sum: number, item) => sum + count(item), 0)
        : value !== null && typeof value === 'object'
          ? 1 + Object.values(value).reduce((sum: number, item) => sum + 2 + count(item), 0)
          : 1;
    const random = seededRandom(4242);
    let grown = 0;
    for (let round = 0; round < 500; round++) {
      // Every name anchored first, so that most aliases resolve.
      const text = `a0: &a 1\nb0: &b [1, [2]]\nc0: &c {x: 1}\nd0: &d []\n${randomYaml(random, 1 + random(8))}`;
      const doc = parseDocument(text, { uniqueKeys: false });
      const uses = aliasUses(doc);
      if (uses.length === 0 || aliasFault(doc, uses, -1) !== undefined) continue;
      const value = doc.toJS({ maxAliasCount: -1 }) as unknown;
      // The document's own values: what the data would count were every alias a plain scalar.
      const own = count(parseDocument(text.replace(/\*[a-d]/gu, '0'), { uniqueKeys: false }).toJS());
      // Keys repeated in a map are one entry in the data: leave such documents out.
      if (Object.keys(value as object).length !== (doc.contents as { items: unknown[] }).items.length) continue;
      const added = count(value) - own;
      expect(aliasGrowth(doc, uses, added), text).toBeUndefined();
      if (added > 0) {
        grown++;
        expect(aliasGrowth(doc, uses, added - 1), text).toMatchObject({ kind: 'grows' });
      }
    }
    expect(grown).toBeGreaterThan(100);
  });

  it('refuse aliases that would multiply the data, even where the package’s count lets them pass', () => {
    // Ten lists of ten empty lists, each naming the one before: no leaf, so the package weighs 0.
    const bomb = aliasBomb('[]', 8);
    const doc = parseDocument(bomb);
    expect(aliasFault(doc, aliasUses(doc), 100)).toBeUndefined();
    expect(aliasedToJS(doc, 100)).toMatchObject({ fault: { kind: 'grows' } });
    // A shared list aliased within the limit is data as usual.
    const items = Array.from({ length: 5000 }, (_, i) => i).join(', ');
    // Each alias adds 5,000 values: 19 of them fit under the limit, 21 do not.
    expect(MAX_ALIAS_GROWTH).toBe(100_000);
    const fits = `a: &p [${items}]\n${Array.from({ length: 19 }, (_, i) => `b${i}: *p\n`).join('')}`;
    expect(aliasedToJS(parseDocument(fits), 100)).toHaveProperty('value');
    const over = `${fits}z: *p\nzz: *p\n`;
    expect(aliasedToJS(parseDocument(over), 100)).toMatchObject({ fault: { kind: 'grows', alias: { source: 'p' } } });
  });

  it('find an alias inside the node it names, however deep', () => {
    const doc = parseDocument('a: &x\n  b:\n    - [1, {c: *x}]\n');
    expect(selfAlias(doc)?.source).toBe('x');
    expect(aliasedToJS(doc, 100)).toMatchObject({ fault: { kind: 'inside' } });
  });

  it('name the last anchor before the alias, not a later one of the same name', () => {
    const doc = parseDocument('a: &x 1\nb: *x\nc: &x 2\nd: *x\n');
    expect(aliasedToJS(doc, 100)).toEqual({ value: { a: 1, b: 1, c: 2, d: 2 } });
  });

  it('walk a document nested deeper than the call stack without overflowing it', () => {
    let node: Alias | YAMLSeq = new Alias('x');
    for (let depth = 0; depth < 100_000; depth++) {
      const seq: YAMLSeq = new YAMLSeq();
      seq.items.push(node);
      node = seq;
    }
    const doc = new Document();
    doc.contents = node;
    expect(aliasUses(doc)).toHaveLength(1);
    expect(aliasFault(doc, aliasUses(doc), 100)).toMatchObject({ kind: 'unresolved' });
  });
});
