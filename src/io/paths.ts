import { realpath } from 'node:fs/promises';
import { realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { lstatOrNothing } from './dirs.js';
import { ioReason } from './errno.js';

/** One plan file to read: where it is, and how to name it to the user. */
export interface PlanFile {
  absolute: string;
  /** Relative to cwd with forward slashes when the file lies under cwd, else absolute. */
  display: string;
}

/**
 * The installed package's root (…/kehoach): the folder that holds the nearest src/ or dist/ above
 * this module. Not a fixed number of levels up, because this code runs from src/io/ and dist/io/
 * but also from the bundles (dist/chunks/, or an entry file in dist/ itself).
 */
export const PACKAGE_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

function packageRoot(moduleDir: string): string {
  for (let dir = moduleDir; dirname(dir) !== dir; dir = dirname(dir)) {
    if (basename(dir) === 'dist' || basename(dir) === 'src') return dirname(dir);
  }
  throw new Error(`kehoach runs from its src/ or dist/ folder, not from ${moduleDir}`);
}

/** A file shipped with the package: `packagePath('schemas', 'plan.schema.json')`. */
export function packagePath(...segments: string[]): string {
  return join(PACKAGE_ROOT, ...segments);
}

const PLAN_EXTENSION = /\.ya?ml$/i;
// The wizard saves unfinished plans as `<name>.draft.yaml`; they are incomplete by design, so
// expanding a folder or a pattern skips them. Naming one directly still checks it.
const DRAFT = /\.draft\.ya?ml$/i;
const GLOB_CHARS = /[*?[\]{}()!]/;

/**
 * Where each path leads once links are resolved; a file not written yet, through its folder
 * (each folder resolved once). Synchronous: a build compares a thousand inputs and outputs, and
 * awaiting a thread-pool round trip for each took about 0.3 s before the first plan started.
 */
export function finalPaths(paths: readonly string[]): string[] {
  const folders = new Map<string, string>();
  const folder = (dir: string): string => {
    let real = folders.get(dir);
    if (real === undefined) {
      real = realOr(dir, dir);
      folders.set(dir, real);
    }
    return real;
  };
  const throughFolder = (path: string): string => join(folder(dirname(path)), basename(path));
  return paths.map((path) => {
    // Most outputs do not exist yet: asked without building an exception for each.
    if (!lstatOrNothing(path)) return throughFolder(path);
    return realOr(path, undefined) ?? throughFolder(path);
  });
}

/**
 * The first output that is one of the inputs once links are resolved (writing it would replace
 * that input), as indexes into both lists; undefined when none is.
 */
export function overwrittenInput(
  outputs: readonly string[],
  inputs: readonly string[],
): { output: number; input: number } | undefined {
  const reals = new Map(finalPaths(inputs).map((real, i) => [real, i]));
  const targets = finalPaths(outputs);
  for (const [output, target] of targets.entries()) {
    const input = reals.get(target);
    if (input !== undefined) return { output, input };
  }
  return undefined;
}

function realOr<T>(path: string, fallback: T): string | T {
  try {
    return realpathSync.native(path);
  } catch {
    return fallback;
  }
}

export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return absolute;
  return rel.split(sep).join('/');
}

function isPlanName(name: string): boolean {
  return PLAN_EXTENSION.test(name) && !DRAFT.test(name);
}

// Synchronous, as the arguments are taken one after another anyway: a shell's `*.yaml` can name
// thousands of files, and a thread-pool round trip for each took about 0.3 s for 3,000.
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new UserError(`không mở được "${path}": ${ioReason(error)}. Kiểm tra quyền truy cập rồi chạy lại.`, 2);
  }
}

// Word's owner files (~$name.docx) are lock files, not documents.
const IGNORED = ['**/node_modules/**', '**/*.draft.yaml', '**/*.draft.yml', '**/~$*'];

/** What a folder is searched for: plan files, or plan files and Word documents (check, import). */
export type Inputs = 'plans' | 'plans-and-documents';

const PATTERNS: Record<Inputs, string> = {
  plans: '**/*.{yaml,yml}',
  'plans-and-documents': '**/*.{yaml,yml,docx,doc}',
};
const SOUGHT: Record<Inputs, string> = {
  plans: '*.yaml, *.yml',
  'plans-and-documents': '*.yaml, *.yml, *.docx, *.doc',
};

