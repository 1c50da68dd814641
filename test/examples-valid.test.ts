// Every shipped example is a plan a clerk may copy: it must load with no problem at all (not even a
// warning), and together the examples must show the three situations the README points users to.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/plan/load.js';
import { planYear, type Plan, type Task } from '../src/plan/types.js';
import { findToneStyles } from '../src/text/tone.js';

const EXAMPLES = resolve(import.meta.dirname, '..', 'examples');
const files = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.yaml'))
  .sort();
const sources = new Map(files.map((name) => [name, readFileSync(join(EXAMPLES, name), 'utf8')]));

// The real clock: a dated example must not turn into a "date in the future" warning today.
const today = new Date();

function load(name: string): Plan {
  const { plan, problems } = loadPlan(sources.get(name)!, { today });
  expect(problems, `${name}: problems`).toEqual([]);
  expect(plan, `${name}: plan`).toBeDefined();
  return plan!;
}

function allTasks(plan: Plan): Task[] {
  return Object.values(plan.tasks).flat();
}

function allText(plan: Plan): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(plan);
  return out;
}

describe('examples/', () => {
  it('holds at least three plan files', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(files)('%s', (name) => {
    const source = sources.get(name)!;

    it('loads with zero problems of any severity', () => {
      load(name);
    });

    it('points editors at the schema on its first line', () => {
      expect(source.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/plan.schema.json');
    });

    it('is stored in NFC with the old tone-mark placement only (hòa, thủy, Ủy)', () => {
      expect(source).toBe(source.normalize('NFC'));
      const styles = findToneStyles(source);
      expect(styles.filter((o) => o.style === 'new').map((o) => o.word)).toEqual([]);
      expect(styles.some((o) => o.style === 'old')).toBe(true);
    });

    it('has at least three tasks in every group, each with partners, period and output', () => {
      const plan = load(name);
      for (const [group, tasks] of Object.entries(plan.tasks)) {
        expect(tasks.length, group).toBeGreaterThanOrEqual(3);
        for (const task of tasks) {
          expect(task.partners?.length, task.content).toBeGreaterThan(0);
          expect(task.period, task.content).toBeTruthy();
          expect(task.output, task.content).toBeTruthy();
        }
      }
    });
  });

  // From July 2025 there is no district level, and the planning and IT departments were merged
  // into Sở Tài chính and Sở Khoa học và Công nghệ: a later locality plan must not name them.
  const afterReorganisation = files.filter((name) => {
    const { plan } = loadPlan(sources.get(name)!, { today });
    return plan !== undefined && plan.agency.sector === 'locality' && planYear(plan) >= 2026;
  });

  it.each(afterReorganisation)('%s names only agencies that exist after the 2025 reorganisation', (name) => {
    const text = allText(load(name)).join('\n');
    // «chuyện» contains «huyện»: match whole words only.
    expect(text).not.toMatch(/(?<!\p{L})huyện(?!\p{L})|Sở Kế hoạch và Đầu tư|Sở Thông tin và Truyền thông/u);
  });

  describe('together cover', () => {
    const plans = (): Plan[] => files.map(load);

    it('a locality whose Sở Ngoại vụ leads', () => {
      const found = plans().filter(
        (p) =>
          p.agency.sector === 'locality' &&
          allTasks(p).some((t) => t.lead === 'Sở Ngoại vụ') &&
          p.implementation.some((d) => d.agency === 'Sở Ngoại vụ'),
      );
      expect(found.length).toBeGreaterThan(0);
    });

    it('a ministry chuong-trinh signed KT without a collective body', () => {
      const found = plans().filter(
        (p) =>
          p.kind === 'chuong-trinh' &&
          p.agency.sector === 'ministry' &&
          p.signer.capacity === 'KT' &&
          p.signer.body === undefined &&
          p.signer.head !== undefined,
      );
      expect(found.length).toBeGreaterThan(0);
    });

    it('a 2026 plan of a province without Sở Ngoại vụ, led by its Văn phòng Ủy ban nhân dân', () => {
      const found = plans().filter(
        (p) =>
          planYear(p) === 2026 &&
          allTasks(p).some((t) => t.lead.startsWith('Văn phòng Ủy ban nhân dân')) &&
          !allText(p).some((s) => s.includes('Sở Ngoại vụ')),
      );
      expect(found.length).toBeGreaterThan(0);
    });
  });
});
