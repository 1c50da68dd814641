// Running a CommonJS bundle through V8's code cache. Node 20 compiles every module from source on
// every run (its own compile cache arrives in Node 22), and for a one-file `check` or `build`
// compiling kehoach's code is a large share of the run. The first run of a command writes what V8
// compiled, the functions the run called included, to the user's cache folder; later runs hand it
// back to V8. The file's name holds a hash of the source and its first bytes a hash of the data, and
// V8 refuses data made by another V8 or with other flags; in every other case the code is compiled
// as usual and the cache written again.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface CachedModule {
  exports: unknown;
  /** Whether V8 took its code from the cache (else it compiled the source). */
  fromCache: boolean;
  /** Writes the cache when there was none or V8 refused it. Never throws: a cache only saves time. */
  save(): Promise<void>;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The cache folder: KEHOACH_CACHE_DIR, else the platform's per-user cache folder; none when
 * KEHOACH_NO_CACHE is set (to anything but 0) or no home is known. Never a shared folder such as
 * /tmp: whoever can write the cache chooses the code that runs.
 */
export function cacheDir(env: Env, platform: string): string | undefined {
  const off = env['KEHOACH_NO_CACHE'];
  if (off !== undefined && off !== '' && off !== '0') return undefined;
  if (env['KEHOACH_CACHE_DIR']) return env['KEHOACH_CACHE_DIR'];
  if (platform === 'win32') return env['LOCALAPPDATA'] ? join(env['LOCALAPPDATA'], 'kehoach', 'cache') : undefined;
  if (env['XDG_CACHE_HOME']) return join(env['XDG_CACHE_HOME'], 'kehoach');
  const home = env['HOME'] ?? userHome();
  if (!home) return undefined;
  return platform === 'darwin' ? join(home, 'Library', 'Caches', 'kehoach') : join(home, '.cache', 'kehoach');
}

function userHome(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The cache file of a bundle: named by where it is installed (two installs keep one cache each) and
 * by a hash of its text, so that a rebuilt bundle never meets the code of an older one (V8 itself
 * compares only the length of the source).
 */
function cacheFileFor(file: string, source: Uint8Array, dir: string): string {
  return join(dir, `${cachePrefix(file)}${sha256(source).toString('hex').slice(0, 16)}.v8cache`);
}

function cachePrefix(file: string): string {
  return `${basename(file)}-${sha256(dirname(file)).toString('hex').slice(0, 12)}-`;
}

function sha256(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

// A cache file is the SHA-256 of V8's data, then the data. Node 20's V8 does not check the data's
// integrity, and a few flipped bytes make it crash (SIGSEGV) on every later run: data that does
// not match its hash is never handed to V8, and is written again.
const HASH_BYTES = 32;

function readCache(path: string | undefined): Buffer | undefined {
  if (path === undefined) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  if (bytes.length <= HASH_BYTES) return undefined;
  const data = bytes.subarray(HASH_BYTES);
  return sha256(data).equals(bytes.subarray(0, HASH_BYTES)) ? data : undefined;
}

// Caches of earlier versions of the same installed file, and caches of this command that nobody
// has rewritten for a month (an install removed since, such as an old `npx` folder): without this,
// every upgrade would leave one behind. A cache removed while still in use is simply written again.
const STALE_MS = 30 * 24 * 60 * 60 * 1000;

async function removeOlder(current: string, file: string): Promise<void> {
  const { readdir, rm, stat } = await import('node:fs/promises');
  const dir = dirname(current);
  const sameInstall = cachePrefix(file);
  const sameCommand = `${basename(file)}-`;
  const now = Date.now();
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if (path === current || !name.startsWith(sameCommand) || !name.endsWith('.v8cache')) continue;
    // One file that cannot be read or removed does not stop the others.
    const old =
      name.startsWith(sameInstall) ||
      (await stat(path).then(
        (info) => now - info.mtimeMs > STALE_MS,
        () => false,
      ));
    if (old) await rm(path, { force: true }).catch(() => undefined);
  }
}

/** Loads the CommonJS file `file` as require() would, through the code cache in `dir` when given. */
export function loadCached(file: string, dir: string | undefined): CachedModule {
  // The bytes are hashed, not the text: hashing the string encoded it to UTF-8 again (2 ms of
  // the 0.8 MB check bundle, against 0.5 ms). The digest is the same.
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const cachePath = dir === undefined ? undefined : cacheFileFor(file, bytes, dir);
  const cachedData = readCache(cachePath);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    fromCache: !stale,
    save: async () => {
      if (cachePath === undefined || !stale) return;
      try {
        const { writeFileAtomic } = await import('./atomic.js');
        const data = script.createCachedData();
        await writeFileAtomic(cachePath, Buffer.concat([sha256(data), data]));
        await removeOlder(cachePath, file);
      } catch {
        // A read-only home or a full disk costs speed, nothing else.
      }
    },
  };
}
