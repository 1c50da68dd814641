// Every plan in examples/ loads and renders into a document that carries all of its data.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/plan/load.js';
import { GROUP_KEYS, type Plan } from '../src/plan/types.js';
import { findAll, textOf } from './helpers/docx.js';
import { reportsGoTo } from '../src/render/view.js';
import { renderDocx } from './fixtures/render/render.js';

const EXAMPLES = resolve(import.meta.dirname, '..', 'examples');
const files = readdirSync(EXAMPLES)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

function load(file: string): Plan {
  const { plan, problems } = loadPlan(readFileSync(join(EXAMPLES, file)), { today: new Date('2026-12-01T00:00:00Z') });
  const errors = problems.filter((p) => p.severity === 'error');
  expect(errors.map((p) => `${file}:${p.line}:${p.column} ${p.message}`)).toEqual([]);
  if (plan === undefined) throw new Error(`${file} did not load`);
  return plan;
}

describe('examples', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s renders with all of its data', async (file) => {
    const plan = load(file);
    const doc = await renderDocx(plan);
    const all = doc.texts().map((t) => t.replace(/\n/g, ' '));
    const has = (s: string): boolean => all.some((t) => t.includes(s));

    const letterhead = findAll(findAll(doc.body, 'w:tbl')[0]!, 'w:p').map(textOf).join(' ');
    expect(letterhead.replace(/\s+/g, ' ')).toContain(plan.agency.name.toLocaleUpperCase('vi'));
    expect(has(plan.kind === 'ke-hoach' ? 'KẾ HOẠCH' : 'CHƯƠNG TRÌNH')).toBe(true);
    expect(all).toContain(plan.document.title);
    for (const key of GROUP_KEYS)
      for (const task of plan.tasks[key]) expect(has(task.content), task.content).toBe(true);
    for (const duty of plan.implementation) expect(has(duty.agency)).toBe(true);
    for (const recipient of plan.recipients) expect(has(`- ${recipient}`)).toBe(true);
    if (plan.signer.name !== undefined) expect(all).toContain(plan.signer.name);
    expect(doc.sections()).toHaveLength(plan.appendix === false ? 1 : 2);
    expect(doc.core()['dc:creator']).toBe(plan.agency.name);
  });

  // The title and the "(Kèm theo …)" line are broken by hand; a break must not split "năm 2030".
  it.each(files)('%s keeps every counted number on the line of its word in the balanced lines', async (file) => {
    const plan = load(file);
    const doc = await renderDocx(plan);
    const paras = doc.paragraphs();
    const title = paras[paras.indexOf(doc.paragraph(plan.kind === 'ke-hoach' ? 'KẾ HOẠCH' : 'CHƯƠNG TRÌNH')) + 1]!;
    const balanced = [textOf(title)];
    if (plan.appendix !== false) balanced.push(textOf(doc.paragraph(/^\(Kèm theo /)));
    expect(balanced[0]!.replace(/\n/g, ' ')).toBe(plan.document.title);
    for (const text of balanced) {
      expect(text, text).not.toMatch(/ (?:năm|tháng|ngày|số|Quý|đoạn|đến)\n/iu);
      expect(text, text).not.toMatch(/\n(?:\d|năm \d)/u);
    }
  });

  // Where the duties send reports (issue 11): the compiling agency, which advises the issuing one.
  it.each(files)(
    '%s sends reports where the duties send them and onward through the issuing agency, never to itself',
    async (file) => {
      const plan = load(file);
      const text = textOf((await renderDocx(plan)).paragraph(/^Định kỳ .*, trước ngày /));
      const kind = plan.kind === 'ke-hoach' ? 'Kế hoạch' : 'Chương trình';
      const compiler = reportsGoTo(plan);
      expect(compiler).not.toBe(plan.agency.name);
      expect(text).toContain(
        `gửi báo cáo kết quả thực hiện ${kind} về ${compiler} để tổng hợp, tham mưu ${plan.agency.name} báo cáo `,
      );
      expect(text).not.toContain(`báo cáo ${plan.agency.name}`);
      expect(text).not.toMatch(/trước ngày \d+\/0[3-9]/);
    },
  );
});
