// `kehoach check` on Word documents, as a document office runs it: built documents, broken files
// in a batch with plan files, --annotate read back by LibreOffice, a legacy .doc.
import { execFile, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleNames, exampleText, EXAMPLES_DIR } from './helpers/build.js';
import { editParts, kehoachDocx, replaceOnce } from './helpers/docx-fixtures.js';
import { ROOT, runCli, tempDir } from './helpers/cli.js';
import { which } from './helpers/which.js';

const run = promisify(execFile);

const soffice = which('soffice');
const required = process.env['KEHOACH_REQUIRE_LIBREOFFICE'] === '1';

let built: string;
beforeAll(async () => {
  built = tempDir('kehoach-docx-built-');
  const result = await runCli(['build', EXAMPLES_DIR, '--out', built], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
  expect(result.code, result.stderr).toBe(0);
});

/** A built document whose KẾ HOẠCH line says something else: not a plan any more. */
function notAPlan(): Uint8Array {
  const parts = unzipSync(readFileSync(join(built, readdirSync(built)[0]!)));
  const xml = new TextDecoder().decode(parts['word/document.xml']!);
  parts['word/document.xml'] = new TextEncoder().encode(xml.replace(/>(KẾ HOẠCH|CHƯƠNG TRÌNH)</g, '>BÁO CÁO<'));
  return zipSync(parts);
}

describe('kehoach check on .docx', () => {
  it('finds the documents in a folder and passes every document kehoach built', async () => {
    const result = await runCli(['check', built, '-f', 'json']);
    const report = JSON.parse(result.stdout) as { files: { file: string; problems: unknown[] }[] };
    expect(report.files.map((f) => f.file.replace(/^.*\//, ''))).toEqual(
      exampleNames()
        .map((n) => n.replace(/\.yaml$/, '.docx'))
        .sort(),
    );
    for (const file of report.files) expect(file.problems, file.file).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('judges a mixed batch: broken Word files are findings, the plans beside them are checked too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-plan.yaml'), exampleText());
    writeFileSync(join(dir, 'b-empty.docx'), '');
    writeFileSync(join(dir, 'c-text.docx'), 'không phải zip');
    writeFileSync(
      join(dir, 'd-encrypted.docx'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    );
    writeFileSync(join(dir, 'e-cut.docx'), readFileSync(join(built, readdirSync(built)[0]!)).subarray(0, 4000));
    writeFileSync(join(dir, 'f-zip-without-document.docx'), zipSync({ 'a.txt': new TextEncoder().encode('x') }));
    writeFileSync(join(dir, 'g-not-a-plan.docx'), notAPlan());
    writeFileSync(join(dir, '~$h-lock.docx'), 'Word lock file');
    const result = await runCli(['check', '.', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('    at ');
    const report = JSON.parse(result.stdout) as {
      files: { file: string; problems: { rule: string; message: string }[] }[];
    };
    const rules = Object.fromEntries(report.files.map((f) => [f.file, f.problems.map((p) => p.rule)]));
    expect(rules).toEqual({
      'a-plan.yaml': [],
      'b-empty.docx': ['docx-unreadable'],
      'c-text.docx': ['docx-unreadable'],
      'd-encrypted.docx': ['docx-unreadable'],
      'e-cut.docx': ['docx-unreadable'],
      'f-zip-without-document.docx': ['docx-unreadable'],
      'g-not-a-plan.docx': ['docx-not-a-plan'],
    });
    const message = (file: string): string => report.files.find((f) => f.file === file)!.problems[0]!.message;
    expect(message('b-empty.docx')).toContain('rỗng');
    expect(message('d-encrypted.docx')).toContain('mật khẩu');
    expect(message('e-cut.docx')).toContain('cắt cụt');
  });

  it.skipIf(!soffice && !required)(
    '--annotate writes a commented copy LibreOffice shows, and leaves the original as it was',
    async () => {
      const dir = tempDir();
      const original = notAPlan();
      writeFileSync(join(dir, 'du-thao.docx'), original);
      const result = await runCli(['check', 'du-thao.docx', '--annotate', 'gop-y'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Đã ghi gop-y/du-thao.docx');
      expect(readFileSync(join(dir, 'du-thao.docx')).equals(Buffer.from(original))).toBe(true);
      const profile = tempDir('kehoach-lo-profile-');
      await run(
        soffice ?? 'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--convert-to',
          'odt',
          '--outdir',
          join(dir, 'odt'),
          join(dir, 'gop-y', 'du-thao.docx'),
        ],
        { timeout: 120_000 },
      );
      const content = new TextDecoder().decode(
        unzipSync(readFileSync(join(dir, 'odt', 'du-thao.odt')))['content.xml']!,
      );
      const annotation = /<office:annotation[\s\S]*?<\/office:annotation>/.exec(content)?.[0] ?? '';
      expect(annotation).toContain('docx-not-a-plan');
      expect(annotation).toContain('kehoach');
    },
    180_000,
  );

  it('refuses --annotate into the folder of the documents themselves', async () => {
    const dir = tempDir();
    copyFileSync(join(built, readdirSync(built)[0]!), join(dir, 'a.docx'));
    const result = await runCli(['check', 'a.docx', '--annotate', '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/sẽ ghi đè chính văn bản được kiểm tra/);
  });

  it.skipIf(!soffice && !required)(
    'converts a legacy .doc with LibreOffice and judges it',
    async () => {
      const dir = tempDir();
      const profile = tempDir('kehoach-lo-profile-');
      const source = join(built, readdirSync(built)[0]!);
      await run(
        soffice ?? 'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--convert-to',
          'doc',
          '--outdir',
          dir,
          source,
        ],
        { timeout: 120_000 },
      );
      const doc = readdirSync(dir).find((n) => n.endsWith('.doc'))!;
      expect(existsSync(join(dir, doc))).toBe(true);
      const result = await runCli(['check', doc, '-f', 'json'], { cwd: dir, timeoutMs: 180_000 });
      expect(result.stderr).not.toContain('    at ');
      const report = JSON.parse(result.stdout) as { files: { file: string; problems: { rule: string }[] }[] };
      expect(report.files[0]!.file).toBe(doc);
      expect(report.files[0]!.problems.map((p) => p.rule)).not.toContain('docx-unreadable');
      expect(report.files[0]!.problems.map((p) => p.rule)).not.toContain('docx-not-a-plan');
    },
    240_000,
  );

  it('without LibreOffice, a .doc is exit 2 with how to convert it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cu.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const result = await runCli(['check', 'cu.doc'], { cwd: dir, env: { PATH: join(ROOT, 'no-such-folder') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/tệp Word cũ \(\.doc\).*Lưu thành… "Tài liệu Word \(\.docx\)"/s);
  });

  it('Ctrl-C during a .doc conversion stops LibreOffice and says the run was stopped', async () => {
    const dir = tempDir();
    const bin = tempDir('kehoach-bin-');
    copyFileSync(join(ROOT, 'test', 'fixtures', 'build', 'fake-soffice.sh'), join(bin, 'soffice'));
    chmodSync(join(bin, 'soffice'), 0o755);
    writeFileSync(join(dir, 'cu.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const pids = join(dir, 'pids');
    const env = { ...process.env, PATH: `${bin}:/usr/bin:/bin`, FAKE_SOFFICE_MODE: 'hang', FAKE_SOFFICE_PIDS: pids };
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'kehoach.js'), 'check', 'cu.doc'], { cwd: dir, env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let waited = 0; !existsSync(pids) && waited < 30_000; waited += 100) await sleep(100);
    expect(existsSync(pids), 'the fake soffice never started').toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(2);
    expect(stderr).toMatch(/đã dừng theo yêu cầu \(Ctrl-C\)/);
    expect(stderr).not.toMatch(/không chuyển được/);
  }, 60_000);
});

describe('a located .docx problem in every report format', () => {
  it('names the paragraph and quotes it; SARIF carries the text as region.snippet', async () => {
    const dir = tempDir();
    const bytes = await kehoachDocx('quang-tri-2022');
    // "Quảng Trị, ngày 28 tháng 3 năm 2022" → a month written with a leading zero.
    writeFileSync(
      join(dir, 'sai-ngay.docx'),
      editParts(bytes, { 'word/document.xml': (xml) => replaceOnce(xml, 'tháng 3 năm', 'tháng 03 năm') }),
    );
    const stylish = await runCli(['check', 'sai-ngay.docx'], { cwd: dir });
    expect(stylish.code).toBe(1);
    const line = /^ {2}(\d+):1 +lỗi +đoạn (\d+): «Quảng Trị, ngày 28 tháng 03 năm 2022»: .*docx-date$/m.exec(
      stylish.stdout,
    );
    expect(line, stylish.stdout).not.toBeNull();
    expect(line![1]).toBe(line![2]);

    const sarif = JSON.parse((await runCli(['check', 'sai-ngay.docx', '-f', 'sarif'], { cwd: dir })).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'docx-date');
    expect(result.locations[0].physicalLocation.region).toEqual({
      startLine: Number(line![1]),
      startColumn: 1,
      snippet: { text: 'Quảng Trị, ngày 28 tháng 03 năm 2022' },
    });
    const rules = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(rules).toEqual(expect.arrayContaining(['docx-date', 'docx-margins', 'docx-unreadable', 'docx-not-a-plan']));

    const github = (await runCli(['check', 'sai-ngay.docx', '-f', 'github'], { cwd: dir })).stdout;
    expect(github).toMatch(
      new RegExp(`^::error file=sai-ngay\\.docx,line=${line![1]},col=1,title=[^:]*docx-date[^:]*::`, 'm'),
    );
    const junit = (await runCli(['check', 'sai-ngay.docx', '-f', 'junit'], { cwd: dir })).stdout;
    expect(junit).toContain('docx-date');
  });
});

describe('content rules on a .docx', () => {
  it('reads the document as a plan and runs the plan rules, located at the paragraph the value came from', async () => {
    const dir = tempDir();
    const bytes = await kehoachDocx('quang-tri-2022');
    // The opening no longer names Decision 2013/QĐ-TTg.
    writeFileSync(
      join(dir, 'thieu-can-cu.docx'),
      editParts(bytes, { 'word/document.xml': (xml) => xml.replaceAll('2013/QĐ-TTg', '2014/QĐ-TTg') }),
    );
    const result = await runCli(['check', 'thieu-can-cu.docx', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const problems = (
      JSON.parse(result.stdout) as {
        files: { problems: { rule: string; line: number; message: string; snippet?: string }[] }[];
      }
    ).files[0]!.problems;
    const missing = problems.find((p) => p.rule === 'bases-missing-2013');
    expect(missing, JSON.stringify(problems)).toBeDefined();
    expect(missing!.snippet).toMatch(/^Thực hiện Quyết định số 2014\/QĐ-TTg/);
    expect(missing!.message).toMatch(new RegExp(`^đoạn ${missing!.line}: «Thực hiện Quyết định số 2014/QĐ-TTg`));
    // Nothing else changed, so nothing else is reported.
    expect(problems.map((p) => p.rule)).toEqual(['bases-missing-2013']);
  });
});
