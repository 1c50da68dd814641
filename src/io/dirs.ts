import { lstat, mkdir, readlink, rmdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/**
 * Create `dir` and its missing parents, one level at a time, and return the folders it made
 * (outermost first). Node's own recursive mkdir retries forever where mkdir keeps answering
 * ENOENT (inside /proc, for one); here every step is tried once, so a folder that cannot be made
 * is an error at once.
 */
export async function ensureDir(dir: string): Promise<string[]> {
  const missing: string[] = [];
  let probe = await throughDanglingLinks(resolve(dir));
  for (;;) {
    const info = await stat(probe).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
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
    const created = await mkdir(folder).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        // Made by a concurrent writer in the meantime: fine, as long as it is a folder.
        if (error.code === 'EEXIST') return false;
        // The parent exists, yet the file system says it does not: it takes no new folders.
        if (error.code === 'ENOENT') throw errnoError('EINVAL', `cannot create a folder here: ${folder}`);
        throw error;
      },
    );
    if (created) made.push(folder);
  }
  return made;
}

/**
 * A dangling link is followed to the folder it names, which is then made, as for files
 * (writeFileAtomic): the link stays, what it points to appears.
 */
async function throughDanglingLinks(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(current).catch(() => undefined);
    if (!info?.isSymbolicLink()) return current;
    const target = await stat(current).catch(() => undefined);
    if (target) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw errnoError('ELOOP', `too many symbolic links: ${path}`);
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