/**
 * Plan files under a folder, recursively. Skips node_modules and dot-folders (VCS data, editor
 * state) and wizard drafts, and follows symbolic links (tinyglobby stops at a link cycle).
 */
async function walkFolder(root: string, inputs: Inputs): Promise<Found[]> {
  const { glob } = await import('tinyglobby');
  try {
    const paths = await glob(PATTERNS[inputs], {
      cwd: root,
      absolute: true,
      onlyFiles: true,
      dot: false,
      ignore: IGNORED,
      caseSensitiveMatch: false,
    });
    return paths.map((path) => ({ path: resolve(path) }));
  } catch (error) {
    throw new UserError(
      `không đọc được thư mục "${root}": ${ioReason(error)}. Kiểm tra quyền truy cập rồi chạy lại.`,
      2,
    );
  }
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  return glob(pattern.split(sep).join('/'), { cwd, absolute: true, onlyFiles: true, dot: false, ignore: IGNORED });
}

interface Found {
  path: string;
  /** Known without a system call when the file was reached through real folders. */
  real?: string | undefined;
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Turn command-line arguments into plan files. A file is taken as given (any extension); a folder
 * gives its *.yaml/*.yml files recursively; an argument that is not an existing path but holds glob
 * characters is matched as a pattern. Arguments keep their order; what one folder or pattern yields
 * is sorted; a file reached twice (even through a link) is listed once, where it first appeared.
 * Throws a UserError (exit 2) naming the argument when it yields nothing.
 */
export async function expandPaths(
  inputs: string[],
  options: { cwd: string; find?: Inputs },
): Promise<{ files: PlanFile[] }> {
  const { cwd } = options;
  const find = options.find ?? 'plans';
  const files: PlanFile[] = [];
  const seen = new Set<string>();

  const addAll = async (found: readonly Found[]): Promise<void> => {
    const reals = await Promise.all(found.map((f) => f.real ?? realpath(f.path).catch(() => f.path)));
    for (const [index, { path }] of found.entries()) {
      const real = reals[index]!;
      if (seen.has(real)) continue;
      seen.add(real);
      files.push({ absolute: path, display: displayPath(path, cwd) });
    }
  };
  const bySortedDisplay = (paths: readonly Found[]): Found[] =>
    paths
      .map((f) => ({ f, display: displayPath(f.path, cwd) }))
      .sort((a, b) => comparePaths(a.display, b.display))
      .map(({ f }) => f);

  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    const info = statOrUndefined(absolute);

    if (info?.isDirectory()) {
      const found = await walkFolder(absolute, find);
      if (found.length === 0) {
        throw new UserError(
          `thư mục "${input}" không có tệp kế hoạch nào (${SOUGHT[find]}; không tính node_modules, thư mục ẩn và bản nháp *.draft.yaml). ` +
            `Kiểm tra lại đường dẫn, hoặc tạo một tệp mẫu bằng: kehoach init ${join(input, 'ke-hoach.yaml').split(sep).join('/')}`,
          2,
        );
      }
      await addAll(bySortedDisplay(found));
      continue;
    }

    if (info) {
      await addAll([{ path: absolute, real: realOr(absolute, absolute) }]);
      continue;
    }

    if (GLOB_CHARS.test(input)) {
      const matched = await expandGlob(input, cwd);
      if (matched.length === 0) {
        throw new UserError(
          `mẫu "${input}" không khớp tệp nào (và cũng không có tệp hay thư mục nào tên như vậy). Kiểm tra lại mẫu, ví dụ: "ke-hoach/**/*.yaml".`,
          2,
        );
      }
      await addAll(bySortedDisplay(matched.map((path) => ({ path: resolve(path) }))));
      continue;
    }

    const hint = isPlanName(input) ? `, hoặc tạo một tệp mẫu bằng: kehoach init ${input}` : '';
    throw new UserError(
      `không tìm thấy "${input}": không có tệp hay thư mục nào như vậy (tìm từ ${cwd}). Kiểm tra lại tên${hint}.`,
      2,
    );
  }
  return { files };
}
