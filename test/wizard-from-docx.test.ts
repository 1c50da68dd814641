// `kehoach wizard --from last-year.docx`: the Word file is imported, then the wizard goes on as
// --from does for a plan file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPlan } from '../src/index.js';
import { loadPlan } from '../src/plan/load.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { NOW, askedIds, drafts, readYaml, runScripted } from './helpers/wizard.js';
import { CTRL_C } from './helpers/wizard-prompter.js';
import { gialaiAppendix, gialaiMain, wordDocx } from './helpers/word-plan.js';

describe('--from last year’s plan as a .docx', () => {
  it('imports a plan kehoach built and writes next year’s plan with the same content', async () => {
    const dir = tempDir();
    const old = loadPlan(readFileSync(join(ROOT, 'examples', 'quang-tri-2022.yaml'), 'utf8'), { today: NOW }).plan!;
    writeFileSync(join(dir, 'ke-hoach-2022.docx'), await renderPlan(old, { created: NOW }));
    const run = await runScripted(
      [
        ['signer.name', 'Võ Văn Hưng'],
        ['review', { action: 'finish' }],
      ],
      { from: 'ke-hoach-2022.docx' },
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.prompter.remaining).toEqual([]);
    expect(run.prompter.said.join('\n')).toContain('Bắt đầu từ văn bản Word ke-hoach-2022.docx');
    expect(askedIds(run.prompter)).toEqual(
      expect.arrayContaining(['document.year', 'document.number', 'document.date', 'signer.name']),
    );
    const plan = loadPlan(readFileSync(join(dir, 'ke-hoach-quang-tri-2023.yaml'), 'utf8'), { today: NOW }).plan!;
    expect(plan.document).toEqual({ year: 2023, title: old.document.title });
    expect(plan.agency).toEqual({ ...old.agency, parent: null });
    expect(plan.bases).toEqual(old.bases);
    // The pillar is printed nowhere, so it is guessed; every other field of every task came back.
    const strip = (tasks: typeof old.tasks) =>
      Object.fromEntries(Object.entries(tasks).map(([k, v]) => [k, v.map(({ pillar: _pillar, ...t }) => t)]));
    expect(strip(plan.tasks)).toEqual(strip(old.tasks));
    expect(plan.signer).toMatchObject({
      capacity: 'KT',
      body: 'Ủy ban nhân dân',
      head: 'Chủ tịch',
      title: 'Phó Chủ tịch',
      name: 'Võ Văn Hưng',
    });
  });

  it('starts from a Word plan, says how many paragraphs it could not place, and keeps what it read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'gia-lai.docx'), await wordDocx(gialaiMain(), gialaiAppendix()));
    // Ctrl-C at the first question: the draft saved holds what was imported.
    const run = await runScripted([['document.year', CTRL_C]], { from: 'gia-lai.docx' }, dir);
    expect(run.prompter.said.join('\n')).toMatch(
      /5 đoạn chưa xếp được vào kế hoạch \(chạy kehoach import gia-lai\.docx để xem\)/u,
    );
    expect(askedIds(run.prompter)).toEqual(['document.year']);
    const [draft] = drafts(dir);
    expect(draft).toBeDefined();
    const saved = readYaml(join(dir, draft!)) as {
      agency: { name: string };
      tasks: Record<string, { lead: string }[]>;
    };
    expect(saved.agency.name).toBe('Ủy ban nhân dân tỉnh Gia Lai');
    expect(saved.tasks['development']?.[0]?.lead).toBe('Sở Văn hóa, Thể thao và Du lịch');
  });

  it('refuses a .docx that cannot be read, with the import’s reason (exit 2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hong.docx'), 'không phải zip');
    const error = await runScripted([], { from: 'hong.docx' }, dir).catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/Không đọc được "hong\.docx"\. Tệp không phải là văn bản \.docx/u);
    expect((error as { exitCode?: number }).exitCode).toBe(2);
  });
});
