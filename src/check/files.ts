// The check engine: read plan files and judge them, one by one or on several threads. `check`,
// `build` and the library API all read plans through checkFile, so the size limit, the problems,
// their messages and their order are the same everywhere.
import { availableParallelism } from 'node:os';
import { UserError } from '../errors.js';
import { errnoCode, ioReason } from '../io/errno.js';
import type { PlanFile } from '../io/paths.js';
import { readLimited } from '../io/read.js';
import { MAX_PLAN_BYTES, tooLargeProblem } from '../plan/decode.js';
import { loadPlan } from '../plan/load.js';
import { type FileResult, isValid } from '../plan/problem.js';
import type { Plan } from '../plan/types.js';
import { runPool } from '../pool/pool.js';

export interface CheckedFile {
  result: FileResult;
  /** Present when the plan loaded; it may still carry warnings. */
  plan?: Plan;
}

// Enough reads in flight to hide disk latency; parsing is synchronous anyway.
const READ_CONCURRENCY = 16;

function aborted(): UserError {
  return new UserError('đã dừng theo yêu cầu (Ctrl-C); chưa ghi báo cáo nào.', 2);
}

function readFailure(file: PlanFile, error: unknown): UserError {
  const code = errnoCode(error);
  const hint =
    code === 'EACCES' || code === 'EPERM'
      ? 'Cấp quyền đọc cho tệp (chmod +r) rồi chạy lại.'
      : code === 'ENOTREG'
        ? 'Chỉ đến tệp kế hoạch .yaml.'
        : 'Kiểm tra tệp rồi chạy lại lệnh.';
  return new UserError(`không đọc được "${file.display}": ${ioReason(error)}. ${hint}`, 2);
}

/** Read and judge one plan file. Never reads more than MAX_PLAN_BYTES, whatever the file claims. */
export async function checkFile(file: PlanFile, options: { today: Date }): Promise<CheckedFile> {
  let read;
  try {
    read = await readLimited(file.absolute, MAX_PLAN_BYTES);
  } catch (error) {
    throw readFailure(file, error);
  }
  if ('tooLarge' in read) return { result: { file: file.display, valid: false, problems: [tooLargeProblem(read.tooLarge)] } };
  // Outside the I/O error handling: a loader bug is an internal error, not an unreadable file.
  const { plan, problems } = loadPlan(read.bytes, { today: options.today });
  const result = { file: file.display, valid: isValid(problems), problems };
  return plan ? { result, plan } : { result };
}

/** Check files in this thread with a bounded number of reads in flight; results keep the order of `files`. */
export async function checkFilesHere(
  files: readonly PlanFile[],
  options: { today: Date; signal?: AbortSignal },
): Promise<CheckedFile[]> {
  const out = new Array<CheckedFile>(files.length);
  let next = 0;
  // After one failure the other lanes stop too, instead of parsing the rest for nothing.
  let failed = false;
  const lane = async (): Promise<void> => {
    while (next < files.length && !failed) {
      if (options.signal?.aborted) throw aborted();
      const index = next++;
      out[index] = await checkFile(files[index]!, { today: options.today });
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, () =>
      lane().catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
  return out;
}

// Parsing dominates and is synchronous, so a large run spreads over the cores: this thread and
// (jobs - 1) workers pull batches from one queue. Below the threshold a worker's start-up (yaml,
// ajv, schema compilation) costs more than it saves.
const PARALLEL_MIN_FILES = 100;
const DEFAULT_MAX_JOBS = 4;
const BATCH_SIZE = 16;

/** A pool worker's handler for check: a batch of files in, their results out. */
export function checkBatchHandler(settings: { today: number }): (batch: { files: PlanFile[] }) => Promise<FileResult[]> {
  const today = new Date(settings.today);
  return async (batch) => (await checkFilesHere(batch.files, { today })).map((checked) => checked.result);
}

function defaultJobs(count: number): number {
  return count < PARALLEL_MIN_FILES ? 1 : Math.min(availableParallelism(), DEFAULT_MAX_JOBS);
}

/**
 * Judge every file, on several threads when there are many; results keep the order of `files`.
 * Returns no Plan objects (they would have to cross threads for nothing). Throws a UserError
 * (exit 2) naming the first file that cannot be read.
 */
export async function checkPlanFiles(
  files: readonly PlanFile[],
  options: { today: Date; signal?: AbortSignal; jobs?: number },
): Promise<FileResult[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(files.length), Math.ceil(files.length / BATCH_SIZE)));
  const here = { today: options.today, ...(options.signal ? { signal: options.signal } : {}) };
  if (jobs <= 1) return (await checkFilesHere(files, here)).map((checked) => checked.result);

  const batches: { start: number; files: PlanFile[] }[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) batches.push({ start, files: files.slice(start, start + BATCH_SIZE) });
  const out = new Array<FileResult>(files.length);
  await runPool(batches, {
    kind: 'check',
    settings: { today: options.today.getTime() },
    workers: jobs - 1,
    mainThread: true,
    inFlight: 1,
    runHere: async (batch) => (await checkFilesHere(batch.files, here)).map((checked) => checked.result),
    onCrash: (_batch, reason) => {
      throw new Error(`check worker stopped (${reason})`);
    },
    onResult: (batch, results) => {
      for (const [offset, result] of results.entries()) out[batch.start + offset] = result;
    },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (options.signal?.aborted) throw aborted();
  return out;
}
