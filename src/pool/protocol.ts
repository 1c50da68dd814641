// What crosses between the main thread and a pool worker: plain, cloneable data only.

export type JobKind = 'check' | 'build';

/** Sent once, as workerData. */
export interface WorkerSetup {
  kind: JobKind;
  settings: unknown;
}

export interface WorkerRequest<T> {
  id: number;
  task: T;
}

export type WorkerReply<R> = { id: number; result: R } | { id: number; error: { message: string; exitCode?: 1 | 2 } };
