// A small pool on node:worker_threads. The main thread hands each worker its next plan the
// moment it answers, so every worker stays busy until the queue is empty, and only small
// outcomes ever cross back. Each worker (and the main thread, for one job) holds two plans at a
// time: while one waits for the disk (fsync), the other is parsed or rendered.
import { Worker } from 'node:worker_threads';
import type { ResultMessage, TaskMessage } from './worker.js';
import type { BuildSettings, FileOutcome, FileTask } from './task.js';
import type { TemplateCache } from './template-cache.js';

export interface RunOptions {
  jobs: number;
  settings: BuildSettings;
  /** Used when jobs is 1: the plans are built in this thread, sparing a worker's start-up. */
  templates: TemplateCache;
  signal?: AbortSignal;
  onStart?: (task: FileTask) => void;
  onOutcome: (task: FileTask, outcome: FileOutcome) => void;
  /** Heap limits of each worker, in MB; see WORKER_HEAP. */
  workerHeap?: WorkerHeap;
}

export interface WorkerHeap {
  old: number;
  young: number;
}

// V8 lets an idle-looking heap grow long before it collects: uncapped, each worker's RSS kept
// climbing over a 1,000-plan batch (about 260 MB in all for two workers, against 185 MB with these
// caps, for 3% more CPU). The largest plan the loader accepts (2 MB) renders within half of them;
// a plan that still runs out is built again in the main thread, which has no cap.
export const WORKER_HEAP: WorkerHeap = { old: 96, young: 16 };

const IN_FLIGHT_PER_THREAD = 2;

interface Builder {
  run(task: FileTask): Promise<FileOutcome>;
  /** Set once the builder cannot start at all: its lanes stop taking plans. */
  readonly broken: string | undefined;
  close(): Promise<void>;
}

/**
 * Build every task unless the signal aborts: then no new plan is started, and the ones in
 * flight finish (their writes are atomic). Returns how many plans were started.
 */
export async function runTasks(tasks: readonly FileTask[], options: RunOptions): Promise<number> {
  const { settings, signal, onOutcome } = options;
  let next = 0;
  const take = (): FileTask | undefined => {
    const task = signal?.aborted ? undefined : tasks[next++];
    if (task) options.onStart?.(task);
    return task;
  };

  const threads = Math.max(1, Math.min(options.jobs, tasks.length));
  const builders: Builder[] =
    options.jobs <= 1 || tasks.length <= 1
      ? [inProcess(settings, options.templates)]
      : Array.from({ length: threads }, () => new WorkerSlot(settings, options.workerHeap ?? WORKER_HEAP));

  const lane = async (builder: Builder): Promise<void> => {
    for (let task = take(); task; task = take()) {
      try {
        onOutcome(task, await builder.run(task));
      } catch (error) {
        if (isOutOfMemory(error)) onOutcome(task, await buildHere(task, settings, options.templates));
        else onOutcome(task, { display: task.display, problems: [], error: crashMessage(describe(error)) });
      }
      if (builder.broken !== undefined) return;
    }
  };
  try {
    await Promise.all(builders.flatMap((builder) => Array.from({ length: IN_FLIGHT_PER_THREAD }, () => lane(builder))));
  } finally {
    await Promise.all(builders.map((builder) => builder.close()));
  }

  // Every worker was broken from the start: the rest fail with the same reason.
  const reason = builders.find((builder) => builder.broken !== undefined)?.broken;
  if (reason !== undefined) {
    for (let task = take(); task; task = take()) {
      onOutcome(task, { display: task.display, problems: [], error: crashMessage(reason) });
    }
  }
  return Math.min(next, tasks.length);
}

// With workers, the main thread never loads the loader and renderer unless it must.
async function buildHere(task: FileTask, settings: BuildSettings, templates: TemplateCache): Promise<FileOutcome> {
  const { buildOne } = await import('./task.js');
  return buildOne(task, settings, templates);
}

function inProcess(settings: BuildSettings, templates: TemplateCache): Builder {
  return { run: (task) => buildHere(task, settings, templates), broken: undefined, close: async () => undefined };
}

function isOutOfMemory(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function crashMessage(detail: string): string {
  return `lỗi nội bộ: luồng dựng dừng bất thường (${detail}). Thử lại với --jobs 1, và báo lỗi này cho nhóm phát triển.`;
}

/** One worker thread, replaced when it dies, unless it died before its first answer. */
class WorkerSlot implements Builder {
  broken: string | undefined;
  private worker: BuildWorker | undefined;
  private answered = 0;

  constructor(
    private readonly settings: BuildSettings,
    private readonly heap: WorkerHeap,
  ) {}

  async run(task: FileTask): Promise<FileOutcome> {
    if (this.broken !== undefined) throw new Error(this.broken);
    const worker = (this.worker ??= new BuildWorker(this.settings, this.heap));
    try {
      const outcome = await worker.run(task);
      this.answered++;
      return outcome;
    } catch (error) {
      if (this.worker === worker) {
        this.worker = undefined;
        // Dying before any answer means the worker cannot start (a missing or broken script);
        // running out of memory on one plan says nothing about the next.
        if (this.answered === 0 && !isOutOfMemory(error)) this.broken = describe(error);
        this.answered = 0;
        await worker.close();
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }
}

class BuildWorker {
  private readonly worker: Worker;
  private nextId = 0;
  private closed = false;

  constructor(settings: BuildSettings, heap: WorkerHeap) {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: settings,
      resourceLimits: { maxOldGenerationSizeMb: heap.old, maxYoungGenerationSizeMb: heap.young },
    });
  }

  run(task: FileTask): Promise<FileOutcome> {
    const id = this.nextId++;
    return new Promise<FileOutcome>((resolve, reject) => {
      const cleanup = (): void => {
        this.worker.off('message', onMessage);
        this.worker.off('error', onError);
        this.worker.off('exit', onExit);
      };
      const onMessage = (message: ResultMessage): void => {
        if (message.id !== id) return;
        cleanup();
        resolve(message.outcome);
      };
      const onError = (error: Error): void => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number): void => {
        cleanup();
        reject(new Error(`exit code ${code}`));
      };
      this.worker.on('message', onMessage);
      this.worker.on('error', onError);
      this.worker.on('exit', onExit);
      const message: TaskMessage = { id, task };
      this.worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.worker.terminate();
  }
}
