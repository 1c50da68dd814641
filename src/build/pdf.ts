// .docx → .pdf through LibreOffice. One soffice process converts a whole batch (its start-up
// costs seconds, a page costs milliseconds), each run with a private profile so that parallel
// runs, or a LibreOffice the user has open, do not collide.
import { constants } from 'node:fs';
import { access, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { platform as osPlatform, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { execPath, pid } from 'node:process';
import { isAlive } from '../io/alive.js';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { writeFileAtomic } from '../io/atomic.js';
import { ioReason } from '../io/errno.js';
import { packagePath } from '../io/paths.js';

export interface PdfJob {
  docx: string;
  pdf: string;
  pdfDisplay: string;
}

export interface PdfOptions {
  soffice: string;
  env: Readonly<Record<string, string | undefined>>;
  /** How many soffice processes may run at once. */
  parallel: number;
  force: boolean;
  signal?: AbortSignal;
  /** Called once per job: error undefined when the PDF was written. */
  onDone: (job: PdfJob, error?: string) => void;
}

const NAMES: Record<string, string[]> = {
  win32: ['soffice.exe', 'soffice.com'],
  default: ['soffice', 'libreoffice'],
};

/** The first soffice (or libreoffice) on PATH, or undefined. */
export async function findSoffice(
  env: Readonly<Record<string, string | undefined>>,
  platform: string = osPlatform(),
): Promise<string | undefined> {
  const path = env['PATH'] ?? env['Path'] ?? '';
  const names = NAMES[platform] ?? NAMES['default'] ?? [];
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    for (const name of names) {
      const candidate = join(dir, name);
      const info = await stat(candidate).catch(() => undefined);
      if (!info?.isFile()) continue;
      const runnable = await access(candidate, platform === 'win32' ? constants.F_OK : constants.X_OK).then(
        () => true,
        () => false,
      );
      if (runnable) return candidate;
    }
  }
  return undefined;
}

export function missingSofficeMessage(platform: string = osPlatform()): string {
  const how =
    platform === 'win32'
      ? 'tải LibreOffice từ https://www.libreoffice.org/download/ , cài đặt, rồi thêm thư mục "C:\\Program Files\\LibreOffice\\program" vào PATH'
      : platform === 'darwin'
        ? 'cài bằng "brew install --cask libreoffice" hoặc tải từ https://www.libreoffice.org/download/ , rồi thêm /Applications/LibreOffice.app/Contents/MacOS vào PATH'
        : 'cài bằng: sudo apt-get install libreoffice-writer-nogui fonts-liberation2 (Debian/Ubuntu), hoặc tải từ https://www.libreoffice.org/download/';
  return `--pdf cần LibreOffice (lệnh soffice) nhưng không tìm thấy trên PATH. Hãy ${how}. Hoặc bỏ --pdf để chỉ dựng .docx.`;
}

/** Converts every job; failures are reported through onDone, never thrown. */
export async function convertToPdf(jobs: readonly PdfJob[], options: PdfOptions): Promise<void> {
  await sweepStaleWork();
  const batches = splitBatches(jobs, options.parallel);
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let batch = batches[next++]; batch; batch = batches[next++]) {
      if (options.signal?.aborted) return;
      await convertBatch(batch, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.parallel, batches.length) }, lane));
}

// Enough files per run to amortise start-up, but spread over the lanes when there are many.
const MIN_BATCH = 8;
const MAX_BATCH = 100;

export function splitBatches<T>(items: readonly T[], parallel: number): T[][] {
  if (items.length === 0) return [];
  const runs = Math.max(1, Math.min(parallel, Math.ceil(items.length / MIN_BATCH)));
  const size = Math.min(MAX_BATCH, Math.ceil(items.length / runs));
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

/** The environment variable that sets the time limit of one LibreOffice run, in seconds. */
export const PDF_TIMEOUT_VARIABLE = 'KEHOACH_PDF_TIMEOUT';

/**
 * Generous: a cold LibreOffice start takes seconds, then a document takes time in proportion to
 * its length. A 2,000-task plan (4.5 MB of word/document.xml) took 241 s, about 0.053 s per KB:
 * the limit allows 0.12 s per KB. KEHOACH_PDF_TIMEOUT (seconds) replaces the estimate.
 */
export function batchTimeoutMs(
  files: number,
  xmlBytes = 0,
  env: Readonly<Record<string, string | undefined>> = {},
): number {
  const set = env[PDF_TIMEOUT_VARIABLE]?.trim();
  if (set && /^\d+$/.test(set) && Number(set) > 0) return Number(set) * 1000;
  return 90_000 + files * 15_000 + Math.ceil((xmlBytes / 1024) * 120);
}

/** The inflated size of a .docx's word/document.xml, read from the zip directory without inflating. */
function documentXmlSize(docx: Uint8Array): number {
  let size = 0;
  try {
    unzipSync(docx, {
      filter: (file) => {
        if (file.name === 'word/document.xml') size = file.originalSize;
        return false;
      },
    });
  } catch {
    // Not a zip we can read: LibreOffice will say so; the base limit applies.
  }
  return size;
}

// `kehoach-pdf-<pid>-XXXXXX`: a later run can tell a folder whose process is gone.
const WORK_PREFIX = 'kehoach-pdf-';
const WORK = /^kehoach-(?:pdf|doc)-(\d+)-[A-Za-z0-9]{6}$/;

/** Remove the work folders (copies of documents, a LibreOffice profile) of runs that were killed. */
export async function sweepStaleWork(dir: string = tmpdir()): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const owner = Number(WORK.exec(name)?.[1]);
      if (!Number.isInteger(owner) || owner <= 0 || owner === pid || isAlive(owner)) return;
      await rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined);
    }),
  );
}

