import { performance } from 'node:perf_hooks';
import { outputPaths, pdfPathFor } from '../build/naming.js';
import { checkOutDir, checkTemplatesDir, createOutDir, creationDate, jobsOrCores, threadsFor } from '../build/options.js';
import { convertToPdf, findSoffice, missingSofficeMessage, type PdfJob } from '../build/pdf.js';
import { runTasks } from '../build/pool.js';
import { createReporter, inputOrder, summaryText, type Reporter } from '../build/progress.js';
import type { BuildSettings, FileOutcome, FileTask } from '../build/task.js';
import { TemplateCache } from '../build/template-cache.js';
import { UserError } from '../errors.js';
import { parseJobs } from '../pool/jobs.js';
import { displayPath, expandPaths, type PlanFile } from '../io/paths.js';
import { isValid, type FileResult } from '../plan/problem.js';
import { countText, summarize } from '../report/summary.js';
import { formatStylish } from '../report/stylish.js';
import type { CommandContext, ExitCode } from '../context.js';

export interface BuildOptions {
  paths: string[];
  out?: string;
  force?: boolean;
  templates?: string;
  /** As typed after --jobs; validated here. */
  jobs?: string | number;
  pdf?: boolean;
}

/**
 * `kehoach build`: each plan is validated like `check`, then rendered to .docx (and .pdf with
 * --pdf). Exit 0 when every file was made, 1 when any failed or the user interrupted, 2 when the
 * build could not start (bad options, no input, unwritable --out, no LibreOffice).
 */
export async function build(options: BuildOptions, ctx: CommandContext): Promise<ExitCode> {
  const clock = performance.now();

  // Everything that can make the tool refuse to run is judged before any file is written.
  const jobs = jobsOrCores(parseJobs(options.jobs));
  const created = creationDate(ctx.env, ctx.now);
  const { files } = await expandPaths(options.paths, { cwd: ctx.cwd });
  const templatesDir = options.templates === undefined ? undefined : await checkTemplatesDir(options.templates, ctx.cwd);
  const outDir = options.out === undefined ? undefined : await checkOutDir(options.out, ctx.cwd);
  const soffice = options.pdf ? await findSoffice(ctx.env) : undefined;
  if (options.pdf && !soffice) throw new UserError(missingSofficeMessage(), 2);
  const templates = new TemplateCache(templatesDir);
  // A broken override is the user's finding (exit 1), reported before anything is rendered.
  if (templatesDir !== undefined) await Promise.all([templates.get('ke-hoach'), templates.get('chuong-trinh')]);
  if (outDir !== undefined && options.out !== undefined) await createOutDir(outDir, options.out);

  const tasks = planTasks(files, outDir, Boolean(options.pdf), ctx.cwd);
  const settings: BuildSettings = {
    created: created.getTime(),
    today: ctx.now().getTime(),
    force: Boolean(options.force),
    verbose: Boolean(ctx.verbose),
  };
  if (templatesDir !== undefined) settings.templatesDir = templatesDir;

  const color = Boolean(ctx.stderr.isTTY) && !ctx.env['NO_COLOR'] && ctx.env['TERM'] !== 'dumb';
  const reporter = createReporter(ctx.stderr, color);
  const withProblems: FileResult[] = [];
  const built: FileTask[] = [];
  let failed = 0;
  let made = 0;

  try {
    // Workers finish out of order; the report keeps the order of the inputs, so that two runs
    // over the same files print the same log.
    const order = new Map(tasks.map((task, i) => [task, i]));
    const inOrder = inputOrder();
    reporter.phase('Dựng .docx', tasks.length);
    await runTasks(tasks, {
      jobs: threadsFor(jobs, tasks.length),
      settings,
      templates,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      onStart: (task) => reporter.started(task.display),
      onOutcome: (task, outcome) =>
        inOrder(order.get(task) ?? 0, () => {
          if (outcome.problems.length > 0) {
            withProblems.push({ file: task.display, valid: isValid(outcome.problems), problems: outcome.problems });
          }
          if (outcome.output !== undefined) {
            built.push(task);
            reporter.succeeded(successLine(task.display, task.outputDisplay, outcome));
          } else {
            failed++;
            reporter.failed(failureLine(task.display, outcome));
          }
        }),
    });

    if (!options.pdf) made = built.length;
    else if (soffice && built.length > 0 && !ctx.signal?.aborted) {
      const pdf = await pdfPhase(built, { soffice, jobs, force: settings.force, ctx, reporter });
      made = pdf.made;
      failed += pdf.failed;
    }

    reporter.stop();
    if (withProblems.length > 0) ctx.stderr.write(formatStylish(withProblems, { color }));
    const aborted = Boolean(ctx.signal?.aborted);
    const tally = {
      made,
      failed,
      pending: tasks.length - made - failed,
      ms: performance.now() - clock,
      aborted,
      pdf: Boolean(options.pdf),
    };
    ctx.stderr.write(`${summaryText(tally)}\n`);
    return aborted || failed > 0 || made < tasks.length ? 1 : 0;
  } finally {
    reporter.stop();
  }
}

