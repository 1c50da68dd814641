// Issue 11, "the wizard speaks the clerk's language": each item as the clerk met it.
import { describe, expect, it } from 'vitest';
import { answeredMessage } from '../src/wizard/inquirer-prompter.js';
import { commandName } from '../src/wizard/invocation.js';
import { startWizard } from '../src/wizard/main.js';
import { defaultYear } from '../src/wizard/steps/header.js';
import { tempDir } from './helpers/cli.js';
import { context, runScripted } from './helpers/wizard.js';
import { CTRL_C, ScriptedPrompter } from './helpers/wizard-prompter.js';

describe('the default year (item 10)', () => {
  it('is next year from October on, this year before', () => {
    expect(defaultYear(new Date(2026, 8, 30))).toBe(2026);
    expect(defaultYear(new Date(2026, 9, 1))).toBe(2027);
    expect(defaultYear(new Date(2026, 11, 31))).toBe(2027);
    // Never past the Strategy's horizon.
    expect(defaultYear(new Date(2030, 10, 1))).toBe(2030);
  });
});

describe('the review screen (item 11)', () => {
  it('warns when the signer has no name, and not once there is one', async () => {
    const without = await runScripted([['agency.name', { term: 'lang son' }]]);
    const review = without.prompter.said.filter((t) => t.includes('──── Xem lại ────'));
    expect(review.at(-1)).toContain('chưa có họ và tên người ký');
    const named = await runScripted([['agency.name', { term: 'lang son' }], ['signer.name', 'Hoàng Nam']]);
    expect(named.prompter.said.filter((t) => t.includes('──── Xem lại ────')).at(-1)).not.toContain('chưa có họ và tên người ký');
  });
});

describe('finishing (item 12)', () => {
  it('after refusing to overwrite, suggests a name that is free', async () => {
    const first = await runScripted([['agency.name', { term: 'lang son' }]]);
    const second = await runScripted([['agency.name', { term: 'lang son' }], ['finish.overwrite', false]], {}, first.dir);
    expect(second.code).toBe(0);
    const names = second.prompter.asked.filter((a) => a.id === 'finish.name').map((a) => a.default);
    expect(names).toEqual(['ke-hoach-lang-son-2026.yaml', 'ke-hoach-lang-son-2026-2.yaml']);
    expect(second.stdout).toContain('Đã ghi tệp kế hoạch: ke-hoach-lang-son-2026-2.yaml');
  });

  it('leaves the answered line as the question, an arrow, the answer', () => {
    expect(answeredMessage('Địa danh ghi trước ngày tháng (… , ngày … tháng … năm …):')).toBe('Địa danh ghi trước ngày tháng (… , ngày … tháng … năm …)');
    expect(answeredMessage('Trích yếu (tên văn bản) [Enter: giữ • Tab: sửa • Backspace: xóa]:')).toBe('Trích yếu (tên văn bản)');
  });
});

describe('the printed commands (item 13)', () => {
  it('say npx kehoach where a bare kehoach would not be found', () => {
    expect(commandName({}, '/usr/local/bin/kehoach')).toBe('kehoach');
    expect(commandName({}, '/usr/lib/node_modules/kehoach/bin/kehoach.js')).toBe('kehoach');
    expect(commandName({ npm_command: 'exec' }, '/home/a/.npm/_npx/1a2b/node_modules/.bin/kehoach')).toBe('npx kehoach');
    expect(commandName({ npm_execpath: '/usr/lib/node_modules/npm/bin/npx-cli.js' }, undefined)).toBe('npx kehoach');
    expect(commandName({}, '/home/a/du-an/node_modules/.bin/kehoach')).toBe('npx kehoach');
    expect(commandName({}, '/home/a/kehoach/bin/kehoach.js')).toBe('npx kehoach');
    expect(commandName({}, undefined)).toBe('kehoach');
  });

  it('print the resume command as it must be typed, from the context', async () => {
    const dir = tempDir('kehoach-wizard-');
    const out = { stdout: [] as string[], stderr: [] as string[] };
    const ctx = { ...context(dir, out), bin: '/work/kehoach/bin/kehoach.js' };
    const code = await startWizard({}, ctx, new ScriptedPrompter([['agency.sector', CTRL_C]]));
    expect(code).toBe(1);
    expect(out.stderr.join('')).toMatch(/Để tiếp tục: npx kehoach wizard --resume ke-hoach\.draft\.yaml/);
  });
});
