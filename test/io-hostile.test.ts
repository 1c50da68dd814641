// Writing and reading in hostile places: devices, FIFOs, links, /proc, names at the file
// system's limit, and temporary files stranded by a killed writer.
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepStaleTemps, writeFileAtomic } from '../src/io/atomic.js';
import { ensureDir, removeIfEmpty } from '../src/io/dirs.js';
import { truncateUtf8 } from '../src/io/names.js';
import { readLimited } from '../src/io/read.js';
import { tempDir } from './helpers/cli.js';

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

describe('writeFileAtomic in hostile places', () => {
  it('writes through a link to /dev/null without replacing the link', async () => {
    const dir = tempDir();
    const link = join(dir, 'report.txt');
    symlinkSync('/dev/null', link);
    await writeFileAtomic(link, 'báo cáo\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('/dev/null');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });

  it('writes into a FIFO that has a reader, and leaves it a FIFO', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    mkfifo(fifo);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.setEncoding('utf8').on('data', (chunk: string) => (got += chunk));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    // Wait until cat has the FIFO open for reading.
    for (let i = 0; i < 200; i++) {
      const opened = await writeFileAtomic(fifo, 'qua ống\n').then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENXIO') throw error;
          return false;
        },
      );
      if (opened) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await closed;
    expect(got).toBe('qua ống\n');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('refuses at once, ENXIO, a FIFO nobody reads, instead of hanging', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    mkfifo(fifo);
    await expect(writeFileAtomic(fifo, 'x')).rejects.toMatchObject({ code: 'ENXIO' });
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('follows a link to a regular file: the file is replaced, the link stays', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.txt'), 'old');
    symlinkSync('real.txt', join(dir, 'link.txt'));
    await writeFileAtomic(join(dir, 'link.txt'), 'new');
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe('new');
  });

  it('creates the file a dangling link names, as a shell would', async () => {
    const dir = tempDir();
    symlinkSync('sub/target.txt', join(dir, 'link.txt'));
    await writeFileAtomic(join(dir, 'link.txt'), 'new');
    expect(readFileSync(join(dir, 'sub', 'target.txt'), 'utf8')).toBe('new');
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
  });

  it('refuses exclusive writes onto a device, and a folder, without touching them', async () => {
    const dir = tempDir();
    symlinkSync('/dev/null', join(dir, 'null'));
    await expect(writeFileAtomic(join(dir, 'null'), 'x', { exclusive: true })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    mkdirSync(join(dir, 'folder'));
    await expect(writeFileAtomic(join(dir, 'folder'), 'x')).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('writes a file whose name is at the 255-byte limit, its temporary name kept within it', async () => {
    const dir = tempDir();
    const name = `${'ệ'.repeat(83)}.docx`; // 83 × 3 bytes + 5 = 254 bytes
    await writeFileAtomic(join(dir, name), 'x');
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('fails at once inside /proc, where recursive mkdir would spin', async () => {
    await expect(writeFileAtomic('/proc/kehoach-khong-co/sub/r.txt', 'x')).rejects.toMatchObject({ code: 'EINVAL' });
    await expect(ensureDir('/proc/kehoach-khong-co')).rejects.toMatchObject({ code: 'EINVAL' });
  });

  it('removes temporary files whose writer is gone, and keeps a live writer’s', async () => {
    const dir = tempDir();
    // A pid that no process has: the largest the kernel allows, plus one.
    const deadPid = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8')) + 1;
    writeFileSync(join(dir, `.a.docx.${deadPid}-0123456789ab.tmp`), 'stranded');
    writeFileSync(join(dir, `.b.docx.${process.pid}-0123456789ab.tmp`), 'live');
    writeFileSync(join(dir, `.c.docx.tmp`), 'not ours');
    await sweepStaleTemps(dir);
    expect(readdirSync(dir).sort()).toEqual([`.b.docx.${process.pid}-0123456789ab.tmp`, '.c.docx.tmp']);
  });
});

describe('ensureDir and removeIfEmpty', () => {
  it('makes the missing folders, says which, and removes them again while empty', async () => {
    const dir = tempDir();
    const made = await ensureDir(join(dir, 'a', 'b', 'c'));
    expect(made).toEqual([join(dir, 'a'), join(dir, 'a', 'b'), join(dir, 'a', 'b', 'c')]);
    await removeIfEmpty(made);
    expect(existsSync(join(dir, 'a'))).toBe(false);
  });
});

describe.each([
  ['asynchronous', false],
  ['synchronous (worker threads)', true],
])('readLimited, %s', (_, sync) => {
  const read = (path: string, limit: number): ReturnType<typeof readLimited> => readLimited(path, limit, { sync });

  it('refuses a device without reading it', async () => {
    await expect(read('/dev/zero', 1024)).rejects.toMatchObject({ code: 'ENOTREG' });
  });

  it('refuses a FIFO without waiting for a writer, and a folder', async () => {
    const dir = tempDir();
    mkfifo(join(dir, 'plan.yaml'));
    await expect(read(join(dir, 'plan.yaml'), 1024)).rejects.toMatchObject({ code: 'ENOTREG' });
    await expect(read(dir, 1024)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('reads at most the limit, whatever the size stat reports', async () => {
    // /proc files report size 0 yet hold bytes.
    const small = await read('/proc/self/status', 1 << 20);
    expect('bytes' in small && small.bytes.length > 0).toBe(true);
    const capped = await read('/proc/self/status', 10);
    expect(capped).toEqual({ tooLarge: expect.any(Number) });
  });

  it('reads a file whole up to the limit and refuses one byte more', async () => {
    const dir = tempDir();
    const cases: [string, number][] = [
      ['empty', 0],
      ['small', 5],
      ['at-limit', 200_000],
      ['over-limit', 200_001],
    ];
    for (const [name, size] of cases) {
      const bytes = Buffer.alloc(size, name.charCodeAt(0));
      writeFileSync(join(dir, name), bytes);
      const result = await read(join(dir, name), 200_000);
      if (size > 200_000) expect(result).toEqual({ tooLarge: size });
      else expect('bytes' in result && Buffer.from(result.bytes).equals(bytes)).toBe(true);
    }
  });
});

describe('truncateUtf8', () => {
  it('cuts on a character boundary, never inside a Vietnamese letter', () => {
    expect(truncateUtf8('Quảng Trị', 6)).toBe('Quản');
    expect(truncateUtf8('Quảng Trị', 5)).toBe('Quả');
    expect(truncateUtf8('Quảng Trị', 4)).toBe('Qu');
    expect(truncateUtf8('abc', 10)).toBe('abc');
  });
});
