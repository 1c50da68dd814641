import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPlan } from '../src/plan/load.js';
import { tempDir } from './helpers/cli.js';
import { NOW, askedIds, drafts, files, runScripted } from './helpers/wizard.js';

describe('wizard: a full run with the suggested answers', () => {
  it('writes a locality plan that passes every check with no warning, and its .docx', async () => {
    const run = await runScripted([
      ['agency.name', { term: 'quang tri' }],
      ['signer.name', 'Hoàng Nam'],
    ]);
    expect(run.prompter.remaining).toEqual([]);
    expect(run.code).toBe(0);
    expect(files(run.dir)).toEqual(['ke-hoach-quang-tri-2026.docx', 'ke-hoach-quang-tri-2026.yaml']);
    const text = readFileSync(join(run.dir, 'ke-hoach-quang-tri-2026.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+plan\.schema\.json$/);
    const loaded = loadPlan(text, { today: NOW });
    expect(loaded.problems).toEqual([]);
    const plan = loaded.plan!;
    expect(plan.agency).toEqual({
      parent: null,
      name: 'Ủy ban nhân dân tỉnh Quảng Trị',
      short: 'UBND',
      sector: 'locality',
      place: 'Quảng Trị',
    });
    expect(plan.document.year).toBe(2026);
    expect(plan.implementation[0]?.agency).toBe('Sở Ngoại vụ');
    // Every lead named in the tasks has its duties in IV.
    const leads = new Set(Object.values(plan.tasks).flatMap((tasks) => tasks.map((t) => t.lead)));
    const duties = plan.implementation.map((d) => d.agency);
    for (const lead of leads)
      expect(
        duties.some((agency) => agency.includes(lead)),
        lead,
      ).toBe(true);
    expect(new Set(duties).size).toBe(duties.length);
    expect(plan.reporting.to).toContain('Bộ Ngoại giao');
    expect(plan.signer).toEqual({
      capacity: 'KT',
      body: 'Ủy ban nhân dân',
      head: 'Chủ tịch',
      title: 'Phó Chủ tịch',
      name: 'Hoàng Nam',
    });
    expect(askedIds(run.prompter).slice(0, 4)).toEqual(['kind', 'agency.sector', 'agency.name', 'agency.focal']);
    expect(drafts(run.dir)).toEqual([]);
    expect(run.stdout).toContain('Đã dựng văn bản: ke-hoach-quang-tri-2026.docx');
  });

  it('writes a ministry programme the same way, with the ministry signing block', async () => {
    const run = await runScripted([
      ['kind', 'chuong-trinh'],
      ['agency.sector', 'ministry'],
      ['agency.name', { term: 'van hoa' }],
    ]);
    expect(run.code).toBe(0);
    const plan = loadPlan(readFileSync(join(run.dir, 'chuong-trinh-bvhttdl-2026.yaml'), 'utf8'), { today: NOW });
    expect(plan.problems).toEqual([]);
    expect(plan.plan?.agency.short).toBe('BVHTTDL');
    expect(plan.plan?.signer).toEqual({ capacity: 'KT', head: 'Bộ trưởng', title: 'Thứ trưởng' });
    expect(plan.plan?.implementation[0]?.agency).toBe('Cục Hợp tác quốc tế');
    const preview = run.prompter.said.find((t) => t.startsWith('Khối chữ ký sẽ in:'));
    expect(preview).toContain('KT. BỘ TRƯỞNG\n    THỨ TRƯỞNG');
  });

  it('saves the draft after every answer, named after the plan once that is known', async () => {
    const seen: Array<{ id: string; drafts: string[]; data: Record<string, unknown> | undefined }> = [];
    const dir = tempDir('kehoach-wizard-');
    const run = await runScripted([['agency.name', { term: 'gia lai' }]], {}, dir, (prompter) => {
      prompter.onAsk = (id) => {
        const names = drafts(dir);
        const data = names[0]
          ? (parse(readFileSync(join(dir, names[0]), 'utf8')) as Record<string, unknown>)
          : undefined;
        seen.push({ id, drafts: names, data });
      };
    });
    expect(run.code).toBe(0);
    const at = (id: string) => seen.find((s) => s.id === id)!;
    expect(at('kind').drafts).toEqual([]);
    expect(at('agency.sector').data).toEqual({ version: 1, kind: 'ke-hoach' });
    expect(at('agency.focal').drafts).toEqual(['ke-hoach.draft.yaml']);
    expect(at('agency.focal').data?.['agency']).toEqual({ name: 'Ủy ban nhân dân tỉnh Gia Lai', sector: 'locality' });
    expect(at('document.year').drafts).toEqual(['ke-hoach-gia-lai.draft.yaml']);
    expect(at('document.number').drafts).toEqual(['ke-hoach-gia-lai-2026.draft.yaml']);
    expect(at('signer.name').data?.['signer']).toMatchObject({ title: 'Phó Chủ tịch' });
  });

  it('asks before overwriting an existing plan, and writes under another name when told', async () => {
    const first = await runScripted([['agency.name', { term: 'lang son' }]]);
    const before = readFileSync(join(first.dir, 'ke-hoach-lang-son-2026.yaml'), 'utf8');
    writeFileSync(join(first.dir, 'ke-hoach-lang-son-2026.yaml'), `${before}# sửa tay\n`);
    const second = await runScripted(
      [
        ['agency.name', { term: 'lang son' }],
        ['finish.overwrite', false],
        ['finish.name', 'ke-hoach-lang-son-2026-b.yaml'],
      ],
      {},
      first.dir,
    );
    expect(second.code).toBe(0);
    expect(second.prompter.remaining).toEqual([]);
    expect(readFileSync(join(first.dir, 'ke-hoach-lang-son-2026.yaml'), 'utf8')).toBe(`${before}# sửa tay\n`);
    expect(files(first.dir)).toEqual([
      'ke-hoach-lang-son-2026-b.docx',
      'ke-hoach-lang-son-2026-b.yaml',
      'ke-hoach-lang-son-2026.docx',
      'ke-hoach-lang-son-2026.yaml',
    ]);
  });
});
