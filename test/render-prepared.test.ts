// `npm run build` stores the docx skeletons as data (dist/render/skeleton-data.json) so that a run
// never loads docx, and the built-in templates precompiled (dist/render/templates-data.cjs) so that
// it never compiles them. The stored skeletons must be exactly what docx writes from the current
// source, the precompiled templates must be today's files and write what compiling them writes,
// and the built package must render byte for byte what the source renders through docx.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/plan/load.js';
import type { Plan } from '../src/plan/types.js';
import { buildSkeleton } from '../src/render/skeleton-docx.js';
import { PREPARED_LAYOUTS, type SkeletonData, skeletonData, skeletonsFromData } from '../src/render/skeleton.js';
import { renderPlan } from '../src/render/index.js';
import { PRECOMPILED_FILE, TEMPLATE_NAMES, loadTemplates } from '../src/render/templates.js';
import { KINDS } from '../src/plan/types.js';
import { renderBytes } from './fixtures/render/render.js';

const ROOT = resolve(import.meta.dirname, '..');
const EXAMPLES = join(ROOT, 'examples');

function plans(): Plan[] {
  const out: Plan[] = [];
  for (const file of readdirSync(EXAMPLES)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const { plan } = loadPlan(readFileSync(join(EXAMPLES, file)), { today: new Date('2026-12-01T00:00:00Z') });
    if (plan === undefined) throw new Error(`${file} did not load`);
    out.push(plan, { ...plan, appendix: false });
  }
  return out;
}

describe('the skeletons prepared at build time', () => {
  it('are what docx writes for every layout a plan can have', async () => {
    const data = JSON.parse(readFileSync(join(ROOT, 'dist', 'render', 'skeleton-data.json'), 'utf8')) as SkeletonData;
    expect(Object.keys(data)).toEqual(PREPARED_LAYOUTS.map((l) => l.join('+')));
    for (const layout of PREPARED_LAYOUTS) {
      const key = layout.join('+');
      expect(data[key], key).toEqual(skeletonData(new Map([[key, await buildSkeleton(layout)]]))[key]);
    }
    // and the data reads back into the bytes it was made of
    expect(skeletonData(skeletonsFromData(data))).toEqual(data);
  });

  it('give the built package the same bytes as docx, with and without the appendix', async () => {
    const dist = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as typeof import('../src/index.js');
    const created = new Date('2022-03-15T08:30:00Z');
    const all = plans();
    expect(all.some((p) => p.appendix === false)).toBe(true);
    for (const plan of all) {
      const built = await dist.renderPlan(plan, { created });
      expect(Buffer.from(built).equals(Buffer.from(await renderBytes(plan, created))), plan.document.title).toBe(true);
    }
  });
});

describe('the templates precompiled at build time', () => {
  it('hold the source of every built-in template as it is now', async () => {
    const sets = (
      (await import(pathToFileURL(PRECOMPILED_FILE).href)) as {
        default: Record<string, Record<string, { source: string }>>;
      }
    ).default;
    for (const kind of KINDS) {
      for (const name of TEMPLATE_NAMES) {
        const file = readFileSync(join(ROOT, 'templates', kind, `${name}.hbs`), 'utf8').normalize('NFC');
        expect(sets[kind]?.[name]?.source, `${kind}/${name}`).toBe(file);
      }
    }
  });

  it('render what the same templates compiled at run time render', async () => {
    const created = new Date('2022-03-15T08:30:00Z');
    for (const plan of plans()) {
      const precompiled = await loadTemplates(plan.kind);
      // The shipped folder given as overrides: the same files, compiled and checked at run time.
      const compiled = await loadTemplates(plan.kind, join(ROOT, 'templates', plan.kind));
      const a = await renderPlan(plan, { templates: precompiled, created });
      const b = await renderPlan(plan, { templates: compiled, created });
      expect(Buffer.from(a).equals(Buffer.from(b)), plan.document.title).toBe(true);
    }
  });
});
