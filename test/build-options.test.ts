import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PLANS_PER_WORKER,
  checkOutDir,
  checkTemplatesDir,
  createOutDir,
  creationDate,
  jobsOrCores,
  threadsFor,
} from '../src/build/options.js';
import { parseJobs } from '../src/pool/jobs.js';
import { UserError } from '../src/errors.js';
import { tempDir } from './helpers/cli.js';

async function userError(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

function syncUserError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

describe('parseJobs', () => {
  it('defaults to the number of cores, within 1..64', () => {
    expect(parseJobs(undefined)).toBeUndefined();
    expect(jobsOrCores(undefined, 6)).toBe(6);
    expect(jobsOrCores(undefined, 0)).toBe(1);
    expect(jobsOrCores(undefined, 200)).toBe(64);
    expect(jobsOrCores(3, 200)).toBe(3);
  });

  it('accepts whole numbers from 1 to 64', () => {
    expect(parseJobs('1')).toBe(1);
    expect(parseJobs(' 8 ')).toBe(8);
    expect(parseJobs('64')).toBe(64);
  });

  it.each(['0', '65', 'abc', '1.5', '-2', '', '2x', '1e1'])('refuses %j with exit 2 and a Vietnamese hint', (value) => {
    const error = syncUserError(() => parseJobs(value));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('--jobs');
    expect(error.message).toContain('từ 1 đến 64');
  });
});

describe('threadsFor', () => {
  it('never exceeds --jobs and starts a worker only for enough plans', () => {
    expect(threadsFor(8, 1)).toBe(1);
    expect(threadsFor(8, 2 * PLANS_PER_WORKER - 1)).toBe(1);
    expect(threadsFor(8, 2 * PLANS_PER_WORKER)).toBe(2);
    expect(threadsFor(8, 1000)).toBe(8);
    expect(threadsFor(1, 1000)).toBe(1);
  });
});

describe('creationDate', () => {
  const now = new Date('2026-05-01T08:00:00Z');
  it('is now without SOURCE_DATE_EPOCH', () => {
    expect(creationDate({}, () => now)).toBe(now);
    expect(creationDate({ SOURCE_DATE_EPOCH: '' }, () => now)).toBe(now);
  });

  it('reads SOURCE_DATE_EPOCH as seconds', () => {
    expect(creationDate({ SOURCE_DATE_EPOCH: '1700000000' }, () => now).toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  it.each(['abc', '-1', '1.5', '99999999999999'])('refuses SOURCE_DATE_EPOCH=%j with exit 2', (value) => {
    const error = syncUserError(() => creationDate({ SOURCE_DATE_EPOCH: value }, () => now));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('SOURCE_DATE_EPOCH');
  });
});

describe('checkOutDir', () => {
  it('accepts an existing folder and a folder still to create', async () => {
    const dir = tempDir();
    expect(await checkOutDir('.', dir)).toBe(dir);
    const later = await checkOutDir('a/b', dir);
    expect(later).toBe(join(dir, 'a', 'b'));
    expect(existsSync(later)).toBe(false);
    await createOutDir(later, 'a/b');
    expect(existsSync(later)).toBe(true);
  });

  it('refuses a file, and a path under a file, with exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const asFile = await userError(checkOutDir('file', dir));
    expect(asFile.exitCode).toBe(2);
    expect(asFile.message).toContain('là một tệp');
    const under = await userError(checkOutDir('file/sub/deeper', dir));
    expect(under.exitCode).toBe(2);
    expect(under.message).toContain('file/sub/deeper');
  });
});

describe('checkTemplatesDir', () => {
  it('accepts a folder and refuses a missing one or a file with exit 2', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'mau'));
    writeFileSync(join(dir, 'tep'), 'x');
    expect(await checkTemplatesDir('mau', dir)).toBe(join(dir, 'mau'));
    expect((await userError(checkTemplatesDir('khong-co', dir))).exitCode).toBe(2);
    expect((await userError(checkTemplatesDir('tep', dir))).message).toContain('là một tệp');
  });
});
