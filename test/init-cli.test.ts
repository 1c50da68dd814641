// `kehoach init` as a user runs it, and the file it writes judged by `kehoach check`.
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

describe('kehoach init (spawned)', () => {
  const dir = tempDir('kehoach-init-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes ke-hoach.yaml by default and names the next commands', async () => {
    const result = await runCli(['init'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Đã tạo ke-hoach.yaml');
    expect(result.stdout).toContain('kehoach check ke-hoach.yaml');
    expect(result.stdout).toContain('kehoach build ke-hoach.yaml');
    expect(readFileSync(join(dir, 'ke-hoach.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\S+plan\.schema\.json\n/,
    );
  });

  it('writes a plan that check passes with no problem at all, not even a warning', async () => {
    const result = await runCli(['check', '--fail-on', 'warning', '--format', 'json', 'ke-hoach.yaml'], { cwd: dir });
    const report = JSON.parse(result.stdout);
    expect(report.files[0].problems).toEqual([]);
    expect(report.summary).toEqual({ files: 1, errors: 0, warnings: 0 });
    expect(result.code).toBe(0);
  });

  it('refuses to overwrite, exit 1, leaving the file as it was', async () => {
    const target = join(dir, 'ke-hoach.yaml');
    const before = readFileSync(target);
    const mtime = statSync(target).mtimeMs;
    const result = await runCli(['init', 'ke-hoach.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^kehoach: "ke-hoach\.yaml" đã có; kehoach không ghi đè/m);
    expect(result.stderr).not.toContain('    at ');
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(statSync(target).mtimeMs).toBe(mtime);
    // Nor is a temporary file left behind.
    expect(readdirSync(dir)).toEqual(['ke-hoach.yaml']);
  });

  it('creates missing parent folders', async () => {
    const result = await runCli(['init', 'nam-2026/quy-1/ke-hoach.yaml'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const check = await runCli(['check', 'nam-2026'], { cwd: dir });
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toBe('Không có vấn đề nào trong 1 tệp.\n');
  });
});
