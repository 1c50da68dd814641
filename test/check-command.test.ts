// `check` in-process: what a spawned bin cannot show (a terminal, an abort, a directory race).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile, checkFilesHere } from '../src/check/files.js';
import { check } from '../src/commands/check.js';
import type { CommandContext } from '../src/context.js';
import { UserError } from '../src/errors.js';
import { ROOT, tempDir } from './helpers/cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'check');
const ESC = '\u001b[';

function context(options: { isTTY: boolean; env?: Record<string, string> }): {
  ctx: CommandContext;
  stdout: () => string;
} {
  let out = '';
  const ctx: CommandContext = {
    cwd: FIXTURES,
    env: options.env ?? {},
    stdout: { write: (s: string) => (out += s), isTTY: options.isTTY },
    stderr: { write: () => undefined },
    stdinIsTTY: false,
    now: () => new Date(2026, 0, 15),
  };
  return { ctx, stdout: () => out };
}

describe('colour', () => {
  const cases: Array<{ name: string; isTTY: boolean; env: Record<string, string>; colour: boolean }> = [
    { name: 'a terminal without NO_COLOR', isTTY: true, env: {}, colour: true },
    { name: 'a terminal with NO_COLOR=1', isTTY: true, env: { NO_COLOR: '1' }, colour: false },
    { name: 'a terminal with an empty NO_COLOR', isTTY: true, env: { NO_COLOR: '' }, colour: true },
    { name: 'a pipe', isTTY: false, env: {}, colour: false },
  ];
  it.each(cases)('$name → colour: $colour', async ({ isTTY, env, colour }) => {
    const { ctx, stdout } = context({ isTTY, env });
    expect(await check({ paths: ['invalid.yaml'] }, ctx)).toBe(1);
    expect(stdout()).toMatch(/invalid\.yaml/);
    expect(stdout().includes(ESC)).toBe(colour);
  });

  it('never colours a machine format, even on a terminal', async () => {
    const { ctx, stdout } = context({ isTTY: true });
    await check({ paths: ['invalid.yaml'], format: 'json' }, ctx);
    expect(stdout()).not.toContain(ESC);
    expect(() => JSON.parse(stdout())).not.toThrow();
  });
});

describe('checkFilesHere', () => {
  const dir = tempDir('kehoach-check-order-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the input order whatever order the reads finish in', async () => {
    const sources = ['valid.yaml', 'invalid.yaml', 'warning-only.yaml'];
    const files = Array.from({ length: 60 }, (_, i) => {
      const source = sources[(i * 7) % sources.length]!;
      const absolute = join(dir, `${String(59 - i).padStart(2, '0')}-${source}`);
      copyFileSync(join(FIXTURES, source), absolute);
      return { absolute, display: `f${i}`, source };
    });
    const checked = await checkFilesHere(files, { today: new Date(2026, 0, 15) });
    expect(checked.map((c) => c.result.file)).toEqual(files.map((f) => f.display));
    expect(checked.map((c) => c.result.valid)).toEqual(files.map((f) => f.source !== 'invalid.yaml'));
    // A plan that loads is handed back for callers that go on to render it.
    expect(checked.every((c) => (c.plan !== undefined) === c.result.valid)).toBe(true);
  });

  it('stops with exit 2 once aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const files = [{ absolute: join(FIXTURES, 'valid.yaml'), display: 'valid.yaml' }];
    const error = await checkFilesHere(files, { today: new Date(), signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
  });

  it('turns a folder where a file was expected into exit 2 naming it', async () => {
    const folder = join(dir, 'was-a-file.yaml');
    mkdirSync(folder);
    const error = await checkFile({ absolute: folder, display: 'was-a-file.yaml' }, { today: new Date() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toMatch(/^không đọc được "was-a-file\.yaml": đây là thư mục/);
  });

  it('turns a file gone missing into exit 2 naming it', async () => {
    const error = await checkFile(
      { absolute: join(dir, 'gone.yaml'), display: 'gone.yaml' },
      { today: new Date() },
    ).catch((e: unknown) => e);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toContain('"gone.yaml"');
  });
});

describe('options', () => {
  it('refuses an unknown format, --fail-on or --jobs with exit 2 (for callers other than the CLI)', async () => {
    const { ctx } = context({ isTTY: false });
    await expect(check({ paths: ['valid.yaml'], format: 'xml' }, ctx)).rejects.toMatchObject({ exitCode: 2 });
    await expect(check({ paths: ['valid.yaml'], failOn: 'info' }, ctx)).rejects.toMatchObject({ exitCode: 2 });
    for (const jobs of ['0', '65', 'hai', '1.5']) {
      await expect(check({ paths: ['valid.yaml'], jobs }, ctx)).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringContaining('--jobs'),
      });
    }
  });
});
