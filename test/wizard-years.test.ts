// --from last year's plan: every text still naming last year's year is listed on the review
// screen with its place, and can be replaced at once or looked at one by one.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/plan/load.js';
import { GROUP_KEYS, type Plan } from '../src/plan/types.js';
import { replaceYear } from '../src/wizard/years.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { NOW, runScripted } from './helpers/wizard.js';

const EXAMPLE = join(ROOT, 'examples', 'vinh-long-2026.yaml');
const old = loadPlan(readFileSync(EXAMPLE, 'utf8'), { today: NOW }).plan!;

function fromExample(): string {
  const dir = tempDir();
  copyFileSync(EXAMPLE, join(dir, 'vinh-long-2026.yaml'));
  return dir;
}

const periods = (plan: Plan): string[] => GROUP_KEYS.flatMap((g) => plan.tasks[g].map((t) => t.period ?? ''));
const reviewScreens = (said: readonly string[]): string[] => said.filter((t) => t.includes('──── Xem lại'));
const written = (dir: string): Plan =>
  loadPlan(readFileSync(join(dir, 'ke-hoach-vinh-long-2027.yaml'), 'utf8'), { today: NOW }).plan!;

describe('replaceYear', () => {
  it('replaces the year alone, never a date in a citation nor a document number', () => {
    expect(replaceYear('Chương trình công tác năm 2026 của tỉnh', 2026, 2027, false)).toBe(
      'Chương trình công tác năm 2027 của tỉnh',
    );
    expect(replaceYear('Kế hoạch số 12/KH-UBND ngày 05/01/2026', 2026, 2027, false)).toBe(
      'Kế hoạch số 12/KH-UBND ngày 05/01/2026',
    );
    expect(replaceYear('ngày 5 tháng 1 năm 2026', 2026, 2027, false)).toBe('ngày 5 tháng 1 năm 2026');
    expect(replaceYear('Quyết định số 2026/QĐ-UBND', 2026, 2027, false)).toBe('Quyết định số 2026/QĐ-UBND');
  });

  it('leaves a range in prose (a named span) but moves the ends of a task period', () => {
    expect(replaceYear('Kế hoạch 5 năm 2026-2030 và năm 2026', 2026, 2027, false)).toBe(
      'Kế hoạch 5 năm 2026-2030 và năm 2027',
    );
    expect(replaceYear('2026-2030', 2026, 2027, true)).toBe('2027-2030');
    expect(replaceYear('Quý I/2026', 2026, 2027, true)).toBe('Quý I/2027');
    expect(replaceYear('2022-2023', 2022, 2023, true)).toBe('2023');
  });
});

