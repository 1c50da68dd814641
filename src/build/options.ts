import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { ensureDir } from '../io/dirs.js';
import { ioReason } from '../io/errno.js';
import { MAX_JOBS } from '../pool/jobs.js';

/** Build threads: `--jobs` when given (see parseJobs), else one per core, within 1..MAX_JOBS. */
export function jobsOrCores(jobs: number | undefined, cores = availableParallelism()): number {
  return jobs ?? Math.max(1, Math.min(MAX_JOBS, cores));
}

// Every thread that builds pays about a second of CPU to start (modules, schema compilation,
// templates) before its first plan, then some 15 ms per plan. Building in the main thread pays
// that start once; each worker pays it again, which only a share of ~30 plans or more wins back
// (and on a busy machine, CPU spent is time lost).
export const PLANS_PER_WORKER = 32;

/**
 * Threads worth starting for a batch: at most `jobs`, and no more than one per 32 plans; a batch
 * that warrants one thread is built in the main thread, with no worker at all.
 */
export function threadsFor(jobs: number, plans: number): number {
  return Math.max(1, Math.min(jobs, Math.floor(plans / PLANS_PER_WORKER)));
}

// The reproducible-builds convention: whole seconds since 1970-01-01 UTC. Year 9999 at most,
// because a .docx stores the date as a four-digit year.
const MAX_EPOCH = 253402300799;

/** The creation date written into each document: SOURCE_DATE_EPOCH when set, else now. */
export function creationDate(env: Readonly<Record<string, string | undefined>>, now: () => Date): Date {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return now();
  const text = raw.trim();
  if (!/^\d+$/.test(text) || Number(text) > MAX_EPOCH) {
    throw new UserError(
      `biến môi trường SOURCE_DATE_EPOCH phải là số giây nguyên kể từ 01/01/1970 (UTC), ví dụ SOURCE_DATE_EPOCH=1700000000, không phải "${raw}". Sửa giá trị hoặc bỏ biến này.`,
      2,
    );
  }
  return new Date(Number(text) * 1000);
}

/**
 * Judge `--out` before any work: an existing folder we may write to, or a path whose nearest
 * existing ancestor is such a folder (it is created later). Returns it absolute.
 */
export async function checkOutDir(out: string, cwd: string): Promise<string> {
  const dir = resolve(cwd, out);
  let probe = dir;
  for (;;) {
    const info = await stat(probe).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw outError(out, error);
    });
    if (info) {
      if (!info.isDirectory()) {
        throw new UserError(
          probe === dir
            ? `--out "${out}" là một tệp, không phải thư mục. Chọn một thư mục, ví dụ: --out ket-qua`
            : `không tạo được thư mục --out "${out}": "${probe}" là một tệp, không phải thư mục. Chọn một thư mục khác, ví dụ: --out ket-qua`,
          2,
        );
      }
      try {
        await access(probe, constants.W_OK | constants.X_OK);
      } catch (error) {
        throw outError(out, error as NodeJS.ErrnoException);
      }
      return dir;
    }
    const parent = dirname(probe);
    if (parent === probe) return dir;
    probe = parent;
  }
}

/** Create `--out` once everything else has been judged; returns the folders it made. */
export async function createOutDir(dir: string, out: string): Promise<string[]> {
  try {
    return await ensureDir(dir);
  } catch (error) {
    throw outError(out, error as NodeJS.ErrnoException);
  }
}

function outError(out: string, error: NodeJS.ErrnoException): UserError {
  // EEXIST from mkdir means a file stands where a folder of the path should be.
  const why = error.code === 'EEXIST' ? ioReason({ code: 'ENOTDIR' }, 'write') : ioReason(error, 'write');
  return new UserError(
    `không ghi được vào thư mục --out "${out}": ${why}. Chọn một thư mục ghi được, ví dụ: --out ket-qua`,
    2,
  );
}

/** `--templates` must name an existing folder; its contents are judged by loadTemplates. */
export async function checkTemplatesDir(dir: string, cwd: string): Promise<string> {
  const absolute = resolve(cwd, dir);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new UserError(
      `không tìm thấy thư mục mẫu --templates "${dir}"${info ? ' (đó là một tệp)' : ''}. Chỉ đến thư mục chứa các tệp mẫu .hbs cần ghi đè.`,
      2,
    );
  }
  return absolute;
}
