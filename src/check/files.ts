// The check engine: read plan files and judge them, one by one or on several threads. `check`,
// `build` and the library API all read plans through checkFile, so the size limit, the problems,
// their messages and their order are the same everywhere.
import { availableParallelism } from 'node:os';
import { UserError } from '../errors.js';
import { errnoCode, ioReason } from '../io/errno.js';
import type { PlanFile } from '../io/paths.js';
import { readLimited, type LimitedRead } from '../io/read.js';
import type { KnownNames } from '../docx/import/index.js';
import { MAX_PLAN_BYTES, tooLargeProblem } from '../plan/decode.js';
import { isUnsettled, loadQuickly } from '../plan/load-quick.js';
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

/** What judging a file needs besides the file: plain data, so that it crosses to workers. */
export interface CheckSettings {
  today: Date;
  /** LibreOffice, to read a legacy .doc; without it a .doc is refused with advice. */
  soffice?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Read files with synchronous calls; set by the worker threads (see readLimited). */
  syncReads?: boolean;
}

const WORD = /\.docx$/i;
const LEGACY_WORD = /\.doc$/i;

/** Whether a path names a Word document rather than a plan file. */
export function isWordDocument(path: string): boolean {
  return WORD.test(path) || LEGACY_WORD.test(path);
}

async function readOrFail(file: PlanFile, limit: number, options: CheckSettings): Promise<LimitedRead> {
  try {
    return await readLimited(file.absolute, limit, { sync: Boolean(options.syncReads) });
  } catch (error) {
    throw readFailure(file, error);
  }
}

let known: Promise<KnownNames> | undefined;

/** The shipped agency list, read once per thread: import uses it to read names back. */
function knownNames(): Promise<KnownNames> {
  known ??= (async () => {
    const { loadWizardData } = await import('../wizard/data.js');
    const { knownFromWizardData } = await import('../docx/import/known.js');
    return knownFromWizardData(await loadWizardData(undefined));
  })();
  return known;
}

async function checkWordFile(file: PlanFile, options: CheckSettings & Interruptible): Promise<CheckedFile> {
  const { checkDocx } = await import('../docx/check.js');
  const { MAX_DOCX_BYTES } = await import('../docx/zip.js');
  let bytes: Uint8Array;
  if (LEGACY_WORD.test(file.absolute)) {
    const { convertDoc, needsLibreOfficeMessage } = await import('../docx/legacy.js');
    if (options.soffice === undefined) throw new UserError(needsLibreOfficeMessage(file.display), 2);
    await readOrFail(file, MAX_DOCX_BYTES, options);
    bytes = await convertDoc(file.absolute, file.display, {
      soffice: options.soffice,
      env: options.env ?? {},
      // Ctrl-C stops LibreOffice too, instead of waiting for its conversion to end.
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } else {
    const read = await readOrFail(file, MAX_DOCX_BYTES, options);
    if ('tooLarge' in read) {
      const { unreadableMessage } = await import('../docx/messages.js');
      const message = unreadableMessage({ reason: 'too-large', bytes: read.tooLarge });
      return {
        result: {
          file: file.display,
          valid: false,
          problems: [{ rule: 'docx-unreadable', severity: 'error', message, line: 1, column: 1, path: '' }],
        },
      };
    }
    bytes = read.bytes;
  }
  const { problems } = checkDocx(bytes, { today: options.today, known: await knownNames() });
  return { result: { file: file.display, valid: isValid(problems), problems } };
}

/** A signal to stop at: in the main thread only (it does not cross to workers). */
interface Interruptible {
  signal?: AbortSignal;
}

/** Read and judge one plan file or Word document. Never reads more than the size limit, whatever the file claims. */
export async function checkFile(file: PlanFile, options: CheckSettings & Interruptible): Promise<CheckedFile> {
  if (isWordDocument(file.absolute)) return checkWordFile(file, options);
  const read = await readOrFail(file, MAX_PLAN_BYTES, options);
  if ('tooLarge' in read)
    return { result: { file: file.display, valid: false, problems: [tooLargeProblem(read.tooLarge)] } };
  // Outside the I/O error handling: a loader bug is an internal error, not an unreadable file.
  // The second half of the loader (and the `yaml` package) is loaded only for a file that needs it.
  const quick = loadQuickly(read.bytes, { today: options.today });
  const { plan, problems } = isUnsettled(quick)
    ? (await import('../plan/load.js')).finishLoad(quick, { today: options.today })
    : quick;
  const result = { file: file.display, valid: isValid(problems), problems };
  return plan ? { result, plan } : { result };
}

/** Check files in this thread with a bounded number of reads in flight; results keep the order of `files`. */
export async function checkFilesHere(
  files: readonly PlanFile[],
  options: CheckSettings & Interruptible,
): Promise<CheckedFile[]> {
  const out = new Array<CheckedFile>(files.length);
  let next = 0;
  // After one failure the other lanes stop too, instead of parsing the rest for nothing. Every
  // file before the failing one was taken already; once they are done, the first failure in the
  // order of `files` is the one reported, whichever lane met it first.
  const failures = new Map<number, unknown>();
  // A Word document is read whole (up to 50 MB) and a .doc goes through LibreOffice: one at a
  // time, while plan files keep their reads in flight.
  let word: Promise<unknown> = Promise.resolve();
  const checkOne = (file: PlanFile): Promise<CheckedFile> => {
    if (!isWordDocument(file.absolute)) return checkFile(file, options);
    const done = word.then(() => checkFile(file, options));
    word = done.catch(() => undefined);
    return done;
  };
  const lane = async (): Promise<void> => {
    while (next < files.length && failures.size === 0) {
      if (options.signal?.aborted) throw aborted();
      const index = next++;
      try {
        out[index] = await checkOne(files[index]!);
      } catch (error) {
        failures.set(index, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, lane));
  // A file that failed because the run was stopped (LibreOffice killed) is not the user's file's fault.
  if (options.signal?.aborted) throw aborted();
  if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
  return out;
}

// Parsing dominates and is synchronous, so a large run spreads over the cores: this thread and
// (jobs - 1) workers pull batches from one queue. Below the threshold a worker's start-up (yaml,
// ajv, schema compilation) costs more than it saves.
const PARALLEL_MIN_FILES = 100;
const DEFAULT_MAX_JOBS = 4;
const BATCH_SIZE = 16;

/** CheckSettings as they cross to a worker (a Date does not survive the trip as one). */
type WorkerSettings = Omit<CheckSettings, 'today'> & { today: number };

/** A pool worker's handler for check: a batch of files in, their results out. */
export function checkBatchHandler(settings: WorkerSettings): (batch: { files: PlanFile[] }) => Promise<FileResult[]> {
  const options: CheckSettings = { ...settings, today: new Date(settings.today) };
  return async (batch) => (await checkFilesHere(batch.files, options)).map((checked) => checked.result);
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
  options: CheckSettings & { signal?: AbortSignal; jobs?: number },
): Promise<FileResult[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(files.length), Math.ceil(files.length / BATCH_SIZE)));
  const { signal: _signal, jobs: _jobs, ...settings } = options;
  const here = { ...settings, ...(options.signal ? { signal: options.signal } : {}) };
  if (jobs <= 1) return (await checkFilesHere(files, here)).map((checked) => checked.result);

  const batches: { start: number; files: PlanFile[] }[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE)
    batches.push({ start, files: files.slice(start, start + BATCH_SIZE) });
  const out = new Array<FileResult>(files.length);
  await runPool(batches, {
    kind: 'check',
    settings: { ...settings, today: options.today.getTime() } satisfies WorkerSettings,
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
