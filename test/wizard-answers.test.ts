// Answers as clerks really type them, judged at the prompt with check's own rules and messages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/plan/load.js';
import { wizardVoice } from '../src/wizard/voice.js';
import { validatePlan } from '../src/plan/validate.js';
import { NOW, files, runScripted } from './helpers/wizard.js';
import { CLEAR } from './helpers/wizard-prompter.js';

const planOf = (dir: string, name: string) => loadPlan(readFileSync(join(dir, name), 'utf8'), { today: NOW });

/** What `check` says about one field of a plan: the message the prompt must show. */
function checkMessage(edit: (plan: Record<string, any>) => void, rule: string): string {
  const base = loadPlan(readFileSync(join(import.meta.dirname, '..', 'examples', 'quang-tri-2022.yaml'), 'utf8'), {
    today: NOW,
  }).plan!;
  const data = structuredClone(base) as Record<string, any>;
  edit(data);
  const issue = validatePlan(data, { today: NOW }).issues.find((i) => i.rule === rule);
  if (!issue) throw new Error(`no ${rule} issue`);
  // The wizard says the same finding in its own voice: the question's label, no keys.
  return wizardVoice(issue, data);
}

describe('wizard answers', () => {
  it('stores NFD answers (macOS, copy-paste) as NFC', async () => {
    const nfd = 'Hoàng Thị Thủy'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const run = await runScripted([
      ['agency.name', { term: 'Quảng Trị'.normalize('NFD') }],
      ['signer.name', nfd],
    ]);
    expect(run.code).toBe(0);
    const text = readFileSync(join(run.dir, 'ke-hoach-quang-tri-2026.yaml'), 'utf8');
    expect(text).toBe(text.normalize('NFC'));
    expect(planOf(run.dir, 'ke-hoach-quang-tri-2026.yaml').plan?.signer.name).toBe('Hoàng Thị Thủy');
  });

  it('refuses an empty required answer at the prompt with the rule of check, in the wizard voice', async () => {
    const run = await runScripted([
      ['agency.name', { term: 'quang tri' }],
      ['agency.place', CLEAR],
      ['agency.place', 'Quảng Trị'],
      ['document.title', CLEAR],
      ['document.title', 'Triển khai Chiến lược Ngoại giao văn hóa năm 2026'],
    ]);
    expect(run.prompter.remaining).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.prompter.rejections).toEqual([
      { id: 'agency.place', value: '', message: checkMessage((p) => (p.agency.place = ''), 'schema-empty') },
      { id: 'document.title', value: '', message: checkMessage((p) => (p.document.title = ''), 'schema-empty') },
    ]);
    expect(run.prompter.rejections[0]?.message).toMatch(/^Địa danh đang để trống/);
    expect(run.prompter.rejections[1]?.message).not.toContain('`');
  });

  it('refuses a period reaching 2035 with the period-beyond-2030 message, and takes the fix', async () => {
    const run = await runScripted([
      ['agency.name', { term: 'quang tri' }],
      ['tasks.alignment.menu', { action: 'edit', index: 0 }],
      ['task.period', '2026-2035'],
      ['task.period', '2026 - 2030'],
    ]);
    expect(run.prompter.remaining).toEqual([]);
    expect(run.code).toBe(0);
    const message = checkMessage((p) => (p.tasks.alignment[0].period = '2026-2035'), 'period-beyond-2030');
    expect(run.prompter.rejections).toEqual([{ id: 'task.period', value: '2026-2035', message }]);
    expect(message).toContain('2035');
    expect(planOf(run.dir, 'ke-hoach-quang-tri-2026.yaml').plan?.tasks.alignment[0]?.period).toBe('2026 - 2030');
  });

  it('trims an agency typed with stray spaces and collapses the runs inside', async () => {
    const run = await runScripted([
      ['agency.name', { term: '  Sở Ngoại vụ   tỉnh\tQuảng  Trị ' }],
      ['agency.parent', '  Ủy ban nhân dân   tỉnh Quảng Trị '],
      ['agency.short', ' SNgV '],
      ['agency.place', 'Quảng   Trị'],
    ]);
    expect(run.prompter.remaining).toEqual([]);
    expect(run.code).toBe(0);
    const [name] = files(run.dir).filter((f) => f.endsWith('.yaml'));
    const plan = planOf(run.dir, name!).plan!;
    expect(plan.agency).toEqual({
      parent: 'Ủy ban nhân dân tỉnh Quảng Trị',
      name: 'Sở Ngoại vụ tỉnh Quảng Trị',
      short: 'SNgV',
      sector: 'locality',
      place: 'Quảng Trị',
    });
  });

  it('takes a listed agency typed with stray spaces as that agency, with its data', async () => {
    const run = await runScripted([['agency.name', { term: '  Ủy ban nhân dân   tỉnh  Lào Cai ' }]]);
    expect(run.code).toBe(0);
    const plan = planOf(run.dir, 'ke-hoach-lao-cai-2026.yaml').plan!;
    expect(plan.agency.name).toBe('Ủy ban nhân dân tỉnh Lào Cai');
    expect(plan.agency.place).toBe('Lào Cai');
  });

  it('shows a legacy-encoded answer the legacy-encoding message and refuses it', async () => {
    const run = await runScripted([
      ['agency.name', { term: 'quang tri' }],
      ['signer.name', 'NguyÔn V¨n An'],
      ['signer.name', 'Nguyễn Văn An'],
    ]);
    expect(run.code).toBe(0);
    expect(run.prompter.rejections).toHaveLength(1);
    expect(run.prompter.rejections[0]?.message).toMatch(/TCVN3/);
  });

  it('accepts a date written day/month/year and a mismatching year is refused with its message', async () => {
    const run = await runScripted([
      ['agency.name', { term: 'quang tri' }],
      ['document.number', '7'],
      ['document.date', '15/3/2025'],
      ['document.date', '5/3/2026'],
    ]);
    expect(run.code).toBe(0);
    expect(run.prompter.rejections[0]?.message).toBe(
      checkMessage((p) => {
        p.document.date = '2025-03-15';
        p.document.year = 2026;
      }, 'date-year-mismatch'),
    );
    const plan = planOf(run.dir, 'ke-hoach-quang-tri-2026.yaml').plan!;
    expect(plan.document).toMatchObject({ number: 7, date: '2026-03-05', year: 2026 });
  });
});
