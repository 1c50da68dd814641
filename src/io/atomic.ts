import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The calls that put the finished temporary file in the target's place (node:fs/promises' by default). */
export interface PublishFs {
  rename(from: string, to: string): Promise<void>;
  link(existing: string, target: string): Promise<void>;
}

const defaultFs: PublishFs = { rename, link };

/**
 * Write a file so that readers see either the old content or the whole new content, never a
 * truncated one: write a temporary file beside it, flush it, then rename it over the target.
 * With `exclusive`, refuse (EEXIST) when the target already exists. `fs` replaces the calls that
 * publish the temporary file, e.g. with ones that fail the way a full disk or a crash would.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: { exclusive?: boolean; fs?: PublishFs } = {},
): Promise<void> {
  const fs = options.fs ?? defaultFs;
  const dir = dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    if (options.exclusive) {
      // link() fails with EEXIST instead of replacing, which rename() would do silently.
      await fs.link(temp, target);
      await rm(temp, { force: true });
    } else {
      await fs.rename(temp, target);
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function pathExists(path: string): Promise<boolean> {
  const { access } = await import('node:fs/promises');
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
