// The code cache of the command bundles: where it lives, that it is used, and that a missing,
// corrupt or unwritable cache changes nothing but speed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDir, loadCached } from '../src/io/code-cache.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'kehoach.js');
const EXAMPLE = join(ROOT, 'examples', 'quang-tri-2022.yaml');

const made: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-cache-test-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('cacheDir', () => {
  it.each([
    [{ HOME: '/home/an' }, 'linux', '/home/an/.cache/kehoach'],
    [{ HOME: '/home/an', XDG_CACHE_HOME: '/c' }, 'linux', '/c/kehoach'],
    [{ HOME: '/Users/an' }, 'darwin', '/Users/an/Library/Caches/kehoach'],
    [{ LOCALAPPDATA: 'C:\\AppData' }, 'win32', join('C:\\AppData', 'kehoach', 'cache')],
    [{ HOME: '/home/an', KEHOACH_CACHE_DIR: '/x' }, 'linux', '/x'],
    [{ HOME: '/home/an', KEHOACH_NO_CACHE: '1' }, 'linux', undefined],
    [{ HOME: '/home/an', KEHOACH_NO_CACHE: '0' }, 'linux', '/home/an/.cache/kehoach'],
    [{}, 'win32', undefined],
  ])('%j on %s: %s', (env, platform, expected) => {
    expect(cacheDir(env, platform)).toBe(expected);
  });
});

describe('loadCached', () => {
  function bundle(dir: string): string {
    const file = join(dir, 'mod.cjs');
    writeFileSync(
      file,
      'exports.sum = (a, b) => a + b;\nexports.dir = __dirname;\nexports.path = require("node:path").sep;\n',
    );
    return file;
  }

  it('compiles the first time, writes the cache, and takes the code from it next time', async () => {
    const dir = folder();
    const file = bundle(dir);
    const caches = join(dir, 'cache');
    const first = loadCached(file, caches);
    expect(first.fromCache).toBe(false);
    expect((first.exports as { sum: (a: number, b: number) => number }).sum(2, 3)).toBe(5);
    expect(first.exports).toMatchObject({ dir, path: '/' });
    await first.save();
    expect(readdirSync(caches)).toEqual([expect.stringMatching(/^mod\.cjs-[0-9a-f]{12}-[0-9a-f]{16}\.v8cache$/)]);

    const second = loadCached(file, caches);
    expect(second.fromCache).toBe(true);
    expect((second.exports as { sum: (a: number, b: number) => number }).sum(2, 3)).toBe(5);
  });

  it('keeps one cache per installed copy of a file', async () => {
    const caches = join(folder(), 'cache');
    const here = bundle(folder());
    const there = bundle(folder());
    await loadCached(here, caches).save();
    await loadCached(there, caches).save();
    expect(readdirSync(caches)).toHaveLength(2);
  });

  it("removes another install's cache of the same command once it is a month old", async () => {
    const caches = join(folder(), 'cache');
    const here = bundle(folder());
    const there = bundle(folder());
    await loadCached(there, caches).save();
    const [old] = readdirSync(caches);
    const monthAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    utimesSync(join(caches, old!), monthAgo, monthAgo);
    await loadCached(here, caches).save();
    const now = readdirSync(caches);
    expect(now).toHaveLength(1);
    expect(now).not.toContain(old);
  });

  it('never hands V8 data that does not match its hash, and writes it again', async () => {
    const caches = join(folder(), 'cache');
    const file = bundle(folder());
    await loadCached(file, caches).save();
    const [name] = readdirSync(caches);
    const path = join(caches, name!);
    const bytes = readFileSync(path);
    // Bytes flipped in the middle of V8's data, which made V8 crash before the hash was kept.
    bytes.fill(0xff, bytes.length >> 1, (bytes.length >> 1) + 8);
    writeFileSync(path, bytes);
    const loaded = loadCached(file, caches);
    expect(loaded.fromCache).toBe(false);
    await loaded.save();
    expect(readFileSync(path).equals(bytes)).toBe(false);
  });

  it('does not take the code of a bundle changed at the same length and time', async () => {
    const caches = join(folder(), 'cache');
    const dir = folder();
    const file = bundle(dir);
    const first = loadCached(file, caches);
    await first.save();
    const { mtime, atime } = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('a + b', 'a * b'));
    utimesSync(file, atime, mtime);
    const changed = loadCached(file, caches);
    expect(changed.fromCache).toBe(false);
    expect((changed.exports as { sum: (a: number, b: number) => number }).sum(2, 3)).toBe(6);
  });

  it('removes the cache of an earlier version of the file when it writes a new one', async () => {
    const dir = folder();
    const file = bundle(dir);
    const caches = join(dir, 'cache');
    await loadCached(file, caches).save();
    const old = readdirSync(caches);
    writeFileSync(file, `${readFileSync(file, 'utf8')}exports.more = 1;\n`);
    await loadCached(file, caches).save();
    const now = readdirSync(caches);
    expect(now).toHaveLength(1);
    expect(now).not.toEqual(old);
  });

  it('runs without a cache when the folder cannot be written', async () => {
    const dir = folder();
    const file = bundle(dir);
    const blocked = join(dir, 'blocked');
    // A file where the folder should be: mkdir fails whoever runs the test, root included.
    writeFileSync(blocked, '');
    const loaded = loadCached(file, join(blocked, 'cache'));
    await expect(loaded.save()).resolves.toBeUndefined();
    expect((loaded.exports as { sum: (a: number, b: number) => number }).sum(4, 4)).toBe(8);
  });
});

describe('the command line with a cache', () => {
  function kehoach(
    args: string[],
    env: Record<string, string>,
  ): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', ...env },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('writes one cache per command on the first run, then gives the same answers from it', () => {
    const caches = folder();
    const env = { KEHOACH_CACHE_DIR: caches };
    const first = kehoach(['check', EXAMPLE], env);
    expect(first.status).toBe(0);
    expect(readdirSync(caches)).toEqual([expect.stringMatching(/^check\.cjs-.*\.v8cache$/)]);
    const cache = join(caches, readdirSync(caches)[0]!);
    const written = readFileSync(cache);
    expect(kehoach(['check', EXAMPLE], env)).toEqual(first);
    // Used, not written again.
    expect(readFileSync(cache).equals(written)).toBe(true);

    // A corrupt cache: the same answer, and a user error still reads as one (exit 2, no stack).
    // (Only a new process shows this: V8 keeps what it compiled and would not read the file again.)
    writeFileSync(cache, 'garbage');
    expect(kehoach(['check', EXAMPLE], env)).toEqual(first);
    const rewritten = readFileSync(cache);
    expect(rewritten.length, 'written again after V8 refused it').toBeGreaterThan(10_000);
    // Damage in the middle of the data: V8 would crash on it; it is refused by its hash instead.
    const good = readFileSync(cache);
    good.fill(0xff, good.length >> 1, (good.length >> 1) + 8);
    writeFileSync(cache, good);
    expect(kehoach(['check', EXAMPLE], env)).toEqual(first);
    const missing = kehoach(['check', join(caches, 'khong-co.yaml')], env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^kehoach: không tìm thấy/u);
    expect(missing.stderr).not.toMatch(/lỗi nội bộ|at .*\(/u);
  });

  it('runs with no cache folder at all (KEHOACH_NO_CACHE)', () => {
    const out = folder();
    const result = kehoach(['build', EXAMPLE, '--out', out], { KEHOACH_NO_CACHE: '1', HOME: out });
    expect(result.status).toBe(0);
    expect(readdirSync(out)).toEqual(['quang-tri-2022.docx']);
  });
});
