// Build on the shared worker pool. Each thread holds two plans at a time: while one waits for
// the disk (fsync), the other is parsed or rendered. With workers, the main thread only hands out
// plans, and loads the loader and renderer only to rebuild a plan whose worker ran out of memory.
import { runPool, type WorkerHeap } from '../pool/pool.js';
import type { BuildSettings, FileOutcome, FileTask } from './task.js';
import type { TemplateCache } from './template-cache.js';

export type { WorkerHeap } from '../pool/pool.js';

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

// V8 lets an idle-looking heap grow long before it collects: uncapped, each worker's RSS kept
// climbing over a 1,000-plan batch (about 260 MB in all for two workers, against 185 MB with these
// caps, for 3% more CPU). The largest plan the loader accepts (2 MB) renders within half of them;
// a plan that still runs out is built again in the main thread, which has no cap.
export const WORKER_HEAP: WorkerHeap = { old: 96, young: 16 };

const IN_FLIGHT_PER_THREAD = 2;

function crashMessage(detail: string): string {
  return `lỗi nội bộ: luồng dựng dừng bất thường (${detail}). Thử lại với --jobs 1, và báo lỗi này cho nhóm phát triển.`;
}

/**
 * Build every task unless the signal aborts: then no new plan is started, and the ones in
 * flight finish (their writes are atomic). Returns how many plans were started.
 */
export async function runTasks(tasks: readonly FileTask[], options: RunOptions): Promise<number> {
  const { settings, templates } = options;
  const buildHere = async (task: FileTask): Promise<FileOutcome> => {
    const { buildOne } = await import('./task.js');
    return buildOne(task, settings, templates);
  };
  return runPool(tasks, {
    kind: 'build',
    settings,
    workers: options.jobs <= 1 || tasks.length <= 1 ? 0 : options.jobs,
    mainThread: false,
    inFlight: IN_FLIGHT_PER_THREAD,
    runHere: buildHere,
    onCrash: (task, reason) => ({ display: task.display, problems: [], error: crashMessage(reason) }),
    heap: options.workerHeap ?? WORKER_HEAP,
    onResult: options.onOutcome,
    ...(options.onStart ? { onStart: options.onStart } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
