// Worker thread entry (dist/pool/worker.js): the job kind and its settings arrive once in
// workerData; each message is one task, each reply that task's result or the error it threw.
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../errors.js';
import type { JobKind, WorkerReply, WorkerRequest, WorkerSetup } from './protocol.js';

type Handler = (task: never) => Promise<unknown>;

async function handlerFor(kind: JobKind, settings: unknown): Promise<Handler> {
  if (kind === 'check') {
    const { checkBatchHandler } = await import('../check/files.js');
    return checkBatchHandler(settings as Parameters<typeof checkBatchHandler>[0]);
  }
  const { buildHandler } = await import('../build/task.js');
  return buildHandler(settings as Parameters<typeof buildHandler>[0]);
}

const port = parentPort;
if (port) {
  const setup = workerData as WorkerSetup;
  // A worker only waits for its own reads: it reads synchronously (see readLimited).
  const ready = handlerFor(setup.kind, { ...(setup.settings as object), syncReads: true });
  port.on('message', (request: WorkerRequest<never>) => {
    const reply = (message: WorkerReply<unknown>): void => port.postMessage(message);
    ready
      .then((handle) => handle(request.task))
      .then(
        (result) => reply({ id: request.id, result }),
        (error: unknown) =>
          reply({
            id: request.id,
            error: {
              message: error instanceof Error ? error.message : String(error),
              ...(isUserError(error) ? { exitCode: error.exitCode } : {}),
            },
          }),
      );
  });
}
