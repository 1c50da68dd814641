import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { GROUP_KEYS, PILLARS, type Sector } from '../src/plan/types.js';
import { findToneStyles } from '../src/text/tone.js';
import { agencyContext, fill } from '../src/wizard/agency.js';
import { loadWizardData, type WizardData } from '../src/wizard/data.js';
import type { Session } from '../src/wizard/session.js';
import { suggestedTasks } from '../src/wizard/steps/tasks.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { ScriptedPrompter } from './helpers/wizard-prompter.js';

const data = await loadWizardData();

function sessionFor(d: WizardData, sector: Sector, name: string): Session {
  return {
    draft: { version: 1, kind: 'ke-hoach', agency: { sector, name }, document: { year: 2026 } },
    progress: { answered: [] },
    data: d,
    prompter: new ScriptedPrompter(),
    check: () => [],
    today: new Date('2026-11-20'),
    save: async () => undefined,
  };
}

const PROVINCIAL_UNITS = [
  'Hà Nội',
  'Huế',
  'Hải Phòng',
  'Đà Nẵng',
  'Thành phố Hồ Chí Minh',
  'Cần Thơ',
  'Lai Châu',
  'Điện Biên',
  'Sơn La',
  'Lạng Sơn',
  'Quảng Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Cao Bằng',
  'Tuyên Quang',
  'Lào Cai',
  'Thái Nguyên',
  'Phú Thọ',
  'Bắc Ninh',
  'Hưng Yên',
  'Ninh Bình',
  'Quảng Trị',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'Đồng Nai',
  'Tây Ninh',
  'Vĩnh Long',
  'Đồng Tháp',
  'Cà Mau',
  'An Giang',
];

const everyAgency = (['locality', 'ministry'] as const).flatMap((sector) =>
  data.agencies[sector].map((e) => [sector, e.name] as const),
);

