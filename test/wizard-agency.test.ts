// The issuing agency: found by the names clerks type (old provinces too), typed in full when not
// listed, and never made the recipient of its own reports.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../src/plan/validate.js';
import type { Sector } from '../src/plan/types.js';
import { agencyContext, fill, issuerNames, namesIssuer } from '../src/wizard/agency.js';
import { fold } from '../src/wizard/clean.js';
import { loadWizardData } from '../src/wizard/data.js';
import type { DraftPlan } from '../src/wizard/draft.js';
import { wizardFindings } from '../src/wizard/findings.js';
import type { Session } from '../src/wizard/session.js';
import { proposedDuty } from '../src/wizard/steps/implementation.js';
import { STEPS } from '../src/wizard/steps/index.js';
import { loadPlan } from '../src/plan/load.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { openDocx } from './helpers/docx.js';
import { NOW, askedIds, runScripted } from './helpers/wizard.js';
import { type Answer, CLEAR, ScriptedPrompter } from './helpers/wizard-prompter.js';

const data = await loadWizardData();

function session(draft: DraftPlan, script: Array<[string, Answer]> = []): Session {
  return {
    draft,
    progress: { answered: [] },
    data,
    prompter: new ScriptedPrompter(script),
    check: (d) => [...validatePlan(d, { today: NOW }).issues, ...wizardFindings(d)],
    today: NOW,
    save: async () => undefined,
  };
}

const step = (id: string) => STEPS.find((s) => s.id === id)!;

/** The provinces merged in 2025, by the province they joined. */
const MERGED: Record<string, string[]> = {
  'Quảng Trị': ['Quảng Bình'],
  'Tuyên Quang': ['Hà Giang'],
  'Vĩnh Long': ['Bến Tre', 'Trà Vinh'],
  'Thành phố Hồ Chí Minh': ['Bình Dương', 'Bà Rịa - Vũng Tàu'],
  'Đà Nẵng': ['Quảng Nam'],
  'Quảng Ngãi': ['Kon Tum'],
  'Gia Lai': ['Bình Định'],
  'Khánh Hòa': ['Ninh Thuận'],
  'Lâm Đồng': ['Đắk Nông', 'Bình Thuận'],
  'Đắk Lắk': ['Phú Yên'],
  'Đồng Nai': ['Bình Phước'],
  'Tây Ninh': ['Long An'],
  'Cần Thơ': ['Sóc Trăng', 'Hậu Giang'],
  'Đồng Tháp': ['Tiền Giang'],
  'Cà Mau': ['Bạc Liêu'],
  'An Giang': ['Kiên Giang'],
  'Hải Phòng': ['Hải Dương'],
  'Ninh Bình': ['Hà Nam', 'Nam Định'],
  'Hưng Yên': ['Thái Bình'],
  'Bắc Ninh': ['Bắc Giang'],
  'Phú Thọ': ['Vĩnh Phúc', 'Hòa Bình'],
  'Thái Nguyên': ['Bắc Kạn'],
  'Lào Cai': ['Yên Bái'],
  Huế: ['Thừa Thiên Huế'],
};

describe('finding the agency', () => {
  it('offers "Quảng Trị (gồm tỉnh Quảng Bình cũ)" for "quang binh", and takes Quảng Trị', async () => {
    const run = await runScripted([['agency.name', { term: 'quang binh' }]]);
    expect(run.code).toBe(0);
    const search = run.prompter.asked.find((a) => a.id === 'agency.name')!;
    expect(search.choices?.[0]?.name).toBe('Ủy ban nhân dân tỉnh Quảng Trị (gồm tỉnh Quảng Bình cũ)');
    const plan = loadPlan(readFileSync(join(run.dir, 'ke-hoach-quang-tri-2026.yaml'), 'utf8'), { today: NOW }).plan!;
    expect(plan.agency.name).toBe('Ủy ban nhân dân tỉnh Quảng Trị');
  });

  it('finds every province merged in 2025 by its old name, typed without tone marks, as the first result', async () => {
    for (const [now, olds] of Object.entries(MERGED)) {
      const entry = data.agencies.locality.find((e) => e.place === now)!;
      expect(entry.former, now).toEqual(olds.map((o) => `tỉnh ${o}`));
      for (const old of olds) {
        const s = session({ version: 1, kind: 'ke-hoach', agency: { sector: 'locality' } }, [
          ['agency.name', { term: fold(old) }],
        ]);
        await step('agency.name').run(s);
        expect(s.draft.agency?.name, old).toBe(entry.name);
      }
    }
  });

  it('still finds a current province first when its name is typed ("ha tinh" is not tỉnh Hải Dương)', async () => {
    const s = session({ version: 1, kind: 'ke-hoach', agency: { sector: 'locality' } }, [
      ['agency.name', { term: 'ha tinh' }],
    ]);
    await step('agency.name').run(s);
    expect(s.draft.agency?.name).toBe('Ủy ban nhân dân tỉnh Hà Tĩnh');
  });

  it('refuses a typed name in lower case without tone marks, and takes the full name', async () => {
    const s = session({ version: 1, kind: 'ke-hoach', agency: { sector: 'ministry' } }, [
      ['agency.name', { term: 'ban quan ly lang chu tich ho chi minh' }],
      ['agency.name', { term: 'Ban Quản lý Lăng Chủ tịch Hồ Chí Minh' }],
    ]);
    await step('agency.name').run(s);
    const prompter = s.prompter as ScriptedPrompter;
    expect(prompter.rejections).toHaveLength(1);
    expect(prompter.rejections[0]?.message).toContain('có dấu');
    expect(s.draft.agency?.name).toBe('Ban Quản lý Lăng Chủ tịch Hồ Chí Minh');
  });
});

