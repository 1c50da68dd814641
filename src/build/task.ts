// One plan → one .docx: read, validate exactly as `check` does, render, write atomically. Runs in
// a worker thread or, for a single job, in the main thread; either way it returns only a small,
// cloneable outcome, never the document bytes.
import { lstatSync } from 'node:fs';
import { checkFile } from '../check/files.js';
import { isUserError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { ioReason } from '../io/errno.js';
import type { Problem } from '../plan/problem.js';
import { renderPlan } from '../render/index.js';
import { TemplateCache } from './template-cache.js';

export interface FileTask {
  source: string;
  display: string;
  output: string;
  outputDisplay: string;
  /** Set when --pdf asked for a PDF beside the .docx: it must not exist either without --force. */
  pdf?: string;
  pdfDisplay?: string;
}

/** Everything a worker needs, as plain data (it crosses the thread boundary once). */
export interface BuildSettings {
  templatesDir?: string;
  /** The creation date written into documents, ms since the epoch. */
  created: number;
  /** Today for the plan rules (a date in the future is a warning), ms since the epoch. */
  today: number;
  force: boolean;
  verbose: boolean;
  /** Read plans with synchronous calls; set by the worker threads (see readLimited). */
  syncReads?: boolean;
}

export interface FileOutcome {
  display: string;
  /** Set only when the .docx was written. */
  output?: string;
  problems: Problem[];
  /** Why the file failed other than by its problems (existing output, unreadable file, crash). */
  error?: string;
  /** The plan file could not be read at all: the tool could not run on it (exit 2, as in check). */
  unreadable?: boolean;
}

export async function buildOne(
  task: FileTask,
  settings: BuildSettings,
  templates: TemplateCache,
): Promise<FileOutcome> {
  const fail = (error: string, problems: Problem[] = []): FileOutcome => ({ display: task.display, problems, error });
  try {
    // check's own reader: the same size limit, problems, messages and order.
    const { result, plan } = await checkFile(
      { absolute: task.source, display: task.display },
      { today: new Date(settings.today), syncReads: Boolean(settings.syncReads) },
    );
    const problems = result.problems;
    if (!plan || !result.valid) return { display: task.display, problems };

    if (!settings.force) {
      const existing = firstExisting([
        [task.output, task.outputDisplay],
        ...(task.pdf ? [[task.pdf, task.pdfDisplay ?? task.pdf] as [string, string]] : []),
      ]);
      if (existing) return fail(existsMessage(existing), problems);
    }

    const set = await templates.get(plan.kind);
    const bytes = await renderPlan(plan, { templates: set, created: new Date(settings.created) });
    try {
      await writeFileAtomic(task.output, bytes, { exclusive: !settings.force });
    } catch (error) {
      // Another process (or a second input of this batch) wrote it since we looked.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fail(existsMessage(task.outputDisplay), problems);
      return fail(`không ghi được ${task.outputDisplay}: ${describeIoError(error)}`, problems);
    }
    return { display: task.display, output: task.output, problems };
  } catch (error) {
    if (isUserError(error)) return { ...fail(error.message), ...(error.exitCode === 2 ? { unreadable: true } : {}) };
    const detail =
      error instanceof Error ? (settings.verbose && error.stack ? error.stack : error.message) : String(error);
    return fail(`lỗi nội bộ khi dựng: ${detail}`);
  }
}

export function existsMessage(display: string): string {
  return `${display} đã có, không ghi đè. Thêm --force để ghi đè, hoặc chọn thư mục khác bằng --out.`;
}

// Synchronous, as in atomic.ts: "no such file" is the usual answer, and needs no exception.
function firstExisting(candidates: [string, string][]): string | undefined {
  for (const [path, display] of candidates) {
    let found: boolean;
    try {
      found = lstatSync(path, { throwIfNoEntry: false }) !== undefined;
    } catch {
      found = false;
    }
    if (found) return display;
  }
  return undefined;
}

export function describeIoError(error: unknown): string {
  return `${ioReason(error, 'write')}.`;
}

/** A pool worker's handler for build: one task in, its outcome out (never the document bytes). */
export function buildHandler(settings: BuildSettings): (task: FileTask) => Promise<FileOutcome> {
  const templates = new TemplateCache(settings.templatesDir);
  return (task) => buildOne(task, settings, templates);
}
