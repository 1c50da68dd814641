import { lstatSync, mkdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { rmdir } from 'node:fs/promises';
import { dirname, isAbsolute, resolve, sep } from 'node:path';

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/**
 * Create `dir` and its missing parents, one level at a time, and return the folders it made
 * (outermost first). Node's own recursive mkdir retries forever where mkdir keeps answering
 * ENOENT (inside /proc, for one); here every step is tried once, so a folder that cannot be made
 * is an error at once. Synchronous calls, for the reason readLimited gives: a batch asks this
 * once for every file it writes, and the folder is nearly always there.
 */
export async function ensureDir(dir: string): Promise<string[]> {
  const missing: string[] = [];
  let probe = throughDanglingLinks(resolve(dir));
  for (;;) {
    const info = statSync(probe, { throwIfNoEntry: false });
    if (info) {
      if (!info.isDirectory()) throw errnoError('ENOTDIR', `not a directory: ${probe}`);
      break;
    }
    missing.push(probe);
    const parent = dirname(probe);
    if (parent === probe) break;
    probe = parent;
  }
  const made: string[] = [];
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
      made.push(folder);
    } catch (caught) {
      const error = caught as NodeJS.ErrnoException;
      // Made by a concurrent writer in the meantime: fine, as long as it is a folder.
      if (error.code === 'EEXIST') continue;
      // The parent exists, yet the file system says it does not: it takes no new folders.
      if (error.code === 'ENOENT') throw errnoError('EINVAL', `cannot create a folder here: ${folder}`);
      throw error;
    }
  }
  return made;
}

/**
 * A dangling link is followed to the folder it names, which is then made, as for files
 * (writeFileAtomic): the link stays, what it points to appears.
 */
function throughDanglingLinks(path: string): string {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const info = lstatOrNothing(current);
    if (!info?.isSymbolicLink()) return current;
    if (statOrNothing(current)) return current;
    current = followLink(current);
  }
  throw errnoError('ELOOP', `too many symbolic links: ${path}`);
}

/**
 * Where a dangling symbolic link leads, as the kernel would take it. Its target is joined to the
 * link's folder as written: path.resolve alone would turn `x/../a.yaml` into `a.yaml` even where
 * no x exists, and the kernel walks `x/..` only through an x that does. So the target up to its
 * last `..` must exist (else ENOENT); what follows may be made, as for any new file or folder.
 */
export function followLink(link: string): string {
  const target = readlinkSync(link);
  const parts = (isAbsolute(target) ? target : `${dirname(link)}${sep}${target}`).split(sep);
  const lastUp = parts.lastIndexOf('..');
  if (lastUp < 0) return resolve(parts.join(sep));
  const head = realpathSync.native(parts.slice(0, lastUp + 1).join(sep) || sep);
  return resolve(head, ...parts.slice(lastUp + 1));
}

/** lstat that answers undefined for a path it cannot look at, without building an exception when there is none. */
export function lstatOrNothing(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Remove folders that ensureDir made, innermost first, as long as they are still empty. */
export async function removeIfEmpty(folders: readonly string[]): Promise<void> {
  for (const folder of [...folders].reverse()) {
    const removed = await rmdir(folder).then(
      () => true,
      () => false,
    );
    if (!removed) return;
  }
}
