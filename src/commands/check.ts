import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { UserError, isUserError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { type PlanFile, expandPaths } from '../io/paths.js';
import { MAX_PLAN_BYTES, loadPlan } from '../plan/load.js';
import type { Plan } from '../plan/types.js';
import { type FileResult, type Problem, type Severity, isValid } from '../plan/problem.js';
import { type RuleInfo, fails, formatReport, isFormatName, summarize, summaryLine } from '../report/index.js';
import { VERSION } from '../version.js';
import type { CommandContext, ExitCode } from './context.js';

export interface CheckOptions {
  paths: string[];
  format?: string;
  output?: string;
  failOn?: string;
  /** Threads that parse plans; default: the CPU cores (at most 4) when there are 100 files or more. */
  jobs?: string | number;
}

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

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

function readFailure(file: PlanFile, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'không có quyền đọc. Cấp quyền đọc cho tệp (chmod +r) rồi chạy lại'
      : code === 'EISDIR'
        ? 'đây là thư mục, không phải tệp (có lẽ vừa bị thay trong lúc kiểm tra). Chạy lại lệnh'
        : code === 'ENOENT'
          ? 'tệp vừa bị xóa hoặc đổi tên trong lúc kiểm tra. Chạy lại lệnh'
          : `${error instanceof Error ? error.message : String(error)}. Kiểm tra tệp rồi chạy lại`;
  return new UserError(`không đọc được "${file.display}": ${reason}.`, 2);
}

function tooLarge(size: number): Problem {
  return {
    rule: 'file-too-large',
    severity: 'error',
    message:
      `Tệp nặng ${mebibytes(size)}, vượt giới hạn ${mebibytes(MAX_PLAN_BYTES)} của một tệp kế hoạch nên không được đọc. ` +
      'Một kế hoạch thường chỉ vài chục KB: kiểm tra lại có đúng tệp kế hoạch không, hoặc rút gọn nội dung.',
    line: 1,
    column: 1,
    path: '',
  };
}

/**
 * Read and judge one plan file. Never reads more than MAX_PLAN_BYTES: the size is taken from the
 * open handle, so a file that grows between listing and reading is still caught.
 */
export async function checkFile(file: PlanFile, options: { today: Date }): Promise<CheckedFile> {
  const bytes = await readPlanBytes(file);
  if (typeof bytes === 'number') return { result: { file: file.display, valid: false, problems: [tooLarge(bytes)] } };
  // Outside the I/O error handling: a loader bug is an internal error, not an unreadable file.
  const { plan, problems } = loadPlan(bytes, { today: options.today });
  const result = { file: file.display, valid: isValid(problems), problems };
  return plan ? { result, plan } : { result };
}

/** The file's bytes, or its size when that is over the limit. */
async function readPlanBytes(file: PlanFile): Promise<Uint8Array | number> {
  let handle;
  try {
    handle = await open(file.absolute, 'r');
  } catch (error) {
    throw readFailure(file, error);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw readFailure(file, { code: 'EISDIR' });
    if (info.size > MAX_PLAN_BYTES) return info.size;
    return await handle.readFile();
  } catch (error) {
    throw error instanceof UserError ? error : readFailure(file, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Check many files with a bounded number of reads in flight; results keep the order of `files`. */
export async function checkFiles(
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
const MAX_JOBS = 4;
const BATCH_SIZE = 16;
const WORKER_ROLE = 'kehoach-check';

interface BatchMessage {
  files: PlanFile[];
}
type BatchReply = { results: FileResult[] } | { error: { message: string; exitCode?: 1 | 2 } };

function defaultJobs(count: number): number {
  // Workers run this module's built file; under a TypeScript test runner there is none to run.
  if (count < PARALLEL_MIN_FILES || !import.meta.url.endsWith('.js')) return 1;
  return Math.min(availableParallelism(), MAX_JOBS);
}

class CheckWorker {
  private readonly worker: Worker;
  private pending: { resolve: (r: FileResult[]) => void; reject: (e: unknown) => void } | undefined;
  private failure: Error | undefined;

  constructor(today: Date) {
    this.worker = new Worker(new URL(import.meta.url), { workerData: { role: WORKER_ROLE, today: today.getTime() } });
    this.worker.on('message', (reply: BatchReply) => {
      const pending = this.pending;
      this.pending = undefined;
      if ('results' in reply) pending?.resolve(reply.results);
      else pending?.reject(reply.error.exitCode ? new UserError(reply.error.message, reply.error.exitCode) : new Error(reply.error.message));
    });
    const fail = (error: Error): void => {
      this.failure ??= error;
      this.pending?.reject(error);
      this.pending = undefined;
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`check worker stopped (exit code ${code})`)));
  }

  run(files: PlanFile[]): Promise<FileResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolvePromise, reject) => {
      this.pending = { resolve: resolvePromise, reject };
      this.worker.postMessage({ files } satisfies BatchMessage);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE) {
  const today = new Date((workerData as { today: number }).today);
  parentPort?.on('message', (message: BatchMessage) => {
    checkFiles(message.files, { today }).then(
      (checked) => parentPort?.postMessage({ results: checked.map((c) => c.result) } satisfies BatchReply),
      (error: unknown) =>
        parentPort?.postMessage({
          error: {
            message: error instanceof Error ? error.message : String(error),
            ...(isUserError(error) ? { exitCode: error.exitCode } : {}),
          },
        } satisfies BatchReply),
    );
  });
}

/**
 * Judge every file, on several threads when there are many; results keep the order of `files`.
 * Unlike checkFiles it returns no Plan objects (they would have to cross threads for nothing).
 */
export async function checkAll(
  files: readonly PlanFile[],
  options: { today: Date; signal?: AbortSignal; jobs?: number },
): Promise<FileResult[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(files.length), Math.ceil(files.length / BATCH_SIZE)));
  const sequential = { today: options.today, ...(options.signal ? { signal: options.signal } : {}) };
  if (jobs <= 1) return (await checkFiles(files, sequential)).map((c) => c.result);

  const out = new Array<FileResult>(files.length);
  let next = 0;
  let failed = false;
  const take = (): { start: number; batch: PlanFile[] } | undefined => {
    if (options.signal?.aborted) throw aborted();
    if (next >= files.length || failed) return undefined;
    const start = next;
    next = Math.min(files.length, next + BATCH_SIZE);
    return { start, batch: files.slice(start, next) };
  };
  const store = (start: number, results: readonly FileResult[]): void => {
    for (const [offset, result] of results.entries()) out[start + offset] = result;
  };

  const workers = Array.from({ length: jobs - 1 }, () => new CheckWorker(options.today));
  const here = async (): Promise<void> => {
    for (let job = take(); job; job = take()) store(job.start, (await checkFiles(job.batch, sequential)).map((c) => c.result));
  };
  const there = async (worker: CheckWorker): Promise<void> => {
    for (let job = take(); job; job = take()) store(job.start, await worker.run(job.batch));
  };
  const stopOnFailure = (error: unknown): never => {
    failed = true;
    throw error;
  };
  try {
    await Promise.all([here().catch(stopOnFailure), ...workers.map((w) => there(w).catch(stopOnFailure))]);
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
  return out;
}

/** Every rule id `check` can report, with its Vietnamese description, for SARIF's rules[]. */
export async function ruleDescriptions(): Promise<RuleInfo[]> {
  const { RULES } = await import('../plan/rules/index.js');
  const { LOADER_RULES } = await import('../report/loader-rules.js');
  const registry = RULES.map((rule) => ({ id: rule.id, severity: rule.severity, description: rule.description }));
  return [...LOADER_RULES, ...registry];
}

const MAX_USER_JOBS = 16;

function parseJobs(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (n >= 1 && n <= MAX_USER_JOBS) return n;
  throw new UserError(
    `--jobs phải là một số nguyên từ 1 đến ${MAX_USER_JOBS} (số luồng đọc kế hoạch song song), không phải "${text}". Ví dụ: --jobs 2, hoặc bỏ --jobs để dùng số lõi CPU.`,
    2,
  );
}

function parseFailOn(value: string | undefined): Severity {
  if (value === undefined || value === 'error' || value === 'warning') return value ?? 'error';
  throw new UserError(`--fail-on không nhận "${value}". Viết --fail-on error hoặc --fail-on warning.`, 2);
}

/**
 * `kehoach check`: 0 when no problem reaches --fail-on, 1 when one does, 2 when the files could
 * not be listed or read. With --output the report goes to that file (never coloured) and a one-line
 * verdict goes to stderr, so stdout stays empty for pipes.
 */
export async function check(options: CheckOptions, ctx: CommandContext): Promise<ExitCode> {
  const format = options.format ?? 'stylish';
  if (!isFormatName(format)) {
    throw new UserError(`--format không nhận "${format}". Chọn một trong: stylish, json, junit, sarif, github.`, 2);
  }
  const failOn = parseFailOn(options.failOn);
  const jobs = parseJobs(options.jobs);

  const { files } = await expandPaths(options.paths, { cwd: ctx.cwd });
  const results = await checkAll(files, {
    today: ctx.now(),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(jobs ? { jobs } : {}),
  });

  const color = format === 'stylish' && !options.output && Boolean(ctx.stdout.isTTY) && !ctx.env['NO_COLOR'];
  const report = formatReport(format, results, {
    color,
    failOn,
    version: VERSION,
    rules: format === 'sarif' ? await ruleDescriptions() : [],
  });

  if (options.output) {
    const target = resolve(ctx.cwd, options.output);
    try {
      await writeFileAtomic(target, report);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'EACCES' || code === 'EPERM'
          ? 'không có quyền ghi vào thư mục đó'
          : code === 'EISDIR'
            ? 'đó là một thư mục'
            : error instanceof Error
              ? error.message
              : String(error);
      throw new UserError(`không ghi được báo cáo vào "${options.output}": ${reason}. Chọn tệp khác với --output.`, 2);
    }
    ctx.stderr.write(`Đã ghi báo cáo ${format} vào ${options.output}. ${summaryLine(summarize(results))}\n`);
  } else {
    ctx.stdout.write(report);
  }

  const failing = results.some((r) => r.problems.some((p) => fails(p.severity, failOn)));
  return failing ? 1 : 0;
}
