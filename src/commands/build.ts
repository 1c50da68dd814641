import { buildFiles, type BuildResult } from '../build/build-files.js';
import { creationDate } from '../build/options.js';
import { createReporter, summaryText } from '../build/progress.js';
import type { CommandContext, ExitCode } from '../context.js';
import { isValid, type FileResult } from '../plan/problem.js';
import { parseJobs } from '../pool/jobs.js';
import { countText, summarize } from '../report/summary.js';
import { formatStylish } from '../report/stylish.js';

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
 * build could not start (bad options, no input, unwritable --out, no LibreOffice, an output that
 * is an input) or an input could not be read (the others are built all the same).
 */
export async function build(options: BuildOptions, ctx: CommandContext): Promise<ExitCode> {
  // Date.now, not performance.now: the clock's module is a millisecond of start-up, for a figure shown to 10 ms.
  const clock = Date.now();
  // Everything that can make the tool refuse to run is judged before any file is written.
  const jobs = parseJobs(options.jobs);
  const created = creationDate(ctx.env, ctx.now);

  const color = Boolean(ctx.stderr.isTTY) && !ctx.env['NO_COLOR'] && ctx.env['TERM'] !== 'dumb';
  const reporter = await createReporter(ctx.stderr, color);
  const withProblems: FileResult[] = [];
  try {
    const report = await buildFiles(options.paths, {
      cwd: ctx.cwd,
      created,
      today: ctx.now(),
      env: ctx.env,
      force: Boolean(options.force),
      pdf: Boolean(options.pdf),
      verbose: Boolean(ctx.verbose),
      ...(options.out !== undefined ? { out: options.out } : {}),
      ...(options.templates !== undefined ? { templates: options.templates } : {}),
      ...(jobs !== undefined ? { jobs } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      events: {
        phase: (phase, total) => reporter.phase(phase === 'docx' ? 'Dựng .docx' : 'Xuất PDF', total),
        started: (file) => reporter.started(file),
        built: (result) => {
          if (result.problems.length > 0) {
            withProblems.push({ file: result.file, valid: isValid(result.problems), problems: result.problems });
          }
          if (result.docx !== undefined) reporter.succeeded(successLine(result));
          else reporter.failed(failureLine(result));
        },
        converted: (result, error) => {
          if (error === undefined) reporter.succeeded(`${result.file} → ${result.pdfDisplay ?? result.pdf}`);
          else reporter.failed(`${result.file}: ${error}`);
        },
      },
    });

    reporter.stop();
    if (withProblems.length > 0) ctx.stderr.write(formatStylish(withProblems, { color }));
    const { made, failed, aborted } = report;
    const total = report.results.length;
    const tally = {
      made,
      failed,
      pending: total - made - failed,
      ms: Date.now() - clock,
      aborted,
      pdf: Boolean(options.pdf),
    };
    ctx.stderr.write(`${summaryText(tally)}\n`);
    if (report.unreadable > 0) return 2;
    return aborted || failed > 0 || made < total ? 1 : 0;
  } finally {
    reporter.stop();
  }
}

function successLine(result: BuildResult): string {
  const warnings = summarize([{ file: result.file, valid: true, problems: result.problems }]).warnings;
  return `${result.file} → ${result.docxDisplay}${warnings > 0 ? ` (${warnings} cảnh báo)` : ''}`;
}

function failureLine(result: BuildResult): string {
  if (result.error !== undefined) return `${result.file}: ${result.error}`;
  return `${result.file}: ${countText(summarize([{ file: result.file, valid: false, problems: result.problems }]))}`;
}
