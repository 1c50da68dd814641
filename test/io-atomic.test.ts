// writeFileAtomic's promise: a reader finds the old file or the whole new one, never a part. Each
// test breaks the write where a plain writeFile would leave a truncated target.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { link, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, type PublishFs } from '../src/io/atomic.js';
import { ROOT, tempDir } from './helpers/cli.js';

const OLD = 'the old plan, whole\n'.repeat(1000);
const NEW = 'the new plan, whole\n'.repeat(5000);

/** Publishing calls that fail as a crash or a full disk would, after checking what they were given. */
function failingFs(seen: { temp?: string; content?: string }): PublishFs {
  const fail = async (from: string): Promise<void> => {
    seen.temp = from;
    seen.content = readFileSync(from, 'utf8');
    throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
  };
  return { rename: fail, link: fail };
}

describe('writeFileAtomic', () => {
  it('replaces the target with the whole new content and leaves nothing beside it', async () => {
    const dir = tempDir();
    const target = join(dir, 'ke-hoach.docx');
    writeFileSync(target, OLD);
    await writeFileAtomic(target, NEW);
    expect(readFileSync(target, 'utf8')).toBe(NEW);
    expect(readdirSync(dir)).toEqual(['ke-hoach.docx']);
  });

  it('keeps the old target whole, and removes its temporary file, when the rename fails', async () => {
    const dir = tempDir();
    const target = join(dir, 'ke-hoach.docx');
    writeFileSync(target, OLD);
    const seen: { temp?: string; content?: string } = {};
    await expect(writeFileAtomic(target, NEW, { fs: failingFs(seen) })).rejects.toMatchObject({ code: 'ENOSPC' });
    // The new content was complete in a temporary file beside the target before anything touched it.
    expect(seen.temp).toMatch(/^.*\/\.ke-hoach\.docx\.\d+-[0-9a-f]{12}\.tmp$/);
    expect(seen.content).toBe(NEW);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['ke-hoach.docx']);
  });

  it('creates no target, and leaves no temporary file, when the exclusive link fails', async () => {
    const dir = tempDir();
    const target = join(dir, 'sub', 'ke-hoach.docx');
    const seen: { temp?: string; content?: string } = {};
    await expect(writeFileAtomic(target, NEW, { exclusive: true, fs: failingFs(seen) })).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(seen.content).toBe(NEW);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(join(dir, 'sub'))).toEqual([]);
  });

  it('refuses an existing target when exclusive, keeping it whole', async () => {
    const dir = tempDir();
    const target = join(dir, 'ke-hoach.docx');
    writeFileSync(target, OLD);
    await expect(writeFileAtomic(target, NEW, { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['ke-hoach.docx']);
  });

  it('publishes through the calls it is given, and only after the temporary file is complete', async () => {
    const dir = tempDir();
    const target = join(dir, 'ke-hoach.docx');
    writeFileSync(target, OLD);
    const calls: string[] = [];
    const fs: PublishFs = {
      rename: async (from, to) => {
        calls.push(`rename ${readFileSync(from, 'utf8') === NEW}`);
        await rename(from, to);
      },
      link: async (from, to) => {
        calls.push('link');
        await link(from, to);
      },
    };
    await writeFileAtomic(target, NEW, { fs });
    expect(calls).toEqual(['rename true']);
    expect(readFileSync(target, 'utf8')).toBe(NEW);
  });
});

describe('writeFileAtomic killed mid-write (SIGKILL)', () => {
  // Large enough that the write takes many system calls, so the kill lands inside it.
  const SIZE = 256 * 1024 * 1024;

  it('leaves the old target whole, never a truncated one', async () => {
    const dir = tempDir('kehoach-atomic-');
    try {
      const target = join(dir, 'ke-hoach.docx');
      writeFileSync(target, OLD);
      const atomic = pathToFileURL(join(ROOT, 'dist', 'io', 'atomic.js')).href;
      const script = [
        `import { writeFileAtomic } from ${JSON.stringify(atomic)};`,
        `await writeFileAtomic(${JSON.stringify(target)}, Buffer.alloc(${SIZE}, 0x61));`,
      ].join('\n');
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));

      // Poll until the new bytes are partly on disk, wherever they are being written, then kill.
      const partial = (): number | undefined => {
        for (const name of readdirSync(dir)) {
          const size = statSync(join(dir, name), { throwIfNoEntry: false })?.size ?? 0;
          const changed = name === 'ke-hoach.docx' ? size !== OLD.length : size > 0;
          if (changed && size < SIZE) return size;
        }
        return undefined;
      };
      const deadline = Date.now() + 60_000;
      let killedAt: number | undefined;
      while (killedAt === undefined && Date.now() < deadline && child.exitCode === null) {
        killedAt = partial();
        if (killedAt === undefined) await new Promise((resolve) => setImmediate(resolve));
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(killedAt, 'the kill did not land mid-write').toBeDefined();

      expect(readFileSync(target, 'utf8')).toBe(OLD);
      // What the killed writer leaves is its own temporary file, never a file under the target's name.
      expect(
        readdirSync(dir)
          .filter((name) => name !== 'ke-hoach.docx')
          .every((name) => /^\.ke-hoach\.docx\.\d+-[0-9a-f]{12}\.tmp$/.test(name)),
      ).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
