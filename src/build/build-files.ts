// Build many plan files: judge the inputs and options first, then validate, render and write
// each plan atomically on the worker pool, then (with pdf) convert the written documents through
// LibreOffice. The library's buildFiles and the `build` command are this one function; the
// command only reports.
import { removeIfEmpty } from '../io/dirs.js';
import { displayPath, expandPaths, overwrittenInput, type PlanFile } from '../io/paths.js';
import { UserError } from '../errors.js';
import type { Problem } from '../plan/problem.js';
import { outputPaths, pdfPathFor } from './naming.js';
import { checkOutDir, checkTemplatesDir, createOutDir, jobsOrCores, threadsFor } from './options.js';
import type { PdfJob } from './pdf.js';
import { runTasks } from './pool.js';
import { inputOrder } from './progress.js';
import type { BuildSettings, FileOutcome, FileTask } from './task.js';
import { TemplateCache } from './template-cache.js';

export interface BuildFilesOptions {
  /** Where relative paths start, and what displayed paths are relative to. Default: process folder of the caller. */
  cwd: string;
  /** Folder for the outputs; default: beside each plan. */
  out?: string;
  /** Replace existing outputs. */
  force?: boolean;
  /** Folder of Handlebars template overrides. */
  templates?: string;
  /** Build threads; default: one per core. */
  jobs?: number;
  /** Also convert each .docx to PDF through LibreOffice. */
  pdf?: boolean;
  /** The date written into each document (core.xml, zip entries). */
  created: Date;
  /** Today, for the plan rules (a date in the future is a warning). */
  today: Date;
  /** For finding LibreOffice on PATH and running it. */
  env?: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  /** Internal errors carry their stack. */
  verbose?: boolean;
  events?: BuildEvents;
}

/** What happened to one input. */
export interface BuildResult {
  /** The input as shown to the user. */
  file: string;
  source: string;
  /** The .docx, set once it is written. */
  docx?: string;
  docxDisplay: string;
  /** The .pdf, set once it is written. */
  pdf?: string;
  pdfDisplay?: string;
  problems: Problem[];
  /** Why the file failed other than by its problems (existing output, unreadable file, crash, LibreOffice). */
  error?: string;
  /** The plan file could not be read (exit 2, as in check). */
  unreadable?: boolean;
}

/** Progress, each call in the order of the inputs whatever order the threads finish in. */
export interface BuildEvents {
  phase?(phase: 'docx' | 'pdf', total: number): void;
  started?(file: string): void;
  built?(result: BuildResult): void;
  converted?(result: BuildResult, error?: string): void;
}

export interface BuildReport {
  results: BuildResult[];
  /** Some inputs could not be read at all (exit 2 for the command, after the rest were built). */
  unreadable: number;
  /** Plans fully made (the .docx, and the .pdf when asked). */
  made: number;
  failed: number;
  aborted: boolean;
}

/**
 * Build every plan that `paths` name (files, folders, globs). Throws a UserError (exit 2) before
 * writing anything when the build cannot start: no input, bad --out or --templates, no
 * LibreOffice for pdf. A broken template override is a UserError with exit 1.
 */
