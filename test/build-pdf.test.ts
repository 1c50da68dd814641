import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  batchTimeoutMs,
  convertToPdf,
  findSoffice,
  missingSofficeMessage,
  splitBatches,
  type PdfJob,
} from '../src/build/pdf.js';
import { BIN, ROOT, tempDir } from './helpers/cli.js';
import { exampleText } from './helpers/build.js';

const FAKE = join(ROOT, 'test', 'fixtures', 'build', 'fake-soffice.sh');

/** A PATH folder holding the fake soffice. */
function fakeBin(): string {
  const bin = tempDir('kehoach-bin-');
  copyFileSync(FAKE, join(bin, 'soffice'));
  chmodSync(join(bin, 'soffice'), 0o755);
  return bin;
}

function docxJobs(dir: string, names: string[]): PdfJob[] {
  return names.map((name) => {
    const docx = join(dir, `${name}.docx`);
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(docx, `docx ${name}`);
    return { docx, pdf: join(dir, `${name}.pdf`), pdfDisplay: `${name}.pdf` };
  });
}

async function convert(
  jobs: PdfJob[],
  env: Record<string, string>,
  extra: { parallel?: number; force?: boolean; signal?: AbortSignal } = {},
): Promise<Map<string, string | undefined>> {
  const done = new Map<string, string | undefined>();
  const soffice = await findSoffice({ PATH: env['PATH'] ?? '' }, 'linux');
  expect(soffice).toBeDefined();
  await convertToPdf(jobs, {
    soffice: soffice ?? '',
    // The fake needs basename and sleep; its own folder comes first, so it wins over a real soffice.
    env: { ...env, PATH: `${env['PATH'] ?? ''}:/usr/bin:/bin`, HOME: tmpdir() },
    parallel: extra.parallel ?? 2,
    force: extra.force ?? false,
    ...(extra.signal ? { signal: extra.signal } : {}),
    onDone: (job, error) => done.set(job.pdfDisplay, error),
  });
  return done;
}

function kehoachTemps(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith('kehoach-pdf-'));
}

describe('findSoffice', () => {
  it('finds soffice on PATH, skipping folders without it', async () => {
    const bin = fakeBin();
    const empty = tempDir();
    expect(await findSoffice({ PATH: `${empty}:${bin}` }, 'linux')).toBe(join(bin, 'soffice'));
  });

  it('also accepts the name libreoffice', async () => {
    const bin = tempDir();
    copyFileSync(FAKE, join(bin, 'libreoffice'));
    chmodSync(join(bin, 'libreoffice'), 0o755);
    expect(await findSoffice({ PATH: bin }, 'linux')).toBe(join(bin, 'libreoffice'));
  });

  it('ignores a file that is not executable, and an empty PATH', async () => {
    const bin = tempDir();
    writeFileSync(join(bin, 'soffice'), '');
    chmodSync(join(bin, 'soffice'), 0o644);
    expect(await findSoffice({ PATH: bin }, 'linux')).toBeUndefined();
    expect(await findSoffice({}, 'linux')).toBeUndefined();
  });
});

describe('missingSofficeMessage', () => {
  it('tells a Debian user the packages and a Windows user the download page', () => {
    expect(missingSofficeMessage('linux')).toContain('sudo apt-get install libreoffice-writer-nogui fonts-liberation2');
    expect(missingSofficeMessage('win32')).toContain('https://www.libreoffice.org/download/');
    for (const platform of ['linux', 'win32', 'darwin']) expect(missingSofficeMessage(platform)).toContain('bỏ --pdf');
  });
});

describe('splitBatches', () => {
  it('keeps small sets in one run and spreads large ones over the lanes, in order', () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    expect(splitBatches(items.slice(0, 5), 4)).toEqual([[0, 1, 2, 3, 4]]);
    const spread = splitBatches(items, 2);
    expect(spread).toHaveLength(2);
    expect(spread.flat()).toEqual(items);
    expect(splitBatches([], 3)).toEqual([]);
  });

  it('never puts more than 100 files in one run', () => {
    const batches = splitBatches(
      Array.from({ length: 450 }, (_, i) => i),
      1,
    );
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(100);
    expect(batches.flat()).toHaveLength(450);
  });

  it('gives a larger batch a longer timeout', () => {
    expect(batchTimeoutMs(50)).toBeGreaterThan(batchTimeoutMs(1));
  });

  it('gives a long document time in proportion, and lets KEHOACH_PDF_TIMEOUT decide', () => {
    // A 2,000-task plan: 4.5 MB of document.xml that LibreOffice took 241 s to convert.
    expect(batchTimeoutMs(1, 4_586_460)).toBeGreaterThan(2 * 241_000);
    // An ordinary plan (about 75 KB) keeps a limit of under two minutes.
    expect(batchTimeoutMs(1, 75 * 1024)).toBeLessThan(120_000);
    expect(batchTimeoutMs(1, 4_586_460, { KEHOACH_PDF_TIMEOUT: '900' })).toBe(900_000);
    expect(batchTimeoutMs(1, 0, { KEHOACH_PDF_TIMEOUT: 'abc' })).toBe(batchTimeoutMs(1, 0));
  });
});

