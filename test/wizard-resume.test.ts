// Nothing is lost: Ctrl-C saves, --resume continues, --from starts from last year's plan.
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { init } from '../src/commands/init.js';
import { UserError } from '../src/errors.js';
import { loadPlan } from '../src/plan/load.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { DraftFile, isWizardDraft } from '../src/wizard/draft-file.js';
import { NOW, askedIds, context, drafts, files, runScripted } from './helpers/wizard.js';
import { CTRL_C, type ScriptedPrompter } from './helpers/wizard-prompter.js';

describe('Ctrl-C and --resume', () => {
  it('saves on Ctrl-C, prints the exact command, and --resume continues at the first unanswered question', async () => {
    const first = await runScripted([
      ['agency.name', { term: 'nghe an' }],
      ['agency.parent', ''],
      ['document.title', 'Kế hoạch ngoại giao văn hóa của tỉnh Nghệ An năm 2026'],
      ['tasks.mobilization.menu', CTRL_C],
    ]);
    expect(first.code).toBe(1);
    expect(drafts(first.dir)).toEqual(['ke-hoach-nghe-an-2026.draft.yaml']);
    expect(first.stderr).toContain(
      'Đã lưu bản nháp vào ke-hoach-nghe-an-2026.draft.yaml. Để tiếp tục: kehoach wizard --resume ke-hoach-nghe-an-2026.draft.yaml',
    );
    const draftText = readFileSync(join(first.dir, 'ke-hoach-nghe-an-2026.draft.yaml'), 'utf8');
    const saved = parse(draftText) as Record<string, any>;
    // The wizard drops the document type the clerk typed: KẾ HOẠCH is printed above it (issue 11).
    expect(saved.document.title).toBe('Ngoại giao văn hóa của tỉnh Nghệ An năm 2026');
    // The task checklist of the interrupted group was answered and saved.
    expect(saved.tasks.mobilization.length).toBeGreaterThanOrEqual(4);

    const second = await runScripted(
      [['signer.name', 'Lê Văn Hùng']],
      { resume: 'ke-hoach-nghe-an-2026.draft.yaml' },
      first.dir,
    );
    expect(second.code).toBe(0);
    // It starts with the group that was interrupted: every earlier question keeps its answer.
    expect(askedIds(second.prompter)[0]).toBe('tasks.mobilization.menu');
    expect(second.prompter.asked.some((a) => a.id === 'kind' || a.id === 'document.title')).toBe(false);
    expect(files(first.dir)).toEqual(['ke-hoach-nghe-an-2026.docx', 'ke-hoach-nghe-an-2026.yaml']);
    const plan = loadPlan(readFileSync(join(first.dir, 'ke-hoach-nghe-an-2026.yaml'), 'utf8'), { today: NOW });
    expect(plan.problems).toEqual([]);
    expect(plan.plan?.document.title).toBe('Ngoại giao văn hóa của tỉnh Nghệ An năm 2026');
    expect(plan.plan?.tasks.mobilization).toEqual(saved.tasks.mobilization);
    expect(plan.plan?.signer.name).toBe('Lê Văn Hùng');
  });

  it('quotes the path in the resume command when it needs quoting, and names --out', async () => {
    const dir = tempDir();
    const run = await runScripted([['agency.sector', CTRL_C]], { out: 'kế hoạch 2026' }, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Để tiếp tục: kehoach wizard --resume 'kế hoạch 2026/ke-hoach.draft.yaml'");
    expect(drafts(join(dir, 'kế hoạch 2026'))).toEqual(['ke-hoach.draft.yaml']);
    const resumed = await runScripted(
      [['agency.name', { term: 'cao bang' }]],
      { resume: 'kế hoạch 2026/ke-hoach.draft.yaml', out: '.' },
      dir,
    );
    expect(resumed.code).toBe(0);
    expect(askedIds(resumed.prompter)[0]).toBe('agency.sector');
    // The plan goes beside its draft.
    expect(files(join(dir, 'kế hoạch 2026'))).toEqual(['ke-hoach-cao-bang-2026.docx', 'ke-hoach-cao-bang-2026.yaml']);
  });

  it('tells a new session about an unfinished draft in the folder, and never overwrites it', async () => {
    const first = await runScripted([
      ['agency.name', { term: 'son la' }],
      ['document.year', CTRL_C],
    ]);
    const kept = readFileSync(join(first.dir, 'ke-hoach-son-la.draft.yaml'), 'utf8');
    const second = await runScripted(
      [
        ['agency.name', { term: 'son la' }],
        ['document.year', CTRL_C],
      ],
      {},
      first.dir,
    );
    expect(second.prompter.said[0]).toContain('bản nháp chưa xong: kehoach wizard --resume ke-hoach-son-la.draft.yaml');
    expect(drafts(first.dir)).toEqual(['ke-hoach-son-la-2.draft.yaml', 'ke-hoach-son-la.draft.yaml']);
    expect(readFileSync(join(first.dir, 'ke-hoach-son-la.draft.yaml'), 'utf8')).toBe(kept);
    expect(second.stderr).toContain('kehoach wizard --resume ke-hoach-son-la-2.draft.yaml');
  });

  it('refuses a draft that does not exist, and --resume with --from, with exit 2', async () => {
    const missing = await runScripted([], { resume: 'khong-co.draft.yaml' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(UserError);
    expect((missing as UserError).exitCode).toBe(2);
    expect((missing as UserError).message).toContain('khong-co.draft.yaml');
    const both = await runScripted([], { resume: 'a.yaml', from: 'b.yaml' }).catch((e: unknown) => e);
    expect((both as UserError).exitCode).toBe(2);
  });
});

describe('--resume only opens the wizard’s own drafts', () => {
  it('refuses a plan made by init before asking anything, exit 2, pointing to --from, and leaves it untouched', async () => {
    const dir = tempDir();
    const out = { stdout: [] as string[], stderr: [] as string[] };
    expect(await init({}, context(dir, out))).toBe(0);
    const before = readFileSync(join(dir, 'ke-hoach.yaml'), 'utf8');
    let prompter: ScriptedPrompter | undefined;
    const error = await runScripted([], { resume: 'ke-hoach.yaml' }, dir, (p) => (prompter = p)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toContain('không phải bản nháp');
    expect((error as UserError).message).toContain('kehoach wizard --from ke-hoach.yaml');
    expect(prompter?.asked).toEqual([]);
    expect(files(dir)).toEqual(['ke-hoach.yaml']);
    expect(readFileSync(join(dir, 'ke-hoach.yaml'), 'utf8')).toBe(before);
  });

  it('refuses a copy of an example the same way', async () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'examples', 'vinh-long-2026.yaml'), join(dir, 'ke-hoach.yaml'));
    const error = await runScripted([], { resume: 'ke-hoach.yaml' }, dir).catch((e: unknown) => e);
    expect((error as UserError).exitCode).toBe(2);
    expect(readFileSync(join(dir, 'ke-hoach.yaml'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'examples', 'vinh-long-2026.yaml'), 'utf8'),
    );
  });

  it('continues a draft named without .draft.yaml when it carries the progress comment, and removes it at the end', async () => {
    const first = await runScripted([
      ['agency.name', { term: 'cao bang' }],
      ['document.year', CTRL_C],
    ]);
    renameSync(join(first.dir, 'ke-hoach-cao-bang.draft.yaml'), join(first.dir, 'nhap.yaml'));
    const second = await runScripted([], { resume: 'nhap.yaml' }, first.dir);
    expect(second.code).toBe(0);
    expect(askedIds(second.prompter)[0]).toBe('document.year');
    expect(files(first.dir)).toEqual(['ke-hoach-cao-bang-2026.docx', 'ke-hoach-cao-bang-2026.yaml']);
  });

  it('deletes at the end only a file that is a wizard draft', async () => {
    const dir = tempDir();
    const plan = readFileSync(join(ROOT, 'examples', 'vinh-long-2026.yaml'), 'utf8');
    writeFileSync(join(dir, 'ke-hoach.yaml'), plan);
    await new DraftFile(dir, dir, 'ke-hoach.yaml').remove();
    expect(readFileSync(join(dir, 'ke-hoach.yaml'), 'utf8')).toBe(plan);
    writeFileSync(join(dir, 'x.draft.yaml'), plan);
    await new DraftFile(dir, dir, 'x.draft.yaml').remove();
    expect(existsSync(join(dir, 'x.draft.yaml'))).toBe(false);
    expect(isWizardDraft(join(dir, 'ke-hoach.yaml'), plan)).toBe(false);
    expect(isWizardDraft(join(dir, 'ke-hoach.yaml'), `# kehoach-wizard: {"answered":[]}\n${plan}`)).toBe(true);
  });
});

describe('--from last year’s plan', () => {
  it('asks only what must change, keeps the tasks when told to, and writes next year’s plan', async () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'examples', 'quang-tri-2022.yaml'), join(dir, 'quang-tri-2022.yaml'));
    const old = loadPlan(readFileSync(join(dir, 'quang-tri-2022.yaml'), 'utf8'), { today: NOW }).plan!;
    const run = await runScripted(
      [
        ['signer.name', 'Võ Văn Hưng'],
        ['review', { action: 'finish' }],
      ],
      { from: 'quang-tri-2022.yaml' },
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.prompter.remaining).toEqual([]);
    // The kept tasks still name 2022: the review listed them for the clerk to look at.
    expect(run.prompter.said.find((t) => t.includes('──── Xem lại'))).toContain('Cần xem lại:');
    const asked = askedIds(run.prompter).filter((id) => !id.startsWith('finish.') && id !== 'review');
    expect(asked).toEqual([
      'document.year',
      'document.number',
      'document.date',
      'signer.capacity',
      'signer.body',
      'signer.head',
      'signer.title',
      'signer.name',
    ]);
    const year = run.prompter.asked.find((a) => a.id === 'document.year');
    expect(year?.default).toBe('2023');
    const plan = loadPlan(readFileSync(join(dir, 'ke-hoach-quang-tri-2023.yaml'), 'utf8'), { today: NOW }).plan!;
    expect(plan.document).toEqual({ year: 2023, title: old.document.title });
    expect(plan.tasks).toEqual(old.tasks);
    expect(plan.signer.name).toBe('Võ Văn Hưng');
    // Last year's file is never touched.
    expect(readFileSync(join(dir, 'quang-tri-2022.yaml'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'examples', 'quang-tri-2022.yaml'), 'utf8'),
    );
  });

  it('refuses a plan with a key it has no place for before asking anything, exit 2, naming the place', async () => {
    const dir = tempDir();
    const text = readFileSync(join(ROOT, 'examples', 'quang-tri-2022.yaml'), 'utf8').replace(
      /^purposes:/mu,
      'purpose:',
    );
    writeFileSync(join(dir, 'cu.yaml'), text);
    const line = text.split('\n').indexOf('purpose:') + 1;
    let prompter: ScriptedPrompter | undefined;
    const error = await runScripted([], { from: 'cu.yaml' }, dir, (p) => (prompter = p)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toContain(`cu.yaml:${line}:1:`);
    expect((error as UserError).message).toContain('có phải `purposes`?');
    expect(prompter?.asked).toEqual([]);
    expect(files(dir)).toEqual(['cu.yaml']);
    expect(readFileSync(join(dir, 'cu.yaml'), 'utf8')).toBe(text);
  });

  it('also asks what the checks flag, and a title naming the old year', async () => {
    const dir = tempDir();
    const text = readFileSync(join(ROOT, 'examples', 'quang-tri-2022.yaml'), 'utf8')
      .replace(
        /title: Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Quảng Trị/,
        'title: Kế hoạch ngoại giao văn hóa năm 2022',
      )
      .replace(/archive: .*/, 'archive: "   "');
    writeFileSync(join(dir, 'cu.yaml'), text);
    const run = await runScripted([['archive', 'VT, KGVX']], { from: 'cu.yaml' }, dir);
    expect(run.code).toBe(0);
    const asked = askedIds(run.prompter);
    expect(asked).toContain('document.title');
    expect(asked).toContain('archive');
    expect(run.prompter.asked.find((a) => a.id === 'document.title')?.default).toBe(
      'Kế hoạch ngoại giao văn hóa năm 2023',
    );
  });
});