export async function buildFiles(paths: readonly string[], options: BuildFilesOptions): Promise<BuildReport> {
  const { cwd, events = {} } = options;
  const jobs = jobsOrCores(options.jobs);
  const { files } = await expandPaths([...paths], { cwd });
  const templatesDir = options.templates === undefined ? undefined : await checkTemplatesDir(options.templates, cwd);
  const outDir = options.out === undefined ? undefined : await checkOutDir(options.out, cwd);
  const env = options.env ?? {};
  // LibreOffice's module only for --pdf.
  const pdf = options.pdf ? await import('./pdf.js') : undefined;
  const soffice = pdf ? await pdf.findSoffice(env) : undefined;
  if (pdf && !soffice) throw new UserError(pdf.missingSofficeMessage(), 2);
  const templates = new TemplateCache(templatesDir);
  // A broken override is the user's finding (exit 1), reported before anything is rendered.
  if (templatesDir !== undefined) await Promise.all([templates.get('ke-hoach'), templates.get('chuong-trinh')]);
  const tasks = planTasks(files, outDir, Boolean(options.pdf), cwd);
  refuseOverwritingInputs(tasks, files);
  // Made now so that an unwritable --out stops the build once, not once per plan; removed again
  // at the end if nothing was written into it.
  const madeFolders = outDir !== undefined && options.out !== undefined ? await createOutDir(outDir, options.out) : [];
  const settings: BuildSettings = {
    created: options.created.getTime(),
    today: options.today.getTime(),
    force: Boolean(options.force),
    verbose: Boolean(options.verbose),
  };
  if (templatesDir !== undefined) settings.templatesDir = templatesDir;

  const results = tasks.map((task): BuildResult => ({
    file: task.display,
    source: task.source,
    docxDisplay: task.outputDisplay,
    problems: [],
    ...(task.pdfDisplay !== undefined ? { pdfDisplay: task.pdfDisplay } : {}),
  }));
  const order = new Map(tasks.map((task, i) => [task, i]));
  let failed = 0;

  const inOrder = inputOrder();
  events.phase?.('docx', tasks.length);
  await runTasks(tasks, {
    jobs: threadsFor(jobs, tasks.length),
    settings,
    templates,
    ...(options.signal ? { signal: options.signal } : {}),
    onStart: (task) => events.started?.(task.display),
    onOutcome: (task, outcome) => {
      const index = order.get(task) ?? 0;
      const result = record(results[index]!, outcome);
      if (result.docx === undefined) failed++;
      inOrder(index, () => events.built?.(result));
    },
  });

  const built = results.filter((result) => result.docx !== undefined);
  let made = built.length;
  if (options.pdf) {
    made = 0;
    if (soffice && built.length > 0 && !options.signal?.aborted) {
      const pdf = await pdfPhase(built, {
        soffice,
        env,
        jobs,
        force: settings.force,
        cwd,
        events,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      made = pdf.made;
      failed += pdf.failed;
    }
  }
  if (built.length === 0) await removeIfEmpty(madeFolders);
  return {
    results,
    made,
    failed,
    unreadable: results.filter((r) => r.unreadable).length,
    aborted: Boolean(options.signal?.aborted),
  };
}

/**
 * An output that is one of the inputs (a plan named ke-hoach.docx, a link between them) would
 * replace the plan with its own document: refused before anything is written, even with --force.
 */
function refuseOverwritingInputs(tasks: readonly FileTask[], files: readonly PlanFile[]): void {
  const outputs = tasks.flatMap((task) => [
    [task.output, task.outputDisplay] as const,
    ...(task.pdf === undefined ? [] : [[task.pdf, task.pdfDisplay] as const]),
  ]);
  const found = overwrittenInput(
    outputs.map(([output]) => output),
    files.map((file) => file.absolute),
  );
  if (found === undefined) return;
  const [output, shown] = outputs[found.output]!;
  throw new UserError(
    `tệp kết quả "${shown ?? output}" chính là tệp kế hoạch "${files[found.input]!.display}": dựng sẽ ghi đè kế hoạch bằng văn bản, nên kehoach không làm (kể cả với --force). ` +
      'Đổi tên tệp kế hoạch thành đuôi .yaml, hoặc chọn thư mục khác bằng --out.',
    2,
  );
}

function record(result: BuildResult, outcome: FileOutcome): BuildResult {
  result.problems = outcome.problems;
  if (outcome.output !== undefined) result.docx = outcome.output;
  if (outcome.error !== undefined) result.error = outcome.error;
  if (outcome.unreadable) result.unreadable = true;
  return result;
}

function planTasks(files: readonly PlanFile[], outDir: string | undefined, pdf: boolean, cwd: string): FileTask[] {
  const outputs = outputPaths(
    files.map((file) => file.absolute),
    outDir,
  );
  return files.map((file, i) => {
    const output = outputs[i] ?? '';
    const task: FileTask = {
      source: file.absolute,
      display: file.display,
      output,
      outputDisplay: displayPath(output, cwd),
    };
    if (pdf) {
      task.pdf = pdfPathFor(output);
      task.pdfDisplay = displayPath(task.pdf, cwd);
    }
    return task;
  });
}

interface PdfPhase {
  soffice: string;
  env: Readonly<Record<string, string | undefined>>;
  jobs: number;
  force: boolean;
  cwd: string;
  signal?: AbortSignal;
  events: BuildEvents;
}

/** Converts the .docx that were built; a plan counts as made only once its PDF is written. */
async function pdfPhase(built: readonly BuildResult[], phase: PdfPhase): Promise<{ made: number; failed: number }> {
  const { events, signal } = phase;
  const byDocx = new Map(built.map((result) => [result.docx!, result]));
  const jobs: PdfJob[] = built.map((result) => ({
    docx: result.docx!,
    pdf: pdfPathFor(result.docx!),
    pdfDisplay: result.pdfDisplay ?? displayPath(pdfPathFor(result.docx!), phase.cwd),
  }));
  const order = new Map(jobs.map((job, i) => [job, i]));
  const inOrder = inputOrder();
  let made = 0;
  let failed = 0;
  events.phase?.('pdf', jobs.length);
  const { convertToPdf } = await import('./pdf.js');
  await convertToPdf(jobs, {
    soffice: phase.soffice,
    env: phase.env,
    parallel: phase.jobs,
    force: phase.force,
    ...(signal ? { signal } : {}),
    onDone: (job, error) => {
      // A conversion cut short by Ctrl-C is unfinished work, not a failure of the file.
      if (error !== undefined && signal?.aborted) return;
      const result = byDocx.get(job.docx)!;
      if (error === undefined) {
        made++;
        result.pdf = job.pdf;
      } else {
        failed++;
        result.error = error;
      }
      inOrder(order.get(job) ?? 0, () => events.converted?.(result, error));
    },
  });
  return { made, failed };
}
