// The schema is the one place the plan's shape is written: the generated module, the value lists,
// the serializer's key order and the draft reader must all follow it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Document, isMap, isSeq, parseDocument } from 'yaml';
import { DATA_FILE, SCHEMA_FILE, schemaDataSource } from '../scripts/schema-data.mjs';
import { serializePlan } from '../src/plan/serialize.js';
import { conformDraft } from '../src/plan/shape.js';
import schemaData from '../src/plan/schema-data.js';
import { CAPACITIES, FREQUENCIES, GROUP_KEYS, KINDS, PILLARS, SECTORS, type Plan } from '../src/plan/types.js';
import { FULL_SAMPLE } from '../src/render/sample.js';
import { ROOT } from './helpers/cli.js';

type Node = {
  type?: string | string[];
  properties?: Record<string, Node>;
  items?: Node;
  enum?: unknown[];
  $ref?: string;
};

const schemaText = readFileSync(join(ROOT, 'schemas', 'plan.schema.json'), 'utf8');
const schema = JSON.parse(schemaText) as Node & { definitions: Record<string, Node> };

const resolve = (node: Node): Node => (node.$ref ? schema.definitions[node.$ref.replace('#/definitions/', '')]! : node);

/** Every object node of the schema with its path (a list's items as index 0). */
function objectNodes(
  node: Node = schema,
  path: (string | number)[] = [],
): Array<{ path: (string | number)[]; node: Node }> {
  const n = resolve(node);
  const out: Array<{ path: (string | number)[]; node: Node }> = [];
  if (n.properties) {
    out.push({ path, node: n });
    for (const [key, child] of Object.entries(n.properties)) out.push(...objectNodes(child, [...path, key]));
  }
  if (n.items) out.push(...objectNodes(n.items, [...path, 0]));
  return out;
}

/** Every node of the data's YAML map with the keys in written order, by data path. */
function writtenKeys(
  doc: Document,
  node: unknown = doc.contents,
  path: (string | number)[] = [],
  out = new Map<string, string[]>(),
): Map<string, string[]> {
  if (isMap(node)) {
    out.set(
      JSON.stringify(path),
      node.items.map((p) => String((p.key as { value: unknown }).value)),
    );
    for (const pair of node.items)
      writtenKeys(doc, pair.value, [...path, String((pair.key as { value: unknown }).value)], out);
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => writtenKeys(doc, item, [...path, index], out));
  }
  return out;
}

/** The same object with the keys of every map in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

describe('schema-data.ts', () => {
  it('is exactly what the build generates from schemas/plan.schema.json (run npm run build after editing the schema)', () => {
    expect(SCHEMA_FILE).toBe(join(ROOT, 'schemas', 'plan.schema.json'));
    expect(readFileSync(DATA_FILE, 'utf8')).toBe(schemaDataSource(schemaText));
    expect(schemaData).toEqual(schema);
  });
});

describe('value lists', () => {
  it('are the schema’s enums, in its order', () => {
    const props = schema.properties!;
    expect(KINDS).toEqual(props['kind']!.enum);
    expect(SECTORS).toEqual(props['agency']!.properties!['sector']!.enum);
    expect(FREQUENCIES).toEqual(props['reporting']!.properties!['frequency']!.enum);
    expect(CAPACITIES).toEqual(props['signer']!.properties!['capacity']!.enum);
    expect(PILLARS).toEqual(schema.definitions['pillarTask']!.properties!['pillar']!.enum);
    expect(GROUP_KEYS).toEqual(Object.keys(props['tasks']!.properties!));
  });

  it('cover every enum the schema has', () => {
    const lists = [KINDS, SECTORS, FREQUENCIES, CAPACITIES, PILLARS].map((l) => JSON.stringify(l));
    const enums = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') {
        for (const [k, child] of Object.entries(v)) {
          if (k === 'enum') enums.add(JSON.stringify(child));
          else walk(child);
        }
      }
    };
    walk(schema);
    expect(enums.size).toBeGreaterThan(0);
    for (const e of enums) expect(lists).toContain(e);
  });
});

describe('serializer key order', () => {
  it('is the schema’s property order at every depth, whatever order the data has', () => {
    const full = reversed(FULL_SAMPLE) as Plan;
    const written = writtenKeys(parseDocument(serializePlan(full)));
    const nodes = new Map(objectNodes().map(({ path, node }) => [JSON.stringify(path), node]));
    const reached = new Set<string>();
    for (const [at, keys] of written) {
      // Every item of a list has the shape of item 0.
      const shapePath = JSON.stringify(
        (JSON.parse(at) as (string | number)[]).map((s) => (typeof s === 'number' ? 0 : s)),
      );
      const node = nodes.get(shapePath);
      expect(node, `schema node for ${at}`).toBeDefined();
      reached.add(shapePath);
      expect(keys, `keys at ${at}`).toEqual(Object.keys(node!.properties!).filter((k) => keys.includes(k)));
    }
    // The sample reaches every object of the schema, so no part of the order goes untested.
    expect([...reached].sort()).toEqual([...nodes.keys()].sort());
  });
});

describe('draft shape', () => {
  it('keeps a whole plan as it is', () => {
    const { value, dropped } = conformDraft(structuredClone(FULL_SAMPLE));
    expect(dropped).toEqual([]);
    expect(value).toEqual(FULL_SAMPLE);
  });

  it('reports an unknown key at every object of the schema, at its path', () => {
    for (const { path } of objectNodes()) {
      const data = structuredClone(FULL_SAMPLE) as unknown as Record<string | number, unknown>;
      let node = data;
      for (const step of path) node = node[step] as Record<string | number, unknown>;
      node['khoa_la'] = 'x';
      const { value, dropped } = conformDraft(data);
      expect(dropped.map((d) => [d.rule, d.path])).toEqual([['draft-unknown-key', [...path, 'khoa_la']]]);
      expect(value).toEqual(FULL_SAMPLE);
    }
  });
});