function planTasks(files: readonly PlanFile[], outDir: string | undefined, pdf: boolean, cwd: string): FileTask[] {
  const outputs = outputPaths(
    files.map((file) => file.absolute),
    outDir,
  );
  return files.map((file, i) => {
    const output = outputs[i] ?? '';
    const task: FileTask = { source: file.absolute, display: file.display, output, outputDisplay: displayPath(output, cwd) };
    if (pdf) {
      task.pdf = pdfPathFor(output);
      task.pdfDisplay = displayPath(task.pdf, cwd);
    }
    return task;
  });
}

interface PdfPhase {
  soffice: string;
  jobs: number;
  force: boolean;
  ctx: CommandContext;
  reporter: Reporter;
}

/** Converts the .docx that were built; a plan counts as made only once its PDF is written. */
async function pdfPhase(built: readonly FileTask[], phase: PdfPhase): Promise<{ made: number; failed: number }> {
  const { ctx, reporter } = phase;
  const byDocx = new Map(built.map((task) => [task.output, task]));
  const jobs: PdfJob[] = built.map((task) => ({
    docx: task.output,
    pdf: task.pdf ?? pdfPathFor(task.output),
    pdfDisplay: task.pdfDisplay ?? displayPath(pdfPathFor(task.output), ctx.cwd),
  }));
  const order = new Map(jobs.map((job, i) => [job, i]));
  const inOrder = inputOrder();
  let made = 0;
  let failed = 0;
  reporter.phase('Xuất PDF', jobs.length);
  await convertToPdf(jobs, {
    soffice: phase.soffice,
    env: ctx.env,
    parallel: phase.jobs,
    force: phase.force,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    onDone: (job, error) =>
      inOrder(order.get(job) ?? 0, () => {
        // A conversion cut short by Ctrl-C is unfinished work, not a failure of the file.
        if (error !== undefined && ctx.signal?.aborted) return;
        const display = byDocx.get(job.docx)?.display ?? job.docx;
        if (error === undefined) {
          made++;
          reporter.succeeded(`${display} → ${job.pdfDisplay}`);
        } else {
          failed++;
          reporter.failed(`${display}: ${error}`);
        }
      }),
  });
  return { made, failed };
}

function successLine(display: string, output: string, outcome: FileOutcome): string {
  const warnings = summarize([{ file: display, valid: true, problems: outcome.problems }]).warnings;
  return `${display} → ${output}${warnings > 0 ? ` (${warnings} cảnh báo)` : ''}`;
}

function failureLine(display: string, outcome: FileOutcome): string {
  if (outcome.error !== undefined) return `${display}: ${outcome.error}`;
  return `${display}: ${countText(summarize([{ file: display, valid: false, problems: outcome.problems }]))}`;
}