const everyAgency = (['locality', 'ministry'] as const).flatMap((sector) =>
  data.agencies[sector].map((e) => [sector, e] as const),
);

function agencyDraft(sector: Sector, name: string, short: string): DraftPlan {
  return { version: 1, kind: 'ke-hoach', agency: { sector, name, short }, document: { year: 2026 } };
}

describe('reporting: the agency issuing the plan is the one reporting', () => {
  it('has no data that would make an agency report to itself', () => {
    for (const [sector, entry] of everyAgency) {
      const s = session(agencyDraft(sector, entry.name, entry.short));
      const ctx = agencyContext(s);
      const issuer = issuerNames(s.draft.agency!, entry.self);
      const texts = [...(entry.reportTo ?? data.reporting[sector].to), ...data.reporting[sector].also];
      for (const text of texts.map((t) => fill(t, ctx.vars)))
        expect(namesIssuer(text, issuer), `${entry.name} → ${text}`).toBe(false);
    }
  });

  it('never suggests the issuing agency as a recipient of its reports or of the plan, for any agency', async () => {
    for (const [sector, entry] of everyAgency) {
      const s = session(agencyDraft(sector, entry.name, entry.short));
      await step('reporting.to').run(s);
      await step('recipients').run(s);
      const issuer = issuerNames(s.draft.agency!, entry.self);
      expect(s.draft.reporting?.to?.length, entry.name).toBeGreaterThan(0);
      for (const to of s.draft.reporting?.to ?? [])
        expect(namesIssuer(to, issuer), `${entry.name} → ${to}`).toBe(false);
      for (const r of s.draft.recipients ?? []) expect(namesIssuer(r, issuer), `${entry.name} → ${r}`).toBe(false);
      // The foreign-affairs unit reports up, never to the agency and the agency again.
      const duty = proposedDuty(s, agencyContext(s), agencyContext(s).units['foreign']!).duties ?? [];
      expect(duty.join(' '), entry.name).not.toContain(`báo cáo ${entry.name}`);
    }
    const vl = session(agencyDraft('locality', 'Ủy ban nhân dân tỉnh Vĩnh Long', 'UBND'));
    await step('reporting.to').run(vl);
    expect(vl.draft.reporting?.to).toEqual(['Bộ Ngoại giao']);
    const mofa = session(agencyDraft('ministry', 'Bộ Ngoại giao', 'BNG'));
    await step('reporting.to').run(mofa);
    expect(mofa.draft.reporting?.to).toEqual(['Thủ tướng Chính phủ']);
    const ctx = agencyContext(mofa);
    const duty = proposedDuty(mofa, ctx, ctx.units['foreign']!).duties!.join(' ');
    expect(duty).toContain('báo cáo Thủ tướng Chính phủ');
    expect(duty).not.toContain('Bộ Ngoại giao');
  });

  it('offers the other real recipients (Thường trực Tỉnh ủy, Thành ủy for a city) to add', async () => {
    const s = session(agencyDraft('locality', 'Ủy ban nhân dân tỉnh Vĩnh Long', 'UBND'), [
      ['reporting.to.menu', { name: /^Thêm: Thường trực Tỉnh ủy$/ }],
    ]);
    await step('reporting.to').run(s);
    expect(s.draft.reporting?.to).toEqual(['Bộ Ngoại giao', 'Thường trực Tỉnh ủy']);
    const menus = (s.prompter as ScriptedPrompter).asked.filter((a) => a.id === 'reporting.to.menu');
    expect(menus[0]?.choices?.map((c) => c.name)).toContain('Thêm: Thường trực Hội đồng nhân dân tỉnh');
    // Once added it is no longer offered.
    expect(menus[1]?.choices?.map((c) => c.name)).not.toContain('Thêm: Thường trực Tỉnh ủy');
    const city = session(agencyDraft('locality', 'Ủy ban nhân dân thành phố Huế', 'UBND'));
    await step('reporting.to').run(city);
    expect((city.prompter as ScriptedPrompter).asked[0]?.choices?.map((c) => c.name)).toContain(
      'Thêm: Thường trực Thành ủy',
    );
  });

  it('refuses the issuing agency typed as a recipient, however it is written', async () => {
    const s = session(agencyDraft('locality', 'Ủy ban nhân dân tỉnh Vĩnh Long', 'UBND'), [
      ['reporting.to.menu', { action: 'add' }],
      ['reporting.to.add', 'Ủy ban nhân dân tỉnh'],
      ['reporting.to.add', 'UBND tỉnh Vĩnh Long'],
      ['reporting.to.add', 'ủy ban nhân dân tỉnh vĩnh long (để tổng hợp)'],
      ['reporting.to.add', 'Thường trực Hội đồng nhân dân tỉnh'],
    ]);
    await step('reporting.to').run(s);
    const rejections = (s.prompter as ScriptedPrompter).rejections;
    expect(rejections.map((r) => r.value)).toEqual([
      'Ủy ban nhân dân tỉnh',
      'UBND tỉnh Vĩnh Long',
      'ủy ban nhân dân tỉnh vĩnh long (để tổng hợp)',
    ]);
    expect(rejections[0]?.message).toContain('là cơ quan ban hành kế hoạch, tức chính cơ quan tổng hợp và gửi báo cáo');
    expect(s.draft.reporting?.to).toEqual(['Bộ Ngoại giao', 'Thường trực Hội đồng nhân dân tỉnh']);
  });

  it('writes a locality plan whose reporting sentence is not circular', async () => {
    const run = await runScripted([['agency.name', { term: 'vinh long' }]]);
    expect(run.code).toBe(0);
    const plan = loadPlan(readFileSync(join(run.dir, 'ke-hoach-vinh-long-2026.yaml'), 'utf8'), { today: NOW }).plan!;
    expect(plan.reporting.to).toEqual(['Bộ Ngoại giao']);
    const docx = await openDocx(readFileSync(join(run.dir, 'ke-hoach-vinh-long-2026.docx')));
    // Reports go where the duties send them, which advises the issuing agency (issue 11).
    const sentence = docx.texts().find((t) => t.startsWith('Định kỳ ') && t.includes('để tổng hợp'))!;
    expect(sentence).toMatch(/ về \S.* để tổng hợp, tham mưu Ủy ban nhân dân tỉnh Vĩnh Long báo cáo Bộ Ngoại giao\.$/u);
    expect(sentence).not.toMatch(/về Ủy ban nhân dân tỉnh Vĩnh Long để tổng hợp|tổng hợp, báo cáo Ủy ban nhân dân/u);
  });

  it('--from last year’s circular plan asks the recipients again and will not finish until it is fixed', async () => {
    const dir = tempDir();
    const text = readFileSync(join(ROOT, 'examples', 'vinh-long-2026.yaml'), 'utf8').replace(
      /^reporting:\n(.*\n)*? {2}to:\n/mu,
      (head) => `${head}    - Ủy ban nhân dân tỉnh\n`,
    );
    writeFileSync(join(dir, 'cu.yaml'), text);
    const run = await runScripted(
      [
        ['reporting.to.menu', { action: 'edit', index: 0 }],
        ['reporting.to.item', CLEAR],
        ['review', { action: 'finish' }],
      ],
      { from: 'cu.yaml' },
      dir,
    );
    expect(run.prompter.remaining).toEqual([]);
    expect(run.code).toBe(0);
    expect(askedIds(run.prompter)).toContain('reporting.to.menu');
    const plan = loadPlan(readFileSync(join(dir, 'ke-hoach-vinh-long-2027.yaml'), 'utf8'), { today: NOW }).plan!;
    expect(plan.reporting.to).toEqual(['Bộ Ngoại giao', 'Thường trực Tỉnh ủy']);
  });
});

describe('an empty task group', () => {
  it('offers ways to add a task, never "keep 0 tasks"', async () => {
    const run = await runScripted([
      ['agency.name', { term: 'quang tri' }],
      ['tasks.alignment.pick', { ticks: [] }],
      ['tasks.alignment.menu', { action: 'more' }],
      ['tasks.alignment.pick', { ticks: [0] }],
    ]);
    expect(run.prompter.remaining).toEqual([]);
    expect(run.code).toBe(0);
    const menus = run.prompter.asked.filter((a) => a.id === 'tasks.alignment.menu');
    expect(menus[0]?.choices?.map((c) => c.name).join('\n')).not.toMatch(/^Giữ/m);
    expect(menus[0]?.default).toEqual({ action: 'more' });
    expect(menus[1]?.choices?.[0]?.name).toBe('Giữ 1 nhiệm vụ này và tiếp tục');
  });
});
