// Issue 9, item 4: nothing from a plan, a draft or an argument acts on the terminal.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { formatStylish } from '../src/report/stylish.js';
import { formatGithub } from '../src/report/github.js';
import { visible } from '../src/text/visible.js';
import { createInquirerPrompter } from '../src/wizard/inquirer-prompter.js';
import { runCli, tempDir } from './helpers/cli.js';
import { VALID } from './plan-helpers.js';

const TITLE_ESCAPE = '\u001b]0;TITLE\u0007';
// Anything a terminal acts on: ESC, BEL, CR, the other C0/C1 controls, bidi controls.
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

describe('visible', () => {
  it('labels escapes, carriage returns, bidi overrides and lone surrogates', () => {
    expect(visible(`a${TITLE_ESCAPE}b`)).toBe('a‹U+001B›]0;TITLE‹U+0007›b');
    expect(visible('x\ry')).toBe('x‹U+000D›y');
    expect(visible('Sở \u202eTài chính')).toBe('Sở ‹U+202E›Tài chính');
    expect(visible('\u2067a\u2069')).toBe('‹U+2067›a‹U+2069›');
    expect(visible('a\ud800b')).toBe('a‹U+D800›b');
  });

  it('leaves Vietnamese, line feeds, tabs and emoji as they are', () => {
    const text = 'Ủy ban nhân dân\ttỉnh Quảng Trị\n👩‍💻 😀';
    expect(visible(text)).toBe(text);
  });
});

describe('human-facing outputs', () => {
  const problem = {
    rule: 'schema-unknown-key',
    severity: 'error' as const,
    path: '',
    line: 1,
    column: 1,
    message: `Khóa \`${TITLE_ESCAPE}\` không có trong định dạng kế hoạch.`,
  };
  const results = [{ file: `ke\u202ehoach.yaml`, valid: false, problems: [problem] }];

  it('the stylish report shows the key and the file name, never sends them', () => {
    const out = formatStylish(results, { color: false });
    expect(out).not.toMatch(ACTIVE);
    expect(out).toContain('Khóa `‹U+001B›]0;TITLE‹U+0007›`');
    expect(out).toContain('ke‹U+202E›hoach.yaml');
  });

  it('the github annotations too', () => {
    expect(formatGithub(results)).not.toMatch(ACTIVE);
  });

  it('a user error quoting user text', () => {
    expect(new UserError(`Không đọc được tệp ${TITLE_ESCAPE}.yaml.`).message).toBe(
      'Không đọc được tệp ‹U+001B›]0;TITLE‹U+0007›.yaml.',
    );
    expect(new UserError('dòng 1\ndòng 2').message).toBe('dòng 1\ndòng 2');
  });

  it("the wizard's text between prompts (the review of a draft)", async () => {
    let written = '';
    const prompter = await createInquirerPrompter({ stdout: { write: (chunk: string) => (written += chunk) } });
    prompter.say(`  Trích yếu: ${TITLE_ESCAPE} \u202eabc`);
    expect(written).not.toMatch(ACTIVE);
    expect(written).toBe('  Trích yếu: ‹U+001B›]0;TITLE‹U+0007› ‹U+202E›abc\n');
  });

  it('kehoach check of a plan with an escape sequence in a key prints it visibly', async () => {
    const dir = tempDir();
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, `${VALID}"\\e]0;TITLE\\a": 1\n`);
    const result = await runCli(['check', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('‹U+001B›]0;TITLE‹U+0007›');
    expect(result.stdout + result.stderr).not.toMatch(ACTIVE);
  });

  it('an unknown command with an escape sequence is quoted visibly', async () => {
    const result = await runCli([`x${TITLE_ESCAPE}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('‹U+001B›');
    expect(result.stderr).not.toMatch(ACTIVE);
  });
});
