import { basename, dirname, extname, join, resolve } from 'node:path';
import type { CommandContext, ExitCode } from '../context.js';
import { importDocxFile } from '../docx/import/from-file.js';
import { importReport, importToYaml } from '../docx/import-yaml.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { ioReason } from '../io/errno.js';
import { displayPath } from '../io/paths.js';
import { loadPlan } from '../plan/load.js';
import { isValid } from '../plan/problem.js';
import { schemaReference } from '../plan/schema-reference.js';
import { formatStylish } from '../report/stylish.js';
import { shellQuote } from '../text/shell.js';

export interface ImportOptions {
  file: string;
  out?: string;
  force?: boolean;
}

/** `bao-cao.docx` → `bao-cao.yaml` beside it. */
export function defaultOut(file: string): string {
  const ext = extname(file);
  return join(dirname(file), `${/^\.docx?$/iu.test(ext) ? basename(file, ext) : basename(file)}.yaml`);
}

/**
 * `kehoach import FILE.docx`: write the plan read from a Word file. 0 written and valid; 1 written
 * but the plan still has errors (printed, located in the written file); 2 usage, a file that cannot
 * be read, an output that exists without --force.
 */
export async function importCommand(options: ImportOptions, ctx: CommandContext): Promise<ExitCode> {
  const source = resolve(ctx.cwd, options.file);
  const shownSource = displayPath(source, ctx.cwd);
  const target = resolve(ctx.cwd, options.out ?? defaultOut(options.file));
  const shownTarget = displayPath(target, ctx.cwd);
  if (target === source)
    throw new UserError(`Tệp ghi ra trùng với tệp .docx "${shownSource}": chọn tên khác bằng --out.`, 2);

  const result = await importDocxFile(source, shownSource);
  const text = importToYaml(result, { schemaPath: schemaReference(target), source: basename(source) });
  try {
    await writeFileAtomic(target, text, { exclusive: !options.force });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError(
        `"${shownTarget}" đã có; kehoach không ghi đè. Thêm --force để ghi đè, hoặc chọn tên khác bằng --out.`,
        2,
      );
    }
    throw new UserError(`Không ghi được "${shownTarget}": ${ioReason(error, 'write')}. Chọn chỗ khác bằng --out.`, 2);
  }

  ctx.stdout.write(importReport(result, { source: shownSource, target: shownTarget }));
  const { problems } = loadPlan(text, { today: ctx.now() });
  const valid = isValid(problems);
  if (problems.length > 0) {
    const color = Boolean(ctx.stdout.isTTY) && !ctx.env['NO_COLOR'];
    ctx.stdout.write(formatStylish([{ file: shownTarget, valid, problems }], { color }));
  }
  const arg = shellQuote(shownTarget);
  ctx.stdout.write(
    valid
      ? `Tiếp theo: kehoach check ${arg}, rồi kehoach build ${arg}.\n`
      : `Sửa các lỗi trên trong ${shownTarget}, rồi chạy kehoach check ${arg}.\n`,
  );
  return valid ? 0 : 1;
}
