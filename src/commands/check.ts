import { resolve } from 'node:path';
import { checkPlanFiles } from '../check/files.js';
import { ruleDescriptions } from '../check/rules.js';
import type { CommandContext, ExitCode } from '../context.js';
import { UserError } from '../errors.js';
import { ioReason } from '../io/errno.js';
import { expandPaths, overwrittenInput, type PlanFile } from '../io/paths.js';
import type { Severity } from '../plan/problem.js';
import { parseJobs } from '../pool/jobs.js';
import { fails, formatReport, isFormatName, summarize, summaryLine } from '../report/index.js';
import { VERSION } from '../version.js';

export interface CheckOptions {
  paths: string[];
  format?: string;
  output?: string;
  failOn?: string;
  /** Threads that parse plans; default: the CPU cores (at most 4) when there are 100 files or more. */
  jobs?: string | number;
  /** A folder for copies of the Word documents checked, with each problem as a comment. */
  annotate?: string;
}

function parseFailOn(value: string | undefined): Severity {
  if (value === undefined || value === 'error' || value === 'warning') return value ?? 'error';
  throw new UserError(`--fail-on không nhận "${value}". Viết --fail-on error hoặc --fail-on warning.`, 2);
}

/** A report written over a file being checked would replace it: refused before anything is read. */
function refuseReportOverInput(target: string, shown: string, files: readonly PlanFile[]): void {
  const found = overwrittenInput(
    [target],
    files.map((file) => file.absolute),
  );
  if (found === undefined) return;
  throw new UserError(
    `báo cáo --output "${shown}" sẽ ghi đè chính tệp được kiểm tra "${files[found.input]!.display}", nên kehoach không làm. Chọn một tệp khác cho --output.`,
    2,
  );
}

/**
 * `kehoach check`: 0 when no problem reaches --fail-on, 1 when one does, 2 when the files could
 * not be listed or read. With --output the report goes to that file (never coloured) and a one-line
 * verdict goes to stderr, so stdout stays empty for pipes.
 */
export async function check(options: CheckOptions, ctx: CommandContext): Promise<ExitCode> {
  const format = options.format ?? 'stylish';
  if (!isFormatName(format)) {
    throw new UserError(`--format không nhận "${format}". Chọn một trong: stylish, json, junit, sarif, github.`, 2);
  }
  const failOn = parseFailOn(options.failOn);
  const jobs = parseJobs(options.jobs);

  const { files } = await expandPaths(options.paths, { cwd: ctx.cwd, find: 'plans-and-documents' });
  if (options.output) refuseReportOverInput(resolve(ctx.cwd, options.output), options.output, files);
  // LibreOffice is looked for only when a legacy .doc needs it.
  const soffice = files.some((f) => /\.doc$/i.test(f.absolute))
    ? await (await import('../build/pdf.js')).findSoffice(ctx.env)
    : undefined;
  const settings = { today: ctx.now(), env: ctx.env, ...(soffice ? { soffice } : {}) };
  const results = await checkPlanFiles(files, {
    ...settings,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(jobs ? { jobs } : {}),
  });

  const color = format === 'stylish' && !options.output && Boolean(ctx.stdout.isTTY) && !ctx.env['NO_COLOR'];
  const report = formatReport(format, results, {
    color,
    failOn,
    version: VERSION,
    rules: format === 'sarif' ? await ruleDescriptions() : [],
  });

  if (options.output) {
    const target = resolve(ctx.cwd, options.output);
    const { writeFileAtomic } = await import('../io/atomic.js');
    try {
      await writeFileAtomic(target, report);
    } catch (error) {
      throw new UserError(
        `không ghi được báo cáo vào "${options.output}": ${ioReason(error, 'write')}. Chọn tệp khác với --output.`,
        2,
      );
    }
    ctx.stderr.write(`Đã ghi báo cáo ${format} vào ${options.output}. ${summaryLine(summarize(results))}\n`);
  } else {
    ctx.stdout.write(report);
  }

  if (options.annotate !== undefined) {
    const { annotateFiles } = await import('../check/annotate.js');
    const written = await annotateFiles(files, results, {
      ...settings,
      dir: resolve(ctx.cwd, options.annotate),
      cwd: ctx.cwd,
      now: ctx.now(),
    });
    for (const copy of written) {
      ctx.stderr.write(`Đã ghi ${copy.copy}: bản sao của ${copy.file} với ${copy.comments} ghi chú ở lề.\n`);
    }
  }

  const failing = results.some((r) => r.problems.some((p) => fails(p.severity, failOn)));
  return failing ? 1 : 0;
}
