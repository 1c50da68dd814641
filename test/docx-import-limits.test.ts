// What the visible text of a rendered plan cannot tell apart: each pair of plans below differs in
// data and renders to the same paragraphs, so no importer can return both. The importer returns
// the canonical member (test/helpers/import-plans.ts `canonical`), or guesses and says so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPlan } from '../src/index.js';
import { readDocx } from '../src/docx/read.js';
import { loadPlan } from '../src/plan/load.js';
import type { Plan } from '../src/plan/types.js';
import { EXAMPLES_DIR } from './helpers/build.js';
import { generatePlans } from './helpers/import-plans.js';

const created = new Date('2026-01-02T03:04:05Z');
const base = (): Plan =>
  loadPlan(readFileSync(join(EXAMPLES_DIR, 'quang-tri-2022.yaml')), { today: new Date('2026-06-01') }).plan!;

async function visible(plan: Plan): Promise<string[]> {
  return readDocx(await renderPlan(plan, { created })).paragraphs.map((p) => p.text);
}

const PAIRS: [string, (p: Plan) => void, (p: Plan) => void][] = [
  ['agency.sector (printed nowhere)', (p) => (p.agency.sector = 'locality'), (p) => (p.agency.sector = 'ministry')],
  [
    "a task's pillar (printed nowhere)",
    (p) => (p.tasks.pillars[0]!.pillar = 'promote'),
    (p) => (p.tasks.pillars[0]!.pillar = 'absorb'),
  ],
  ['agency.parent null or absent', (p) => (p.agency.parent = null), (p) => delete p.agency.parent],
  [
    'the case of a parent printed only in the letterhead',
    (p) => (p.agency.parent = 'Bộ Ngoại giao'),
    (p) => (p.agency.parent = 'Bộ ngoại giao'),
  ],
  ['document.year beside a date', (p) => (p.document.year = 2022), (p) => delete p.document.year],
  [
    'the full stop at the end of a paragraph',
    (p) => (p.purposes[0] = 'Mục đích một'),
    (p) => (p.purposes[0] = 'Mục đích một.'),
  ],
  [
    'which deadline of a half-yearly report is due',
    (p) => Object.assign(p.reporting, { frequency: 'semiannual', due: '15/06' }),
    (p) => Object.assign(p.reporting, { frequency: 'semiannual', due: '15/12' }),
  ],
  [
    'the agency itself among the report recipients',
    (p) => (p.reporting.to = ['Bộ Ngoại giao']),
    (p) => (p.reporting.to = ['Ủy ban nhân dân tỉnh', 'Bộ Ngoại giao']),
  ],
  [
    'a basis holding "; " before a capital',
    (p) => (p.bases = [`${p.bases[0]!}; Công văn 404`]),
    (p) => (p.bases = [p.bases[0]!, 'Công văn 404']),
  ],
  [
    'the semicolon ending a recipient',
    (p) => (p.recipients[0] = 'Bộ Ngoại giao'),
    (p) => (p.recipients[0] = 'Bộ Ngoại giao;'),
  ],
  ['appendix absent or true', (p) => delete p.appendix, (p) => (p.appendix = true)],
  [
    'partners joined by commas without the appendix',
    (p) =>
      Object.assign(
        p,
        { appendix: false },
        { tasks: { ...p.tasks, alignment: [{ ...p.tasks.alignment[0]!, partners: ['Sở A, phòng B'] }] } },
      ),
    (p) =>
      Object.assign(
        p,
        { appendix: false },
        { tasks: { ...p.tasks, alignment: [{ ...p.tasks.alignment[0]!, partners: ['Sở A', 'phòng B'] }] } },
      ),
  ],
];

describe('distinctions the rendered text erases', () => {
  it.each(PAIRS)('%s', async (_name, left, right) => {
    const a = base();
    const b = base();
    left(a);
    right(b);
    expect(a).not.toEqual(b);
    expect(await visible(a)).toEqual(await visible(b));
  });
});

describe('the generated plans cover what the round trip must survive', () => {
  const plans = generatePlans(60, 20261206);
  it('varies kind, sector, parent, number, date, capacity, appendix and optional task fields', () => {
    const tasks = plans.flatMap((p) => Object.values(p.tasks).flat());
    expect(new Set(plans.map((p) => p.kind)).size).toBe(2);
    expect(new Set(plans.map((p) => p.agency.sector)).size).toBe(2);
    expect(plans.some((p) => p.agency.parent)).toBe(true);
    expect(plans.some((p) => p.document.number === undefined)).toBe(true);
    expect(plans.some((p) => (p.document.number ?? 99) < 10)).toBe(true);
    expect(plans.some((p) => p.document.date === undefined)).toBe(true);
    expect(new Set(plans.map((p) => p.signer.capacity)).size).toBe(6);
    expect(plans.some((p) => p.appendix === false)).toBe(true);
    expect(plans.some((p) => p.appendix === undefined)).toBe(true);
    // Without the appendix the body joins partners with commas, and names hold commas too.
    expect(
      plans.some(
        (p) =>
          p.appendix === false &&
          Object.values(p.tasks)
            .flat()
            .some((t) => (t.partners ?? []).some((x) => x.includes(', '))),
      ),
    ).toBe(true);
    expect(tasks.some((t) => t.period === undefined) && tasks.some((t) => t.output?.endsWith('.'))).toBe(true);
    expect(tasks.some((t) => t.content.length > 1500)).toBe(true);
    expect(tasks.some((t) => /[;!?:]$/u.test(t.content))).toBe(true);
  });
});
