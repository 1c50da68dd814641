// The review screen: the same findings as `check`, a way back to any section, and finishing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/plan/load.js';
import { serializePlan } from '../src/plan/serialize.js';
import { fieldLabel } from '../src/wizard/where.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { NOW, askedIds, runScripted } from './helpers/wizard.js';

const example = () =>
  loadPlan(readFileSync(join(ROOT, 'examples', 'vinh-long-2026.yaml'), 'utf8'), { today: NOW }).plan!;

/** A finished plan given to --resume: every step counts as answered, so the review comes first. */
function planFile(edit: (plan: ReturnType<typeof example>) => void): { dir: string; file: string } {
  const dir = tempDir();
  const plan = structuredClone(example());
  edit(plan);
  writeFileSync(join(dir, 'nhap.draft.yaml'), serializePlan(plan));
  return { dir, file: 'nhap.draft.yaml' };
}

describe('wizard review', () => {
  it('goes back to a section, asks its questions again with the answers as defaults, then finishes', async () => {
    const run = await runScripted([
      ['agency.name', { term: 'tay ninh' }],
      ['review', { action: 'section', id: 'signer' }],
      ['signer.capacity', 'TM'],
      ['signer.title', 'Chủ tịch'],
      ['signer.name', 'Nguyễn Văn Mạnh'],
    ]);
    expect(run.prompter.remaining).toEqual([]);
    expect(run.code).toBe(0);
    const ids = askedIds(run.prompter);
    const back = ids.indexOf('review');
    expect(ids.slice(back, back + 6)).toEqual([
      'review',
      'signer.capacity',
      'signer.body',
      'signer.title',
      'signer.name',
      'review',
    ]);
    // Defaults on the way back are the answers already given.
    expect(run.prompter.asked.filter((a) => a.id === 'signer.body').map((a) => a.default)).toEqual([
      'Ủy ban nhân dân',
      'Ủy ban nhân dân',
    ]);
    const plan = loadPlan(readFileSync(join(run.dir, 'ke-hoach-tay-ninh-2026.yaml'), 'utf8'), { today: NOW }).plan!;
    expect(plan.signer).toEqual({
      capacity: 'TM',
      body: 'Ủy ban nhân dân',
      title: 'Chủ tịch',
      name: 'Nguyễn Văn Mạnh',
    });
    expect(run.prompter.said.filter((t) => t.startsWith('Khối chữ ký sẽ in:')).at(-1)).toContain(
      'TM. ỦY BAN NHÂN DÂN\n    CHỦ TỊCH',
    );
  });

  it('after another agency is chosen, asks its symbol, place and title afresh', async () => {
    const run = await runScripted([
      ['agency.name', { term: 'quang tri' }],
      ['review', { action: 'section', id: 'agency' }],
      ['agency.name', { term: 'ha tinh' }],
    ]);
    expect(run.prompter.remaining).toEqual([]);
    expect(run.code).toBe(0);
    const ids = askedIds(run.prompter);
    const back = ids.indexOf('review');
    expect(ids.slice(back + 1, back + 9)).toEqual([
      'agency.sector',
      'agency.name',
      'agency.focal',
      'agency.parent',
      'agency.short',
      'agency.place',
      'document.title',
      'review',
    ]);
    const plan = loadPlan(readFileSync(join(run.dir, 'ke-hoach-ha-tinh-2026.yaml'), 'utf8'), { today: NOW }).plan!;
    expect(plan.agency).toMatchObject({ name: 'Ủy ban nhân dân tỉnh Hà Tĩnh', place: 'Hà Tĩnh' });
    expect(plan.document.title).toBe(
      'Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Hà Tĩnh năm 2026',
    );
  });

  it('shows what check finds, keeps Finish shut while there are errors, and offers the section to fix', async () => {
    const { dir, file } = planFile((p) => {
      p.tasks.pillars[0]!.period = '2026-2035';
    });
    const run = await runScripted(
      [
        ['review', { action: 'section', id: 'tasks.pillars' }],
        ['tasks.pillars.menu', { action: 'edit', index: 0 }],
        ['task.period', '2026-2030'],
      ],
      { resume: file },
      dir,
    );
    expect(run.prompter.remaining).toEqual([]);
    expect(run.code).toBe(0);
    const reviews = run.prompter.asked.filter((a) => a.id === 'review');
    expect(reviews[0]?.choices?.[0]).toMatchObject({
      name: expect.stringMatching(/^Hoàn tất/),
      disabled: expect.stringMatching(/còn lỗi/),
    });
    expect(reviews[0]?.default).toEqual({ action: 'section', id: 'tasks.pillars' });
    expect(reviews[0]?.choices?.find((c) => c.name.includes('tiếp thu'))?.name).toMatch(/\[1 lỗi\]$/);
    const screen = run.prompter.said.find((t) => t.includes('──── Xem lại'))!;
    // Placed by the field's Vietnamese name, as a clerk would look for it, not by a JSON pointer.
    expect(screen).toContain(
      'Nhiệm vụ 1 của nhóm «thúc đẩy - hội nhập - quảng bá - vận động - tiếp thu», thời gian thực hiện:',
    );
    expect(screen).not.toContain('/tasks/pillars/0/period');
    // The finding as the clerk reads it: no rule id, no YAML key.
    expect(screen).not.toContain('(period-beyond-2030)');
    expect(screen).toMatch(/thời gian thực hiện: .*2030/u);
    expect(reviews[1]?.choices?.[0]?.disabled).toBeUndefined();
  });

  it('names every place a finding can be in Vietnamese', () => {
    const draft = { implementation: [{ agency: 'Sở Ngoại vụ', duties: ['Chủ trì'] }] };
    expect(fieldLabel(['document', 'date'], draft)).toBe('Ngày ban hành');
    expect(fieldLabel(['tasks', 'mobilization', 2], draft)).toBe(
      'Nhiệm vụ 3 của nhóm «Huy động mọi chủ thể và nguồn lực»',
    );
    expect(fieldLabel(['tasks', 'alignment', 0, 'partners', 1], draft)).toMatch(
      /^Nhiệm vụ 1 của nhóm «Bám sát.*», cơ quan phối hợp 2$/,
    );
    expect(fieldLabel(['implementation', 0, 'duties', 0], draft)).toBe('Tổ chức thực hiện, việc 1 của «Sở Ngoại vụ»');
    expect(fieldLabel(['reporting', 'to', 0], draft)).toBe('Nơi nhận báo cáo 1');
    expect(fieldLabel(['funding', 1], draft)).toBe('Kinh phí thực hiện, đoạn 2');
    expect(fieldLabel([], draft)).toBe('Cả văn bản');
  });

  it('shows a finding about the date under "Ngày ban hành", not /document/date', async () => {
    const { dir, file } = planFile((p) => {
      p.document.date = '2026-12-25';
    });
    const run = await runScripted([['review', { action: 'quit' }]], { resume: file }, dir);
    expect(run.code).toBe(0);
    const screen = run.prompter.said.find((t) => t.includes('──── Xem lại'))!;
    // The message names the field itself: the label is not said twice.
    expect(screen).toMatch(/cảnh báo\s+Ngày ban hành 25\/12\/2026 nằm sau hôm nay/u);
    expect(screen).not.toContain('Ngày ban hành: Ngày ban hành');
    expect(screen).not.toContain('/document/date');
  });

  it('offers to unify the tone-mark placement when check warns of a mix', async () => {
    const { dir, file } = planFile((p) => {
      p.purposes[0] = `${p.purposes[0]} Góp phần hoà nhập và giữ gìn sức khoẻ cộng đồng.`;
    });
    const run = await runScripted([['review', { action: 'tone' }]], { resume: file }, dir);
    expect(run.code).toBe(0);
    const first = run.prompter.asked.find((a) => a.id === 'review')!;
    expect(first.choices?.some((c) => c.name.startsWith('Thống nhất cách đặt dấu thanh theo kiểu cũ'))).toBe(true);
    const plan = loadPlan(readFileSync(join(dir, 'ke-hoach-vinh-long-2026.yaml'), 'utf8'), { today: NOW });
    expect(plan.problems).toEqual([]);
    expect(plan.plan?.purposes[0]).toContain('hòa nhập và giữ gìn sức khỏe');
  });

  it('saves and leaves from the review when asked, exit 0', async () => {
    const { dir, file } = planFile(() => undefined);
    const run = await runScripted([['review', { action: 'quit' }]], { resume: file }, dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Để tiếp tục: kehoach wizard --resume nhap.draft.yaml');
  });
});
