// `kehoach check` and `kehoach schema` as a user or CI runs them: the built bin, spawned.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { locate } from './cli-cases.js';
import { BIN, ROOT, runCli, tempDir } from './helpers/cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'check');
const STACK_FRAME = '    at ';

// The plain cases (exit codes, messages, formats) are in cli-cases.ts; these need more than a table.
const beyond2030 = locate('invalid.yaml', '2029-2031');

describe('kehoach check (spawned)', () => {
  // `kehoach check … | head` closes the pipe after ten lines: the rest of the report is not wanted,
  // and Node's EPIPE ended the process with a stack trace.
  it('ends quietly, with its own exit code, when the reader of its report goes away', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'nhieu-loi.yaml'), Array.from({ length: 3000 }, (_, i) => `khoa_${i}: 1\n`).join(''));
    const result = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
      const child = spawn(process.execPath, [BIN, 'check', 'nhieu-loi.yaml'], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // The reader leaves before the report is written.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', fail);
      child.on('close', (code) => done({ code, stderr }));
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
  });

  it.runIf(existsSync('/dev/full'))(
    'says in Vietnamese that the report could not be written, exit code 2',
    async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'nhieu-loi.yaml'), Array.from({ length: 3000 }, (_, i) => `khoa_${i}: 1\n`).join(''));
      const full = openSync('/dev/full', 'w');
      const result = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
        const child = spawn(process.execPath, [BIN, 'check', 'nhieu-loi.yaml'], {
          cwd: dir,
          stdio: ['ignore', full, 'pipe'],
        });
        let stderr = '';
        child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('error', fail);
        child.on('close', (code) => done({ code, stderr }));
      });
      closeSync(full);
      expect(result.stderr).toBe('kehoach: không ghi được kết quả ra đầu ra chuẩn (stdout): ổ đĩa đã đầy.\n');
      expect(result.code).toBe(2);
    },
  );

  // Found by a review: the message went to an unguarded stderr, whose reader had gone too, and the
  // EPIPE there ended the process with exit code 1, which reads as "invalid".
  it.runIf(existsSync('/dev/full'))('keeps exit code 2 when stderr has no reader either', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'nhieu-loi.yaml'), Array.from({ length: 3000 }, (_, i) => `khoa_${i}: 1\n`).join(''));
    const full = openSync('/dev/full', 'w');
    const code = await new Promise<number | null>((done, fail) => {
      const child = spawn(process.execPath, [BIN, 'check', 'nhieu-loi.yaml'], {
        cwd: dir,
        stdio: ['ignore', full, 'pipe'],
      });
      child.stderr!.destroy();
      child.on('error', fail);
      child.on('close', done);
    });
    closeSync(full);
    expect(code).toBe(2);
  });

  it('prints no colour into a pipe even without NO_COLOR', async () => {
    const result = await runCli(['check', 'invalid.yaml'], {
      cwd: FIXTURES,
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('--format json follows the contract', async () => {
    const result = await runCli(['check', '--format', 'json', 'valid.yaml', 'invalid.yaml', 'warning-only.yaml'], {
      cwd: FIXTURES,
    });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['files', 'summary']);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual([
      'valid.yaml',
      'invalid.yaml',
      'warning-only.yaml',
    ]);
    expect(report.files.map((f: { valid: boolean }) => f.valid)).toEqual([true, false, true]);
    expect(report.files[0].problems).toEqual([]);
    const invalid = report.files[1].problems as Array<Record<string, unknown>>;
    for (const p of invalid) {
      expect(Object.keys(p)).toEqual(['rule', 'severity', 'message', 'line', 'column', 'path']);
      expect(p['message']).toMatch(/\S/);
    }
    expect(invalid).toContainEqual(expect.objectContaining({ severity: 'error', ...beyond2030 }));
    const warnings = report.files[2].problems as Array<{ severity: string }>;
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    expect(warnings.every((p) => p.severity === 'warning')).toBe(true);
    expect(report.summary).toEqual({
      files: 3,
      errors: invalid.filter((p) => p['severity'] === 'error').length,
      warnings: warnings.length + invalid.filter((p) => p['severity'] === 'warning').length,
    });
  });

  it('--format sarif is a valid SARIF log whose every rule is described', async () => {
    const result = await runCli(
      ['check', '-f', 'sarif', 'invalid.yaml', 'invalid-yaml-syntax.yaml', 'warning-only.yaml'],
      { cwd: FIXTURES },
    );
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    const schemaFile = join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    // Draft-04, and one of its patterns is only valid without the `u` flag.
    const ajv = new ajvDraft04.default({ allErrors: true, unicodeRegExp: false });
    ajvFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);

    const run = log.runs[0];
    const rules = run.tool.driver.rules as Array<{ id: string; shortDescription: { text: string } }>;
    const results = run.results as Array<{ ruleId: string; ruleIndex: number }>;
    expect(results.length).toBeGreaterThanOrEqual(5);
    for (const r of results) {
      expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
      // A generic "Quy tắc <id>" means the id is in no registry: the rule tables have drifted.
      expect(rules[r.ruleIndex]!.shortDescription.text, r.ruleId).not.toMatch(/^Quy tắc /);
    }
    expect(results.map((r) => r.ruleId)).toEqual(
      expect.arrayContaining(['period-beyond-2030', 'yaml-syntax', 'bases-missing-404']),
    );
  });

  describe('--output', () => {
    const dir = tempDir('kehoach-check-output-');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('writes the report to the file, keeps stdout empty and says where it went on stderr', async () => {
      const target = join(dir, 'reports', 'check.json');
      const result = await runCli(['check', '-f', 'json', '-o', target, 'invalid.yaml'], { cwd: FIXTURES });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`Đã ghi báo cáo json vào ${target}.`);
      expect(result.stderr).toMatch(/\d+ lỗi trong 1 tệp\./);
      const report = JSON.parse(readFileSync(target, 'utf8'));
      expect(report.files[0].file).toBe('invalid.yaml');
      expect(report.summary.errors).toBeGreaterThan(0);
    });

    it('never colours the stylish report it writes', async () => {
      const target = join(dir, 'check.txt');
      const result = await runCli(['check', '--output', target, 'invalid.yaml'], {
        cwd: FIXTURES,
        env: { NO_COLOR: undefined },
      });
      expect(result.code).toBe(1);
      const text = readFileSync(target, 'utf8');
      expect(text).toMatch(/^invalid\.yaml$/m);
      expect(text).not.toContain('\u001b[');
    });

    it('is exit 2 when the report cannot be written', async () => {
      const blocker = join(dir, 'a-file');
      writeFileSync(blocker, 'x');
      const result = await runCli(['check', '-o', join(blocker, 'report.json'), 'valid.yaml'], { cwd: FIXTURES });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/không ghi được báo cáo vào/);
      expect(result.stderr).not.toContain(STACK_FRAME);
    });
  });

  it('reports an oversized file without reading it', async () => {
    const dir = tempDir('kehoach-check-large-');
    try {
      const big = join(dir, 'lon.yaml');
      // Over 2 MiB of otherwise harmless YAML comments.
      writeFileSync(big, `# ${'x'.repeat(2 * 1024 * 1024)}\nversion: 1\n`);
      const result = await runCli(['check', '-f', 'json', 'lon.yaml'], { cwd: dir });
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.files[0].problems).toEqual([
        expect.objectContaining({ rule: 'file-too-large', severity: 'error', line: 1, column: 1, path: '' }),
      ]);
      expect(report.files[0].problems[0].message).toContain('2,0 MB');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kehoach schema (spawned)', () => {
  it('prints the installed JSON Schema', async () => {
    const result = await runCli(['schema']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toEqual(JSON.parse(readFileSync(join(ROOT, 'schemas', 'plan.schema.json'), 'utf8')));
    expect(printed.title).toMatch(/\S/);
  });
});
