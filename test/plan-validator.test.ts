// The validator `npm run build` generates (ajv standalone) must say exactly what ajv says when it
// compiles the schema at run time: same verdict, same errors in the same order, on every plan we
// have and on many broken variants of them. And the generated file must match the schema.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { AJV_OPTIONS, VALIDATOR_FILE, validatorSource } from '../scripts/plan-validator.mjs';
import { planSchema, planValidator } from '../src/plan/schema.js';
import { normalizeDeep } from '../src/text/nfc.js';

const ROOT = resolve(import.meta.dirname, '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f));
}

function documents(): Array<[string, unknown]> {
  const files = [...yamlFiles(join(ROOT, 'test', 'fixtures')), ...yamlFiles(join(ROOT, 'examples'))];
  const out: Array<[string, unknown]> = [];
  for (const file of files) {
    let data: unknown;
    try {
      // As the loader does: whatever data a broken file still yields is validated too.
      data = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: false }).toJS();
    } catch {
      continue;
    }
    out.push([file.slice(ROOT.length + 1), normalizeDeep(data)]);
  }
  return out;
}

const REPLACEMENTS: unknown[] = [
  null,
  0,
  -1,
  1.5,
  99999,
  '',
  'x',
  'x'.repeat(3000),
  '2026-13-45',
  '01/01',
  true,
  [],
  {},
  ['x'],
  [{}],
];

/** Every value replaced by each odd value, every key deleted, an unknown key in every object. */
function* variants(data: unknown, path: (string | number)[] = []): Generator<[string, unknown]> {
  const at = path.join('.') || '(gốc)';
  if (path.length > 0) {
    for (const value of REPLACEMENTS) yield [`${at} = ${JSON.stringify(value).slice(0, 20)}`, { path, value }];
    yield [`${at} xóa`, { path, value: undefined }];
  }
  if (Array.isArray(data)) {
    for (const [i, item] of data.entries()) yield* variants(item, [...path, i]);
  } else if (data !== null && typeof data === 'object') {
    yield [`${at} + khóa lạ`, { path: [...path, 'khoa_la'], value: 1 }];
    for (const [key, value] of Object.entries(data)) yield* variants(value, [...path, key]);
  }
}

function apply(data: unknown, edit: { path: (string | number)[]; value: unknown }): unknown {
  const copy = structuredClone(data);
  let node = copy as Record<string | number, unknown>;
  for (const step of edit.path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = edit.path[edit.path.length - 1]!;
  if (edit.value === undefined) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else node[last] = edit.value;
  return copy;
}

describe('the generated plan validator', () => {
  const generated = planValidator();
  const runtime = new Ajv(AJV_OPTIONS).compile(planSchema());

  const agree = (label: string, data: unknown): boolean => {
    const a = generated(data);
    const b = runtime(data);
    expect(a, label).toBe(b);
    expect(generated.errors ?? null, label).toEqual(runtime.errors ?? null);
    return a;
  };

  it('is the code ajv writes for the current schema', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(validatorSource(planSchema()));
  });

  it('agrees with a runtime-compiled ajv on every fixture and example', () => {
    const docs = documents();
    expect(docs.length).toBeGreaterThan(15);
    const verdicts = docs.map(([file, data]) => agree(file, data));
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });

  it('agrees on broken variants of every example', () => {
    let count = 0;
    for (const [file, data] of documents().filter(([f]) => f.startsWith('examples'))) {
      for (const [label, edit] of variants(data)) {
        agree(`${file}: ${label}`, apply(data, edit as { path: (string | number)[]; value: unknown }));
        count++;
      }
    }
    expect(count).toBeGreaterThan(1000);
  });
});
