import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { PACKAGE_ROOT, displayPath, packagePath } from '../io/paths.js';
import type { CommandContext, ExitCode } from './context.js';

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

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * What to write after `$schema=` in a plan at `target`. A relative path survives moving the project
 * and cloning it elsewhere, so it is used when the link stays inside one project: the plan lies in
 * the package itself (a checkout), or the package sits in a node_modules of the plan's folder or one
 * of its ancestors (installed as the project's dependency). Anything else (npx's cache, a global
 * install) is not part of the user's project; a file: URL to it is at least exact, and survives
 * moving the plan.
 */
export function schemaReference(target: string, schemaFile: string, packageRoot: string = PACKAGE_ROOT): string {
  const rel = relative(dirname(target), schemaFile).split(sep).join('/');
  const segments = rel.split('/');
  const firstDown = segments.findIndex((s) => s !== '..');
  if (isInside(target, packageRoot) || segments[firstDown] === 'node_modules') return rel;
  return pathToFileURL(schemaFile).href;
}

export function renderStarter(template: string, values: { schema: string; year: number }): string {
  const out = template.replaceAll('{{schema}}', values.schema).replaceAll('{{year}}', String(values.year));
  const leftover = /\{\{[^}]*\}\}/.exec(out);
  if (leftover) throw new Error(`templates/init/ke-hoach.yaml: unknown placeholder ${leftover[0]}`);
  return out;
}

function shellQuote(text: string): string {
  return /^[\p{L}\p{N}._\/-]+$/u.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
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
    schema: schemaReference(target, packagePath('schemas', 'plan.schema.json')),
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
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'không có quyền ghi vào thư mục đó'
        : code === 'ENOTDIR'
          ? 'một phần của đường dẫn là tệp, không phải thư mục'
          : error instanceof Error
            ? error.message
            : String(error);
    throw new UserError(`không tạo được "${shown}": ${reason}. Chọn chỗ khác để ghi.`, 2);
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