async function convertBatch(batch: readonly PdfJob[], options: PdfOptions): Promise<void> {
  let work: string;
  try {
    work = await mkdtemp(join(tmpdir(), `${WORK_PREFIX}${pid}-`));
  } catch (error) {
    for (const job of batch)
      options.onDone(job, `không tạo được thư mục tạm để xuất ${job.pdfDisplay}: ${ioReason(error, 'write')}.`);
    return;
  }
  try {
    await convertIn(work, batch, options);
  } catch (error) {
    // Copying into the work folder or reading back failed (a full disk, most often).
    for (const job of batch) options.onDone(job, `không xuất được ${job.pdfDisplay}: ${ioReason(error, 'write')}.`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function convertIn(work: string, batch: readonly PdfJob[], options: PdfOptions): Promise<void> {
  const input = join(work, 'in');
  const output = join(work, 'out');
  await mkdir(input);
  await mkdir(output);
  // Numbered copies: two .docx of one batch may share a name, and soffice names each PDF after
  // its input.
  const names = batch.map((_, i) => `${i + 1}.docx`);
  let bytes = 0;
  for (const [i, job] of batch.entries()) {
    await copyFile(job.docx, join(input, names[i] ?? ''));
    bytes += documentXmlSize(await readFile(job.docx));
  }

  const failure = await runSoffice(
    options,
    convertArgs(
      work,
      'pdf',
      output,
      names.map((name) => join(input, name)),
    ),
    batchTimeoutMs(batch.length, bytes, options.env),
  );

  for (const [i, job] of batch.entries()) {
    const produced = join(output, `${i + 1}.pdf`);
    const bytes = await readFile(produced).catch(() => undefined);
    if (!bytes || bytes.length < 5 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      options.onDone(job, `LibreOffice không tạo được ${job.pdfDisplay}${failure ? `: ${failure}` : '.'}`);
      continue;
    }
    try {
      await writeFileAtomic(job.pdf, bytes, { exclusive: !options.force });
      options.onDone(job);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      options.onDone(
        job,
        code === 'EEXIST'
          ? `${job.pdfDisplay} đã có, không ghi đè. Thêm --force để ghi đè.`
          : `không ghi được ${job.pdfDisplay}: ${ioReason(error, 'write')}.`,
      );
    }
  }
}

/** soffice's arguments to convert `inputs` to `format` in `outDir`, with a private profile in `work`. */
export function convertArgs(work: string, format: string, outDir: string, inputs: readonly string[]): string[] {
  return [
    `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
    '--headless',
    '--norestore',
    '--nologo',
    '--nolockcheck',
    '--convert-to',
    format,
    '--outdir',
    outDir,
    ...inputs,
  ];
}

/** What running soffice needs; PdfOptions carries it, and so does the .doc converter. */
export interface SofficeRun {
  soffice: string;
  env: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
}

/** Runs soffice to completion; returns why it failed, or undefined when it exited 0. */
export async function runSoffice(options: SofficeRun, args: string[], timeoutMs: number): Promise<string | undefined> {
  // Loaded here: `check` imports this module for findSoffice, and rarely runs LibreOffice.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const windows = osPlatform() === 'win32';
    // On POSIX through the guard (soffice-guard.ts), which takes soffice and its soffice.bin
    // child down with it, and which dies when we do, even by SIGKILL. Windows has no process
    // groups to kill; there soffice runs directly.
    const [command, commandArgs] = windows
      ? [options.soffice, args]
      : [execPath, [packagePath('dist', 'build', 'soffice-guard.js'), options.soffice, ...args]];
    const child = spawn(command, commandArgs, {
      env: options.env as NodeJS.ProcessEnv,
      // The guard's stdin stays open, unwritten, for as long as we live.
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let said = '';
    const listen = (chunk: Buffer): void => {
      said = (said + chunk.toString('utf8')).slice(-2000);
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    child.stdin.on('error', () => undefined);

    let reason: string | undefined;
    const stop = (why: string): void => {
      reason ??= why;
      child.kill(windows ? 'SIGKILL' : 'SIGTERM');
    };
    const seconds = Math.round(timeoutMs / 1000);
    const timer = setTimeout(
      () =>
        stop(
          `quá ${seconds} giây mà chưa xong. Văn bản rất dài cần lâu hơn: đặt biến ${PDF_TIMEOUT_VARIABLE}=<số giây> (ví dụ ${PDF_TIMEOUT_VARIABLE}=${seconds * 3}) rồi chạy lại`,
        ),
      timeoutMs,
    );
    const onAbort = (): void => stop('đã dừng theo yêu cầu');
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (why: string | undefined): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      child.stdin.destroy();
      resolve(why);
    };
    child.on('error', (error) => finish(`không chạy được ${options.soffice}: ${ioReason(error)}`));
    child.on('close', (code, signal) => {
      if (reason) return finish(reason);
      if (code === 0) return finish(undefined);
      const tail = said.trim().split('\n').slice(-2).join(' ').trim();
      if (code === 127 && !windows) return finish(`không chạy được ${options.soffice}: ${ioReason({ code: tail })}`);
      finish(`soffice thoát với ${signal ? `tín hiệu ${signal}` : `mã ${code}`}${tail ? ` (${tail})` : ''}`);
    });
  });
}
