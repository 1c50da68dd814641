// import(build(P)) == P: every example and generated plans are rendered by kehoach and read back
// from the visible text alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPlan } from '../src/index.js';
import { readDocx } from '../src/docx/read.js';
import { locatePlan } from '../src/docx/part.js';
import { importPlan, type KnownNames } from '../src/docx/import/index.js';
import { knownFromWizardData } from '../src/docx/import/known.js';
import { loadWizardData } from '../src/wizard/data.js';
import { loadPlan } from '../src/plan/load.js';
import type { Plan } from '../src/plan/types.js';
import { EXAMPLES_DIR, exampleNames } from './helpers/build.js';
import { canonical, generatePlans, withoutUnrecoverable } from './helpers/import-plans.js';

let known: KnownNames;
beforeAll(async () => {
  known = knownFromWizardData(await loadWizardData());
});

const created = new Date('2026-01-02T03:04:05Z');

async function roundTrip(plan: Plan) {
  const doc = readDocx(await renderPlan(plan, { created }));
  const part = locatePlan(doc);
  expect(part).toBeDefined();
  return importPlan(doc, part!, { known });
}

describe('import(build(P)) for the examples', () => {
  for (const name of exampleNames()) {
    it(name, async () => {
      const loaded = loadPlan(readFileSync(join(EXAMPLES_DIR, name)), { today: new Date('2026-06-01') });
      expect(loaded.plan).toBeDefined();
      const plan = loaded.plan!;
      const result = await roundTrip(plan);
      expect(result.leftovers).toEqual([]);
      expect(result.missing).toEqual([]);
      expect(withoutUnrecoverable(result.data)).toEqual(withoutUnrecoverable(canonical(plan)));
      expect(result.data['agency']).toMatchObject({ sector: plan.agency.sector });
      expect(result.guessed).toContain('/agency/sector');
      // Every value has its paragraph.
      expect(result.sources.get('/document/title')).toBeGreaterThan(0);
      expect(result.sources.get('/tasks/pillars/0/lead')).toBeGreaterThan(0);
      // Parents are located at their first value, for rules about a whole group or object.
      expect(result.sources.get('/tasks/pillars')).toBe(result.sources.get('/tasks/pillars/0'));
      expect(result.sources.get('/signer')).toBeGreaterThan(result.sources.get('/recipients')!);
      expect(result.sources.get('/agency')).toBe(1);
    });
  }
});

describe('import(build(P)) for generated plans', () => {
  const plans = generatePlans(60, 20261206);
  it.each(plans.map((plan, i) => [i, plan] as const))('plan %i', async (_i, plan) => {
    const result = await roundTrip(plan);
    expect(result.leftovers).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(withoutUnrecoverable(result.data)).toEqual(withoutUnrecoverable(canonical(plan)));
    // Pillars are guessed when a task names one of the five words, never claimed as read.
    const pillars = (result.data['tasks'] as Record<string, { pillar?: string }[]>)['pillars'] ?? [];
    pillars.forEach((task, i) => {
      if (task.pillar !== undefined) expect(result.guessed).toContain(`/tasks/pillars/${i}/pillar`);
    });
  });
});

describe('a built plan edited in Word', () => {
  it('is read from what the text now says (no copy of the plan is embedded)', async () => {
    const plan = loadPlan(readFileSync(join(EXAMPLES_DIR, 'quang-tri-2022.yaml')), {
      today: new Date('2026-06-01'),
    }).plan!;
    const zip = await JSZip.loadAsync(await renderPlan(plan, { created }));
    const xml = await zip.file('word/document.xml')!.async('string');
    const edited = xml
      .replace('Số: 52/KH-UBND', 'Số: 60/KH-UBND')
      .replace('Phát huy vai trò của ngoại giao văn hóa', 'Nâng cao vai trò của ngoại giao văn hóa')
      .replace('>Bộ Chỉ huy Bộ đội Biên phòng tỉnh<', '>Công an tỉnh<');
    expect(edited.split('Nâng cao vai trò').length).toBe(2);
    zip.file('word/document.xml', edited);
    const doc = readDocx(await zip.generateAsync({ type: 'uint8array' }));
    const result = importPlan(doc, locatePlan(doc)!, { known });
    expect(result.data['document']).toMatchObject({ number: 60 });
    expect((result.data['purposes'] as string[])[1]).toMatch(/^Nâng cao vai trò của ngoại giao văn hóa/u);
    expect((result.data['tasks'] as Record<string, { lead: string }[]>)['alignment']![3]!.lead).toBe('Công an tỉnh');
    expect(result.leftovers).toEqual([]);
  });
});
