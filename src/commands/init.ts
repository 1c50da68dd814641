import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { ioReason } from '../io/errno.js';
import { displayPath, packagePath } from '../io/paths.js';
import { schemaReference } from '../plan/schema-reference.js';
import { shellQuote } from '../text/shell.js';
import type { CommandContext, ExitCode } from '../context.js';

export interface InitOptions {
  file?: string;
}

export const DEFAULT_INIT_FILE = 'ke-hoach.yaml';
const FIRST_YEAR = 2022;
const LAST_YEAR = 2030;

/** The plan year a starter should carry: this year, kept inside the Strategy's 2022–2030. */
export function starterYear(now: Date): number {
  return Math.min(LAST_YEAR, Math.max(FIRST_YEAR, now.getFullYear()));
}

export function renderStarter(template: string, values: { schema: string; year: number }): string {
  const out = template.replaceAll('{{schema}}', values.schema).replaceAll('{{year}}', String(values.year));
  const leftover = /\{\{[^}]*\}\}/.exec(out);
  if (leftover) throw new Error(`templates/init/ke-hoach.yaml: unknown placeholder ${leftover[0]}`);
  return out;
}

/**
 * `kehoach init [file]`: write a commented starter plan that passes `check` with no warning.
 * Never overwrites: an existing file is a user mistake (exit 1), and the file is left untouched.
 */
export async function init(options: InitOptions, ctx: CommandContext): Promise<ExitCode> {
  const file = options.file ?? DEFAULT_INIT_FILE;
  const target = resolve(ctx.cwd, file);
  const shown = displayPath(target, ctx.cwd);
  const year = starterYear(ctx.now());

  const template = await readFile(packagePath('templates', 'init', 'ke-hoach.yaml'), 'utf8');
  const text = renderStarter(template, {
    schema: schemaReference(target),
    year,
  });

  try {
    await writeFileAtomic(target, text, { exclusive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new UserError(
        `"${shown}" đã có; kehoach không ghi đè tệp có sẵn. Chọn tên khác, ví dụ: kehoach init ke-hoach-${year}.yaml`,
        1,
      );
    }
    throw new UserError(`không tạo được "${shown}": ${ioReason(error, 'write')}. Chọn chỗ khác để ghi.`, 2);
  }

  const arg = shellQuote(shown);
  ctx.stdout.write(
    `Đã tạo ${shown}: kế hoạch mẫu năm ${year}, có chú thích cho từng trường.\n` +
      'Sửa các giá trị cho đúng cơ quan của bạn, rồi chạy:\n' +
      `  kehoach check ${arg}    kiểm tra tệp\n` +
      `  kehoach build ${arg}    dựng tệp .docx\n`,
  );
  return 0;
}
