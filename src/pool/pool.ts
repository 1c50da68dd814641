// One worker pool for every batch command (check, build). The main thread hands each thread its
// next task the moment a lane frees up, so every thread stays busy until the queue is empty, and
// only small results cross back. Written here rather than taken from tinypool or piscina: both
// spawn their own worker script and hide which thread ran a task, and the two behaviours this
// project depends on need that control: a task whose worker ran out of memory is run again in the
// main thread (which has no heap cap), and a worker that dies before its first answer marks its
// lane broken instead of being respawned for every remaining task.
import { setImmediate as turn } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { packagePath } from '../io/paths.js';
import type { JobKind, WorkerReply, WorkerRequest, WorkerSetup } from './protocol.js';

export interface WorkerHeap {
  old: number;
  young: number;
}

export interface PoolOptions<T, R> {
  kind: JobKind;
  /** Plain data each worker receives once (it crosses the thread boundary at start). */
  settings: unknown;
  /** Worker threads to start; 0 runs everything in the main thread. */
  workers: number;
  /** Whether the main thread takes tasks too, beside the workers. */
  mainThread: boolean;
  /** Tasks each thread holds at once (one may wait for the disk while another is parsed). */
  inFlight: number;
  /** How the main thread runs a task: for its own lanes, and again for a task whose worker ran out of memory. */
  runHere: (task: T) => Promise<R>;
  /** The result to record for a task whose worker died; throw to stop the whole run instead. */
  onCrash: (task: T, reason: string) => R;
  heap?: WorkerHeap;
  signal?: AbortSignal;
  onStart?: (task: T) => void;
  onResult: (task: T, result: R) => void;
  /** Where the worker script is; tests point it at a copy. */
  workerScript?: URL | string;
}

interface Runner<T, R> {
  run(task: T): Promise<R>;
  /** Set once the runner cannot start at all: its lanes stop taking tasks. */
  readonly broken: string | undefined;
  close(): Promise<void>;
}

export function isOutOfMemory(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** Raised in the main thread for an error a task itself threw in a worker (not a crash of the worker). */
class TaskError extends Error {
  constructor(readonly original: Error) {
    super(original.message);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function defaultWorkerScript(): string {
  return packagePath('dist', 'pool', 'worker.js');
}

/**
 * Run every task unless the signal aborts: then no new task is started, and the ones in flight
 * finish. A task that throws stops the run (the other lanes take nothing more) and the error is
 * rethrown once every lane has settled. Returns how many tasks were started.
 */
export async function runPool<T, R>(tasks: readonly T[], options: PoolOptions<T, R>): Promise<number> {
  const { signal } = options;
  let next = 0;
  let failed = false;
  const take = (): T | undefined => {
    if (failed || signal?.aborted || next >= tasks.length) return undefined;
    const task = tasks[next++] as T;
    options.onStart?.(task);
    return task;
  };

  const here: Runner<T, R> = { run: options.runHere, broken: undefined, close: async () => undefined };
  const script = options.workerScript ?? defaultWorkerScript();
  const workers = Math.max(0, Math.min(options.workers, tasks.length));
  // Loaded only when threads start: a one-file run does not pay for node:worker_threads.
  if (workers > 0) WorkerThread ??= (await import('node:worker_threads')).Worker;
  const runners: Runner<T, R>[] = [
    ...(options.mainThread || workers === 0 ? [here] : []),
    ...Array.from(
      { length: workers },
      () => new WorkerSlot<T, R>(options.kind, options.settings, script, options.heap),
    ),
  ];

  const lane = async (runner: Runner<T, R>): Promise<void> => {
    for (let task = take(); task !== undefined; task = take()) {
      let result: R;
      try {
        result = await runner.run(task);
      } catch (error) {
        if (error instanceof TaskError) throw error.original;
        if (runner === here) throw error;
        result = isOutOfMemory(error) ? await options.runHere(task) : options.onCrash(task, describe(error));
      }
      options.onResult(task, result);
      if (runner.broken !== undefined) return;
      // A task run here may never have waited on anything (an invalid plan is neither written
      // nor, from the page cache, slow to read): a turn of the event loop lets a signal's handler
      // and the workers' answers in before the next one.
      if (runner === here) await turn();
    }
  };
  const stop = (error: unknown): never => {
    failed = true;
    throw error;
  };
  try {
    const lanes = runners.flatMap((runner) => Array.from({ length: options.inFlight }, () => lane(runner).catch(stop)));
    const settled = await Promise.allSettled(lanes);
    const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (rejected) throw rejected.reason;
  } finally {
    await Promise.all(runners.map((runner) => runner.close()));
  }

  // Every worker was broken from the start: the rest fail with the same reason.
  const reason = runners.find((runner) => runner.broken !== undefined)?.broken;
  if (reason !== undefined) {
    for (let task = take(); task !== undefined; task = take()) options.onResult(task, options.onCrash(task, reason));
  }
  return next;
}

/** One worker thread, replaced when it dies, unless it died before its first answer. */
class WorkerSlot<T, R> implements Runner<T, R> {
  broken: string | undefined;
  private worker: PoolWorker<T, R> | undefined;
  private answered = 0;

  constructor(
    private readonly kind: JobKind,
    private readonly settings: unknown,
    private readonly script: URL | string,
    private readonly heap: WorkerHeap | undefined,
  ) {}

  async run(task: T): Promise<R> {
    if (this.broken !== undefined) throw new Error(this.broken);
    const worker = (this.worker ??= new PoolWorker<T, R>(this.kind, this.settings, this.script, this.heap));
    try {
      const result = await worker.run(task);
      this.answered++;
      return result;
    } catch (error) {
      if (error instanceof TaskError) {
        this.answered++;
        throw error;
      }
      if (this.worker === worker) {
        this.worker = undefined;
        // Dying before any answer means the worker cannot start (a missing or broken script);
        // running out of memory on one task says nothing about the next.
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

let WorkerThread: typeof Worker | undefined;

class PoolWorker<T, R> {
  private readonly worker: Worker;
  private nextId = 0;
  private closed = false;

  constructor(kind: JobKind, settings: unknown, script: URL | string, heap: WorkerHeap | undefined) {
    const setup: WorkerSetup = { kind, settings };
    if (WorkerThread === undefined) throw new Error('runPool starts workers only after loading node:worker_threads');
    this.worker = new WorkerThread(script, {
      workerData: setup,
      ...(heap ? { resourceLimits: { maxOldGenerationSizeMb: heap.old, maxYoungGenerationSizeMb: heap.young } } : {}),
    });
  }

  run(task: T): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      const cleanup = (): void => {
        this.worker.off('message', onMessage);
        this.worker.off('error', onError);
        this.worker.off('exit', onExit);
      };
      const onMessage = (reply: WorkerReply<R>): void => {
        if (reply.id !== id) return;
        cleanup();
        if ('result' in reply) resolve(reply.result);
        else {
          const { message, exitCode } = reply.error;
          reject(new TaskError(exitCode ? new UserError(message, exitCode) : new Error(message)));
        }
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
      const request: WorkerRequest<T> = { id, task };
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.worker.terminate();
  }
}