describe('--from a 2026 plan to 2027', () => {
  it('lists every mention of 2026 with its place, and "replace" leaves no 2026 in any period', async () => {
    const dir = fromExample();
    expect(periods(old).filter((p) => p.includes('2026')).length).toBeGreaterThan(10);
    const run = await runScripted([['review', { action: 'years-replace' }]], { from: 'vinh-long-2026.yaml' }, dir);
    expect(run.prompter.remaining).toEqual([]);
    expect(run.code).toBe(0);
    const [first, second] = reviewScreens(run.prompter.said);
    expect(first).toContain('Cần xem lại:');
    expect(first).toContain(
      'Nhiệm vụ 1 của nhóm «Bám sát, cụ thể hóa chủ trương và gắn kết với các chiến lược, kế hoạch», thời gian thực hiện: Quý I/2026',
    );
    expect(first).toMatch(/Mục đích, đoạn 1: .*trong năm 2026/);
    // A long paragraph is shown around its mention of the year, not cut off before it.
    expect(first).toMatch(/Yêu cầu, đoạn 1: ….*chương trình công tác năm 2026 /);
    // Every period naming 2026 is on the list.
    const listed = first!.split('\n').filter((l) => l.startsWith('  - '));
    for (const period of new Set(periods(old).filter((p) => p.includes('2026')))) {
      expect(
        listed.some((l) => l.endsWith(`thời gian thực hiện: ${period}`)),
        period,
      ).toBe(true);
    }
    // The choice says how many texts it changes; it is the default once nothing else is wrong.
    const menu = run.prompter.asked.find((a) => a.id === 'review')!;
    const replace = menu.choices!.find((c) => c.name.startsWith('Đổi năm 2026 thành 2027'))!;
    expect(replace.name).toBe(`Đổi năm 2026 thành 2027 ở cả ${listed.length} chỗ cần xem lại`);
    expect(menu.default).toEqual({ action: 'years-replace' });
    expect(run.prompter.said).toContain(`  Đã đổi năm 2026 thành 2027 ở ${listed.length} chỗ.`);
    expect(second).not.toContain('Cần xem lại');

    const plan = written(dir);
    expect(periods(plan).filter((p) => p.includes('2026'))).toEqual([]);
    expect(periods(plan)).toContain('Quý I/2027');
    expect(plan.purposes[0]).toContain('trong năm 2027');
    // A named span and the dates of cited documents stay as they were.
    expect(plan.purposes[0]).toContain('5 năm 2026-2030');
    expect(plan.bases).toEqual(old.bases);
    expect(loadPlan(readFileSync(join(dir, 'ke-hoach-vinh-long-2027.yaml'), 'utf8'), { today: NOW }).problems).toEqual(
      [],
    );
  });

  it('goes to each mention: replace, keep (it leaves the list) or edit', async () => {
    const dir = fromExample();
    const run = await runScripted(
      [
        ['review', { action: 'years-each' }],
        ['years.item', 'keep'],
        ['years.item', 'edit'],
        ['years.edit', 'Trong năm 2027, tiếp tục triển khai Chiến lược trên địa bàn tỉnh.'],
        ['years.item', 'replace'],
        ['years.item', 'stop'],
        ['review', { action: 'finish' }],
      ],
      { from: 'vinh-long-2026.yaml' },
      dir,
    );
    expect(run.prompter.remaining).toEqual([]);
    expect(run.code).toBe(0);
    const [first, second] = reviewScreens(run.prompter.said);
    const rows = (screen: string | undefined) => (screen ?? '').split('\n').filter((l) => l.startsWith('  - '));
    const before = rows(first);
    // Three dealt with, the rest still listed for later.
    expect(rows(second)).toEqual(before.slice(3));
    const item = run.prompter.asked.find((a) => a.id === 'years.item')!;
    expect(item.choices?.map((c) => c.name)).toEqual([
      expect.stringMatching(/^Đổi thành: .*2027/),
      'Sửa nội dung này',
      'Giữ nguyên (đúng cho năm 2027)',
      'Dừng, quay lại màn hình Xem lại',
    ]);
    // In document order: the first purpose kept, the first requirement edited, the first task replaced.
    expect(before.slice(0, 3).map((l) => l.split(':')[0])).toEqual([
      '  - Mục đích, đoạn 1',
      '  - Yêu cầu, đoạn 1',
      '  - Nhiệm vụ 1 của nhóm «Bám sát, cụ thể hóa chủ trương và gắn kết với các chiến lược, kế hoạch», nội dung',
    ]);
    const plan = written(dir);
    expect(plan.purposes).toEqual(old.purposes);
    expect(plan.requirements).toEqual([
      'Trong năm 2027, tiếp tục triển khai Chiến lược trên địa bàn tỉnh.',
      ...old.requirements.slice(1),
    ]);
    expect(plan.tasks.alignment[0]?.content).toBe(old.tasks.alignment[0]?.content.replaceAll('năm 2026', 'năm 2027'));
    expect(plan.tasks.alignment[0]?.period).toBe('Quý I/2026');
  });

  it('keeps the list across Ctrl-C and --resume', async () => {
    const dir = fromExample();
    const first = await runScripted(
      [
        ['review', { action: 'years-each' }],
        ['years.item', 'keep'],
        ['years.item', 'stop'],
        ['review', { action: 'quit' }],
      ],
      { from: 'vinh-long-2026.yaml' },
      dir,
    );
    expect(first.code).toBe(0);
    const listedFirst = reviewScreens(first.prompter.said).at(-1)!;
    const second = await runScripted(
      [['review', { action: 'quit' }]],
      { resume: 'ke-hoach-vinh-long-2027.draft.yaml' },
      dir,
    );
    expect(reviewScreens(second.prompter.said)[0]).toContain(listedFirst.slice(listedFirst.indexOf('Cần xem lại')));
  });

  it('offers last year’s title with the year the clerk chose, whichever it is', async () => {
    const dir = fromExample();
    const run = await runScripted(
      [
        ['document.year', '2028'],
        ['review', { action: 'quit' }],
      ],
      { from: 'vinh-long-2026.yaml' },
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.prompter.asked.find((a) => a.id === 'document.title')?.default).toBe(
      old.document.title.replace('năm 2026', 'năm 2028'),
    );
    expect(reviewScreens(run.prompter.said)[0]).toContain('trước năm 2028');
  });

  it('says nothing when the year stays the same', async () => {
    const dir = fromExample();
    const run = await runScripted([['document.year', '2026']], { from: 'vinh-long-2026.yaml' }, dir);
    expect(run.code).toBe(0);
    expect(reviewScreens(run.prompter.said)[0]).not.toContain('Cần xem lại');
  });
});