describe('templates/data', () => {
  it('lists the 34 provincial units of 1 July 2025, each once, named as Decree 30 capitalises them', () => {
    expect(data.agencies.locality.map((e) => e.place).sort()).toEqual([...PROVINCIAL_UNITS].sort());
    for (const entry of data.agencies.locality) {
      const expected =
        entry.place === 'Thành phố Hồ Chí Minh'
          ? 'Ủy ban nhân dân Thành phố Hồ Chí Minh'
          : ['Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ'].includes(entry.place)
            ? `Ủy ban nhân dân thành phố ${entry.place}`
            : `Ủy ban nhân dân tỉnh ${entry.place}`;
      expect(entry.name).toBe(expected);
      expect(entry.short).toBe('UBND');
    }
  });

  it('lists the ministries and central agencies with their symbols', () => {
    const symbols = Object.fromEntries(data.agencies.ministry.map((e) => [e.name, e.short]));
    expect(symbols).toMatchObject({
      'Bộ Ngoại giao': 'BNG',
      'Bộ Văn hóa, Thể thao và Du lịch': 'BVHTTDL',
      'Bộ Công Thương': 'BCT',
      'Bộ Giáo dục và Đào tạo': 'BGDĐT',
      'Bộ Nông nghiệp và Môi trường': 'BNNMT',
      'Bộ Dân tộc và Tôn giáo': 'BDTTG',
      'Ngân hàng Nhà nước Việt Nam': 'NHNN',
      'Văn phòng Chính phủ': 'VPCP',
    });
  });

  it('offers at least four fitting tasks per group to every agency, and all five pillars', () => {
    for (const [sector, name] of everyAgency) {
      const s = sessionFor(data, sector, name);
      for (const group of GROUP_KEYS) {
        const tasks = suggestedTasks(s, group);
        expect(tasks.length, `${name} / ${group}`).toBeGreaterThanOrEqual(4);
        for (const task of tasks) {
          // Placeholders all filled, and no task names its lead as a partner too.
          expect(Object.values(task).flat().join(' '), name).not.toMatch(/[{}]/);
          expect(task.partners ?? []).not.toContain(task.lead);
        }
      }
      expect(new Set(suggestedTasks(s, 'pillars').map((t) => t.pillar))).toEqual(new Set(PILLARS));
    }
  });

  it('suggests border exchanges only to provinces with a land border', () => {
    const border = (name: string): boolean =>
      suggestedTasks(sessionFor(data, 'locality', name), 'pillars').some((t) => /biên giới/.test(t.content ?? ''));
    expect(border('Ủy ban nhân dân tỉnh Lạng Sơn')).toBe(true);
    expect(border('Ủy ban nhân dân tỉnh Hưng Yên')).toBe(false);
  });

  it('resolves the foreign-affairs lead from the data, and the clerk can change it', () => {
    const qt = sessionFor(data, 'locality', 'Ủy ban nhân dân tỉnh Quảng Trị');
    expect(agencyContext(qt).units['foreign']).toBe('Sở Ngoại vụ');
    const vl = sessionFor(data, 'locality', 'Ủy ban nhân dân tỉnh Vĩnh Long');
    expect(agencyContext(vl).units['foreign']).toBe('Văn phòng Ủy ban nhân dân tỉnh');
    vl.progress.focal = 'Sở Ngoại vụ';
    expect(suggestedTasks(vl, 'dissemination')[0]?.lead).toBe('Sở Ngoại vụ');
  });

  it('uses one tone-mark placement (the old one) in every text it can produce', () => {
    const raw = ['agencies.yaml', 'suggestions.yaml']
      .map((f) => readFileSync(join(ROOT, 'templates', 'data', f), 'utf8'))
      .join('\n');
    expect(raw).toBe(raw.normalize('NFC'));
    const styles = new Set(findToneStyles(raw).map((o) => o.style));
    expect(styles).toEqual(new Set(['old']));
  });

  it('fills every text for every agency without a placeholder left', () => {
    for (const [sector, name] of everyAgency) {
      const ctx = agencyContext(sessionFor(data, sector, name));
      const texts = [
        data.title[sector],
        ...data.purposes[sector],
        ...data.requirements[sector],
        ...data.funding[sector],
        ...data.recipients[sector],
      ];
      for (const text of texts) expect(fill(text, ctx.vars), name).not.toMatch(/[{}]/);
    }
  });
});

describe('data overrides under --templates DIR/data/', () => {
  it('merges agencies by name and replaces the keys it sets', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    writeFileSync(
      join(dir, 'data', 'agencies.yaml'),
      [
        'localities:',
        '  - name: Ủy ban nhân dân tỉnh Vĩnh Long',
        '    short: UBND',
        '    place: Vĩnh Long',
        '    area: tỉnh Vĩnh Long',
        '    units: { foreign: Sở Ngoại vụ }',
        'ministries:',
        '  - name: Ủy ban Nhà nước về người Việt Nam ở nước ngoài',
        '    short: UBNV',
        '    place: Hà Nội',
      ].join('\n'),
    );
    const merged = await loadWizardData(dir);
    expect(merged.agencies.locality).toHaveLength(34);
    expect(agencyContext(sessionFor(merged, 'locality', 'Ủy ban nhân dân tỉnh Vĩnh Long')).units['foreign']).toBe(
      'Sở Ngoại vụ',
    );
    expect(merged.agencies.ministry.at(-1)?.short).toBe('UBNV');
    expect(merged.groups.pillars.tasks.locality).toEqual(data.groups.pillars.tasks.locality);
  });

  it('names the file and the place of a mistake, and exits 2', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    writeFileSync(
      join(dir, 'data', 'suggestions.yaml'),
      'groups:\n  alignment:\n    locality:\n      - content: Nhiệm vụ\n        lead: "{foriegn}"\n',
    );
    const error = await loadWizardData(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toContain(join(dir, 'data', 'suggestions.yaml'));
    expect((error as UserError).message).toContain('{foriegn}');
  });
});
