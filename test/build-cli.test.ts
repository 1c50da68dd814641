// End-to-end: the built bin (run `npx tsc -p .` first), as a user or CI runs it.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, normalizePaths, runCli, tempDir } from './helpers/cli.js';
import {
  BUILD_FIXTURES,
  documentXml,
  exampleNames,
  exampleText,
  invalidPlan,
  listFiles,
  writeFiles,
} from './helpers/build.js';

const stem = (name: string): string => name.replace(/\.ya?ml$/, '');

describe('kehoach build (built bin)', () => {
  it('builds every example into --out, one line per file and a summary', async () => {
    const out = tempDir();
    const result = await runCli(['build', 'examples', '--out', out]);
    expect(result.stderr, result.stderr).not.toContain('lỗi nội bộ');
    expect(result.code).toBe(0);
    const names = exampleNames();
    expect(names.length).toBeGreaterThan(0);
    expect(listFiles(out)).toEqual(names.map((n) => `${stem(n)}.docx`).sort());
    for (const name of names) {
      const xml = await documentXml(join(out, `${stem(name)}.docx`));
      expect(xml).toContain('<w:body>');
    }
    const lines = normalizePaths(result.stderr, out).trim().split('\n');
    for (const name of names) expect(lines).toContain(`✔ examples/${name} → <dir0>/${stem(name)}.docx`);
    expect(lines.at(-1)).toMatch(new RegExp(`^Đã dựng ${names.length} tệp, 0 tệp lỗi, trong \\d+,\\d\\d giây\\.$`));
    expect(result.stdout).toBe('');
  });

  it('builds the valid plans of a batch and reports the invalid ones with file:line:col', async () => {
    const dir = tempDir();
    const bad = invalidPlan();
    writeFiles(dir, {
      'a.yaml': exampleText(),
      'b-invalid.yaml': bad.text,
      'c-invalid-yaml.yaml': readFileSync(join(BUILD_FIXTURES, 'invalid-yaml.yaml'), 'utf8'),
      'd.yaml': exampleText(),
    });
    const result = await runCli(['build', '.', '--jobs', '2'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(listFiles(dir).filter((f) => f.endsWith('.docx'))).toEqual(['a.docx', 'd.docx']);
    expect(result.stderr).toContain('✔ a.yaml → a.docx');
    expect(result.stderr).toContain('✔ d.yaml → d.docx');
    expect(result.stderr).toMatch(/✖ b-invalid\.yaml: \d+ lỗi/);
    expect(result.stderr).toMatch(/✖ c-invalid-yaml\.yaml: \d+ lỗi/);
    // The same report as `check`: the file, then line:column of each problem.
    const report = result.stderr.slice(result.stderr.indexOf('\nb-invalid.yaml\n'));
    expect(report).toMatch(new RegExp(`^\\nb-invalid\\.yaml\\n  ${bad.line}:\\d+ +lỗi`));
    expect(result.stderr).toMatch(/Đã dựng 2 tệp, 2 tệp lỗi, trong \d+,\d\d giây\./);
  });

  it('prints the same problems as check does', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'b-invalid.yaml': invalidPlan().text });
    const built = await runCli(['build', 'b-invalid.yaml'], { cwd: dir });
    const checked = await runCli(['check', 'b-invalid.yaml'], { cwd: dir });
    expect(checked.code).toBe(1);
    const problemLines = (text: string): string[] => text.split('\n').filter((l) => /^\s+\d+:\d+\s/.test(l));
    expect(problemLines(checked.stdout).length).toBeGreaterThan(0);
    expect(problemLines(built.stderr)).toEqual(problemLines(checked.stdout));
  });

  it('builds a plan with warnings, prints them, and exits 0', async () => {
    const dir = tempDir();
    // Without Letter 404 among the bases the plan is valid but warned about.
    const text = exampleText()
      .split('\n')
      .filter((l) => !/404\/BNG/.test(l))
      .join('\n');
    writeFiles(dir, { 'w.yaml': text });
    const result = await runCli(['build', 'w.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'w.docx'))).toBe(true);
    expect(result.stderr).toMatch(/✔ w\.yaml → w\.docx \(\d+ cảnh báo\)/);
    expect(result.stderr).toContain('cảnh báo');
  });

  it('refuses a missing file and an empty folder with exit 2', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    const missing = await runCli(['build', 'khong-co.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('khong-co.yaml');
    const empty = await runCli(['build', 'empty'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('empty');
    expect(listFiles(dir)).toEqual([]);
  });

  it('refuses an --out under a regular file with exit 2 before building', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.yaml': exampleText(), blocker: 'a file' });
    for (const out of ['blocker', 'blocker/sub']) {
      const result = await runCli(['build', 'a.yaml', '--out', out], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--out');
      expect(result.stderr).not.toContain('✔');
    }
    expect(listFiles(dir)).toEqual(['a.yaml', 'blocker']);
  });

  it('leaves an existing .docx alone without --force (exit 1) and replaces it with --force', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.yaml': exampleText(), 'a.docx': 'old bytes' });
    const before = statSync(join(dir, 'a.docx'));
    const kept = await runCli(['build', 'a.yaml'], { cwd: dir });
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'a.docx'), 'utf8')).toBe('old bytes');
    expect(statSync(join(dir, 'a.docx')).mtimeMs).toBe(before.mtimeMs);
    expect(listFiles(dir)).toEqual(['a.docx', 'a.yaml']);

    const forced = await runCli(['build', 'a.yaml', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(await documentXml(join(dir, 'a.docx'))).toContain('<w:body>');
  });

  it('gives same-name plans of one batch distinct outputs', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'x/plan.yaml': exampleText(), 'y/plan.yaml': exampleText(), 'x/plan.yml': exampleText() });
    const out = join(dir, 'out');
    const result = await runCli(['build', 'x', 'y', '--out', 'out'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(listFiles(out)).toEqual(['x/plan-2.docx', 'x/plan.docx', 'y/plan.docx']);
    const beside = await runCli(['build', 'x'], { cwd: dir });
    expect(beside.code).toBe(0);
    expect(listFiles(join(dir, 'x'))).toEqual(['plan-2.docx', 'plan.docx', 'plan.yaml', 'plan.yml']);
  });

  it('writes byte-identical files under SOURCE_DATE_EPOCH', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.yaml': exampleText(), 'b.yaml': exampleText(), 'c.yaml': exampleText() });
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const one = await runCli(['build', '.', '--out', 'one', '--jobs', '1'], { cwd: dir, env });
    const two = await runCli(['build', '.', '--out', 'two', '--jobs', '2'], { cwd: dir, env });
    expect([one.code, two.code]).toEqual([0, 0]);
    for (const name of ['a', 'b', 'c']) {
      const first = readFileSync(join(dir, 'one', `${name}.docx`));
      expect(readFileSync(join(dir, 'two', `${name}.docx`)).equals(first)).toBe(true);
    }
  });

  it('refuses an invalid SOURCE_DATE_EPOCH with exit 2', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.yaml': exampleText() });
    const result = await runCli(['build', 'a.yaml'], { cwd: dir, env: { SOURCE_DATE_EPOCH: 'hôm qua' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SOURCE_DATE_EPOCH');
    expect(listFiles(dir)).toEqual(['a.yaml']);
  });

  it.each(['0', 'abc', '65'])('refuses --jobs %s with exit 2', async (jobs) => {
    const dir = tempDir();
    writeFiles(dir, { 'a.yaml': exampleText() });
    const result = await runCli(['build', 'a.yaml', '--jobs', jobs], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--jobs');
    expect(listFiles(dir)).toEqual(['a.yaml']);
  });

  it('refuses a missing --templates folder with exit 2', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.yaml': exampleText() });
    const result = await runCli(['build', 'a.yaml', '--templates', 'khong-co'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('khong-co');
    expect(listFiles(dir)).toEqual(['a.yaml']);
  });

  it('stops before rendering when a --templates override is broken, naming its file and line', async () => {
    const dir = tempDir();
    const title = readFileSync(join(ROOT, 'templates', 'ke-hoach', 'title.hbs'), 'utf8').split('\n');
    title.splice(1, 0, '{{khong_co_truong}}');
    writeFiles(dir, { 'a.yaml': exampleText(), 'mau/title.hbs': title.join('\n') });
    const result = await runCli(['build', 'a.yaml', '--templates', 'mau', '--out', 'out'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(join(dir, 'mau', 'title.hbs'));
    expect(result.stderr).toContain('dòng 2');
    expect(result.stderr).not.toContain('✔');
    expect(listFiles(dir)).toEqual(['a.yaml', 'mau/title.hbs']);
  });

  it('uses a working --templates override', async () => {
    const dir = tempDir();
    const opening = readFileSync(join(ROOT, 'templates', 'ke-hoach', 'opening.hbs'), 'utf8');
    writeFiles(dir, { 'a.yaml': exampleText(), 'mau/opening.hbs': `Đoạn mở đầu riêng của tỉnh.\n${opening}` });
    const result = await runCli(['build', 'a.yaml', '--templates', 'mau'], { cwd: dir });
    expect(result.stderr, result.stderr).not.toContain('lỗi nội bộ');
    expect(result.code).toBe(0);
    expect(await documentXml(join(dir, 'a.docx'))).toContain('Đoạn mở đầu riêng của tỉnh.');
  });

  it('fails a file whose PDF conversion fails (exit 1), keeping its complete .docx', async () => {
    const dir = tempDir();
    const bin = tempDir('kehoach-bin-');
    copyFileSync(join(BUILD_FIXTURES, 'fake-soffice.sh'), join(bin, 'soffice'));
    chmodSync(join(bin, 'soffice'), 0o755);
    writeFiles(dir, { 'a.yaml': exampleText() });
    const env = { PATH: `${bin}:/usr/bin:/bin`, FAKE_SOFFICE_MODE: 'fail' };
    const result = await runCli(['build', 'a.yaml', '--pdf'], { cwd: dir, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('✔ a.yaml → a.docx');
    expect(result.stderr).toContain('✖ a.yaml: LibreOffice không tạo được a.pdf');
    expect(result.stderr).toMatch(/Đã dựng 0 tệp \(\.docx và \.pdf\), 1 tệp lỗi/);
    expect(await documentXml(join(dir, 'a.docx'))).toContain('</w:body>');
    expect(listFiles(dir)).toEqual(['a.docx', 'a.yaml']);

    // An existing PDF stops the file before its .docx is touched.
    writeFiles(dir, { 'b.yaml': exampleText(), 'b.pdf': 'old' });
    const kept = await runCli(['build', 'b.yaml', '--pdf'], { cwd: dir, env: { ...env, FAKE_SOFFICE_MODE: 'ok' } });
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain('b.pdf đã có');
    expect(existsSync(join(dir, 'b.docx'))).toBe(false);
    expect(readFileSync(join(dir, 'b.pdf'), 'utf8')).toBe('old');
  });

  it('refuses --pdf without LibreOffice on PATH, with install advice, before building', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.yaml': exampleText() });
    const result = await runCli(['build', 'a.yaml', '--pdf'], { cwd: dir, env: { PATH: tempDir() } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sudo apt-get install libreoffice-writer-nogui fonts-liberation2');
    expect(listFiles(dir)).toEqual(['a.yaml']);
  });
});
