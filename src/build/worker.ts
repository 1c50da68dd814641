// Worker thread entry (dist/build/worker.js): settings arrive once in workerData, then one
// message per plan; each reply carries the outcome of that plan only.
import { parentPort, workerData } from 'node:worker_threads';
import { buildOne, type BuildSettings, type FileOutcome, type FileTask } from './task.js';
import { TemplateCache } from './template-cache.js';

export interface TaskMessage {
  id: number;
  task: FileTask;
}

export interface ResultMessage {
  id: number;
  outcome: FileOutcome;
}

const port = parentPort;
if (port) {
  const settings = workerData as BuildSettings;
  const templates = new TemplateCache(settings.templatesDir);
  port.on('message', (message: TaskMessage) => {
    void buildOne(message.task, settings, templates).then((outcome) => {
      const reply: ResultMessage = { id: message.id, outcome };
      port.postMessage(reply);
    });
  });
}
