import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fsync,
  linkSync,
  lstatSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { access, open, readdir, realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pid as ownPid } from 'node:process';
import { isAlive } from './alive.js';
import { ensureDir, followLink } from './dirs.js';
import { truncateUtf8 } from './names.js';

/** The calls that put the finished temporary file in the target's place (node:fs's by default). */
export interface PublishFs {
  rename(from: string, to: string): Promise<void>;
  link(existing: string, target: string): Promise<void>;
}

const defaultFs: PublishFs = {
  rename: async (from, to) => renameSync(from, to),
  link: async (existing, target) => linkSync(existing, target),
};

// At most this much per write call: a SIGKILL or a full disk then stops the write between calls.
const WRITE_CHUNK = 1024 * 1024;

// Longest file name most file systems take, in bytes.
const NAME_MAX = 255;
const MAX_LINKS = 40;

// `.<name>.<pid>-<random>.tmp`: the pid tells a later run whether the writer is still alive.
const TEMP = /^\.(.*)\.(\d+)-[0-9a-f]{12}\.tmp$/;

function tempName(target: string): string {
  const suffix = `.${ownPid}-${randomBytes(6).toString('hex')}.tmp`;
  const room = NAME_MAX - Buffer.byteLength(suffix) - 1;
  return `.${truncateUtf8(basename(target), room)}${suffix}`;
}

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/**
 * Where a write to `target` lands, by the documented rule: a symbolic link is followed (to its
 * final target, even one that does not exist yet, as a shell's `>` does), so the link stays and
 * what it points to is replaced. Returns the path and what stands there now.
 */
async function landing(target: string): Promise<{ path: string; kind: 'none' | 'file' | 'special' }> {
  let path = resolve(target);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    // Synchronous, to be told "no such file" without an exception: a batch writes a thousand new
    // files, and building an error for each showed in its profile. Other errors still throw.
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (!info) return { path, kind: 'none' };
    if (info.isSymbolicLink()) {
      const final = statSync(path, { throwIfNoEntry: false });
      // A dangling link: follow it by hand to the file it names, which the write creates.
      if (!final) {
        path = followLink(path);
        continue;
      }
      if (final.isDirectory()) throw errnoError('EISDIR', `is a directory: ${path}`);
      // /dev/stdout and the like end in a pipe or terminal that has no path of its own.
      if (!final.isFile()) return { path, kind: 'special' };
      return { path: await realpath(path), kind: 'file' };
    }
    if (info.isDirectory()) throw errnoError('EISDIR', `is a directory: ${path}`);
    return { path, kind: info.isFile() ? 'file' : 'special' };
  }
  throw errnoError('ELOOP', `too many symbolic links: ${target}`);
}

/**
 * A device, FIFO or socket (/dev/null, /dev/stdout, a named pipe) is written into, never
 * replaced. A FIFO is opened only when something reads it, so the write cannot hang on it.
 */
async function writeInto(path: string, data: string | Uint8Array): Promise<void> {
  const info = await stat(path);
  // ENXIO at once when no reader has the FIFO open. Kept open until the blocking handle is: were
  // it closed first, the reader would see its only writer leave, and end.
  const probe = info.isFIFO() ? await open(path, constants.O_WRONLY | constants.O_NONBLOCK) : undefined;
  try {
    const handle = await open(path, constants.O_WRONLY | (info.isFile() ? constants.O_TRUNC : 0));
    await probe?.close();
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
  } finally {
    await probe?.close().catch(() => undefined);
  }
}

const swept = new Set<string>();

/**
 * Remove the temporary files that a killed writer (SIGKILL, power cut) left in `dir`: ours by
 * their name, and stale because the process that made them is gone. Once per folder and process.
 */
export async function sweepStaleTemps(dir: string): Promise<void> {
  if (swept.has(dir)) return;
  swept.add(dir);
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const pid = Number(TEMP.exec(name)?.[2]);
      if (!Number.isInteger(pid) || pid <= 0 || pid === ownPid || isAlive(pid)) return;
      await rm(join(dir, name), { force: true }).catch(() => undefined);
    }),
  );
}

/**
 * Write a file so that readers see either the old content or the whole new content, never a
 * truncated one: write a temporary file beside it, flush it, then rename it over the target.
 * With `exclusive`, refuse (EEXIST) when the target already exists. A symbolic link is followed;
 * a device or FIFO is written into (see landing and writeInto). `fs` replaces the calls that
 * publish the temporary file, e.g. with ones that fail the way a full disk or a crash would.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: { exclusive?: boolean; fs?: PublishFs } = {},
): Promise<void> {
  const fs = options.fs ?? defaultFs;
  const { path, kind } = await landing(target);
  if (kind !== 'none' && options.exclusive) throw errnoError('EEXIST', `file already exists: ${target}`);
  if (kind === 'special') return writeInto(path, data);

  const dir = dirname(path);
  await ensureDir(dir);
  await sweepStaleTemps(dir);
  const temp = join(dir, tempName(path));
  // Synchronous calls but for fsync, the only one that waits for the device: each asynchronous
  // call is a round trip through libuv's thread pool, and in a batch build on a virtual machine
  // the six trips a file cost more CPU than the calls themselves (see readLimited).
  const fd = openSync(temp, 'wx');
  let isOpen = true;
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.length;) {
      at += writeSync(fd, bytes, at, Math.min(WRITE_CHUNK, bytes.length - at));
    }
    await new Promise<void>((done, fail) => fsync(fd, (error) => (error ? fail(error) : done())));
    // Closed once only: file descriptors are the process's, and a number closed twice may by then
    // belong to a file another thread opened.
    isOpen = false;
    closeSync(fd);
  } catch (error) {
    if (isOpen) closeQuietly(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  try {
    if (options.exclusive) {
      // link() fails with EEXIST instead of replacing, which rename() would do silently.
      await fs.link(temp, path);
      rmSync(temp, { force: true });
    } else {
      await fs.rename(temp, path);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing: the first error is the one to report.
  }
}

export async function pathExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