describe('convertToPdf', () => {
  it('converts many files, even with clashing names, in few soffice runs, and cleans up', async () => {
    const dir = tempDir();
    const bin = fakeBin();
    const log = join(dir, 'runs.log');
    const jobs = docxJobs(dir, ['a', 'x/a', 'y/a', 'b', 'c']);
    const before = kehoachTemps();
    const done = await convert(jobs, { PATH: bin, FAKE_SOFFICE_LOG: log });
    expect([...done.values()]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    for (const job of jobs) expect(readFileSync(job.pdf, 'utf8')).toMatch(/^%PDF-/);
    const runs = readFileSync(log, 'utf8').trim().split('\n');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(/-env:UserInstallation=file:\/\//);
    expect(kehoachTemps()).toEqual(before);
  });

  it('gives each parallel run its own profile', async () => {
    const dir = tempDir();
    const log = join(dir, 'runs.log');
    const jobs = docxJobs(
      dir,
      Array.from({ length: 20 }, (_, i) => `p${i}`),
    );
    await convert(jobs, { PATH: fakeBin(), FAKE_SOFFICE_LOG: log }, { parallel: 2 });
    const profiles = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ')[1]);
    expect(profiles).toHaveLength(2);
    expect(new Set(profiles).size).toBe(2);
  });

  it('marks every file of a failed run as failed, with soffice’s complaint', async () => {
    const dir = tempDir();
    const jobs = docxJobs(dir, ['a', 'b']);
    const done = await convert(jobs, { PATH: fakeBin(), FAKE_SOFFICE_MODE: 'fail' });
    expect(done.get('a.pdf')).toContain('LibreOffice không tạo được a.pdf');
    expect(done.get('a.pdf')).toContain('source file could not be loaded');
    expect(done.get('b.pdf')).toBeDefined();
    expect(existsSync(jobs[0]!.pdf)).toBe(false);
  });

  it('fails only the file LibreOffice skipped', async () => {
    const dir = tempDir();
    const jobs = docxJobs(dir, ['a', 'b']);
    const done = await convert(jobs, { PATH: fakeBin(), FAKE_SOFFICE_MODE: 'skip-first' });
    expect(done.get('a.pdf')).toContain('a.pdf');
    expect(done.get('b.pdf')).toBeUndefined();
    expect(existsSync(jobs[1]!.pdf)).toBe(true);
  });

  it('leaves an existing PDF alone without force and replaces it with force', async () => {
    const dir = tempDir();
    const jobs = docxJobs(dir, ['a']);
    writeFileSync(jobs[0]!.pdf, 'old');
    const kept = await convert(jobs, { PATH: fakeBin() });
    expect(kept.get('a.pdf')).toContain('--force');
    expect(readFileSync(jobs[0]!.pdf, 'utf8')).toBe('old');
    const forced = await convert(jobs, { PATH: fakeBin() }, { force: true });
    expect(forced.get('a.pdf')).toBeUndefined();
    expect(readFileSync(jobs[0]!.pdf, 'utf8')).toMatch(/^%PDF-/);
  });

  it('stops a hung soffice when the user interrupts, and removes its temporary folder', async () => {
    const dir = tempDir();
    const jobs = docxJobs(dir, ['a']);
    const before = kehoachTemps();
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 300);
    const done = await convert(jobs, { PATH: fakeBin(), FAKE_SOFFICE_MODE: 'hang' }, { signal: abort.signal });
    expect(done.get('a.pdf')).toContain('đã dừng theo yêu cầu');
    expect(kehoachTemps()).toEqual(before);
  });
});

describe('build --pdf killed with SIGKILL', () => {
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const until = async (what: () => boolean, ms: number): Promise<boolean> => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (what()) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return what();
  };

  it('takes LibreOffice down with it, and the next run removes the work folder it stranded', async () => {
    const dir = tempDir();
    const tmp = tempDir('kehoach-tmp-');
    writeFileSync(join(dir, 'a.yaml'), exampleText());
    writeFileSync(join(dir, 'b.yaml'), exampleText(1));
    const pids = join(dir, 'pids');
    const env = {
      ...process.env,
      PATH: `${fakeBin()}:/usr/bin:/bin`,
      TMPDIR: tmp,
      FAKE_SOFFICE_MODE: 'hang',
      FAKE_SOFFICE_PIDS: pids,
    };
    const child = spawn(process.execPath, [BIN, 'build', 'a.yaml', '--pdf'], { cwd: dir, env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    expect(await until(() => existsSync(pids), 30_000), 'the fake soffice never started').toBe(true);
    const started = readFileSync(pids, 'utf8').trim().split(/\s+/).map(Number);
    expect(started).toHaveLength(2);
    expect(readdirSync(tmp).filter((n) => n.startsWith('kehoach-pdf-'))).toHaveLength(1);

    child.kill('SIGKILL');
    await exited;
    // soffice and the process it started (soffice.bin's stand-in) die with kehoach.
    expect(
      await until(() => started.every((pid) => !alive(pid)), 10_000),
      `still running: ${started.filter(alive).join(' ')}`,
    ).toBe(true);

    // The killed run could not clean up; the next one does.
    const next = spawnSync(process.execPath, [BIN, 'build', 'b.yaml', '--pdf'], {
      cwd: dir,
      env: { ...env, FAKE_SOFFICE_MODE: 'ok' },
      encoding: 'utf8',
    });
    expect(next.status, next.stderr).toBe(0);
    expect(readdirSync(tmp).filter((n) => n.startsWith('kehoach-pdf-'))).toEqual([]);
  });
});
