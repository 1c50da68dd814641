// The build command called in-process with a fake context (jobs 1: the worker script exists only
// in dist/, so threads are exercised by the bin tests).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../src/commands/build.js';
import type { CommandContext } from '../src/context.js';
import { UserError } from '../src/errors.js';
import { tempDir } from './helpers/cli.js';
import { documentXml, exampleText, invalidPlan, listFiles, writeFiles } from './helpers/build.js';

interface Captured {
  ctx: CommandContext;
  stderr: () => string;
  stdout: () => string;
}

function context(cwd: string, extra: Partial<CommandContext> & { tty?: boolean } = {}): Captured {
  let out = '';
  let err = '';
  const { tty, ...rest } = extra;
  return {
    ctx: {
      cwd,
      env: {},
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s), isTTY: Boolean(tty), columns: 100 },
      stdinIsTTY: false,
      now: () => new Date('2026-06-01T03:00:00Z'),
      ...rest,
    },
    stderr: () => err,
    stdout: () => out,
  };
}

const run = (options: Omit<BuildOptions, 'jobs'>, c: Captured) => build({ jobs: '1', ...options }, c.ctx);

describe('build (in-process)', () => {
  it('builds beside the plans and reports one line per file in input order', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'b.yaml': exampleText(), 'a.yaml': exampleText(1) });
    const c = context(dir);
    expect(await run({ paths: ['b.yaml', 'a.yaml'] }, c)).toBe(0);
    const lines = c.stderr().trim().split('\n');
    expect(lines.slice(0, 2)).toEqual(['✔ b.yaml → b.docx', '✔ a.yaml → a.docx']);
    expect(lines[2]).toMatch(/^Đã dựng 2 tệp, 0 tệp lỗi, trong \d+,\d\d giây\.$/);
    expect(await documentXml(join(dir, 'a.docx'))).toContain('<w:body>');
    expect(c.stdout()).toBe('');
  });

  it('dates the document with the clock, or with SOURCE_DATE_EPOCH when set', async () => {
    const created = async (env: Record<string, string>): Promise<string> => {
      const dir = tempDir();
      writeFiles(dir, { 'a.yaml': exampleText() });
      const c = context(dir, { env });
      expect(await run({ paths: ['a.yaml'] }, c)).toBe(0);
      const zip = await JSZip.loadAsync(readFileSync(join(dir, 'a.docx')));
      const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
      return /<dcterms:created[^>]*>([^<]+)</.exec(core)?.[1] ?? '';
    };
    expect(await created({})).toMatch(/^2026-06-01T03:00:00/);
    expect(await created({ SOURCE_DATE_EPOCH: '1700000000' })).toMatch(/^2023-11-14T22:13:20/);
  });

  it('draws a progress bar on a terminal and prints the failures and problems after it', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.yaml': exampleText(), 'b-invalid.yaml': invalidPlan().text });
    const c = context(dir, { tty: true, env: { NO_COLOR: '1' } });
    expect(await run({ paths: ['.'], out: 'out' }, c)).toBe(1);
    const text = c.stderr();
    expect(text).toContain('Dựng .docx');
    expect(text).toMatch(/✖ b-invalid\.yaml: \d+ lỗi/);
    expect(text).not.toContain('✔ a.yaml');
    expect(text.indexOf('✖ b-invalid.yaml')).toBeGreaterThan(text.lastIndexOf('Dựng .docx'));
    expect(text).toMatch(/Đã dựng 1 tệp, 1 tệp lỗi, trong \d+,\d\d giây\.\n$/);
    expect(listFiles(join(dir, 'out'))).toEqual(['a.docx']);
  });

  it('builds nothing when interrupted before it starts, and says so (exit 1)', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.yaml': exampleText(), 'b.yaml': exampleText() });
    const abort = new AbortController();
    abort.abort();
    const c = context(dir, { signal: abort.signal });
    expect(await run({ paths: ['.'] }, c)).toBe(1);
    expect(c.stderr()).toMatch(/^Đã dừng theo yêu cầu: đã dựng 0 tệp, 0 tệp lỗi, 2 tệp chưa dựng, trong/);
    expect(listFiles(dir)).toEqual(['a.yaml', 'b.yaml']);
  });

  it('stops taking files once interrupted, keeping the ones in flight', async () => {
    const dir = tempDir();
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    writeFiles(dir, Object.fromEntries(names.map((n) => [`${n}.yaml`, exampleText()])));
    const abort = new AbortController();
    const c = context(dir, { signal: abort.signal });
    const stderr = c.ctx.stderr;
    // Interrupt as the first file is reported.
    c.ctx.stderr = { ...stderr, write: (s: string) => (abort.abort(), stderr.write(s)) };
    expect(await run({ paths: ['.'] }, c)).toBe(1);
    const made = listFiles(dir).filter((f) => f.endsWith('.docx'));
    expect(made.length).toBeGreaterThanOrEqual(1);
    expect(made.length).toBeLessThan(names.length);
    // The ones made are the first ones, each complete.
    expect(made).toEqual(names.slice(0, made.length).map((n) => `${n}.docx`));
    for (const file of made) expect(await documentXml(join(dir, file))).toContain('</w:body>');
    expect(c.stderr()).toContain(`đã dựng ${made.length} tệp, 0 tệp lỗi, ${names.length - made.length} tệp chưa dựng`);
  });

  it('throws the tool-cannot-run error (exit 2) for bad --jobs before reading anything', async () => {
    const c = context(tempDir());
    const error = await build({ paths: ['khong-co.yaml'], jobs: 'nhiều' }, c.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toContain('--jobs');
  });

  it('writes no .docx for a file whose output exists, and says to use --force', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.yaml': exampleText(), 'a.docx': 'giữ nguyên' });
    const c = context(dir);
    expect(await run({ paths: ['a.yaml'] }, c)).toBe(1);
    expect(c.stderr()).toContain('✖ a.yaml: a.docx đã có');
    expect(readFileSync(join(dir, 'a.docx'), 'utf8')).toBe('giữ nguyên');
    expect(existsSync(join(dir, 'a.pdf'))).toBe(false);
  });
});
