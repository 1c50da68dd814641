import { mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { displayPath, expandPaths, finalPaths } from '../src/io/paths.js';
import { tempDir } from './helpers/cli.js';

let cwd: string;

function touch(...relatives: string[]): void {
  for (const rel of relatives) {
    const path = join(cwd, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, 'version: 1\n');
  }
}

async function displays(inputs: string[], base = cwd): Promise<string[]> {
  return (await expandPaths(inputs, { cwd: base })).files.map((f) => f.display);
}

async function failure(inputs: string[]): Promise<UserError> {
  const error = await expandPaths(inputs, { cwd }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

beforeEach(() => {
  cwd = tempDir('kehoach-paths-');
});

afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
});

describe('expandPaths', () => {
  it('takes a named file whatever its extension, with its absolute path', async () => {
    touch('ghi-chu.txt');
    const { files } = await expandPaths(['ghi-chu.txt'], { cwd });
    expect(files).toEqual([{ absolute: join(cwd, 'ghi-chu.txt'), display: 'ghi-chu.txt' }]);
  });

  it('walks a folder for *.yaml and *.yml, sorted, skipping node_modules, dot-folders and drafts', async () => {
    touch(
      'plans/b.yaml',
      'plans/a.YML',
      'plans/sub/c.yml',
      'plans/sub/deeper/d.yaml',
      'plans/README.md',
      'plans/e.draft.yaml',
      'plans/node_modules/pkg/x.yaml',
      'plans/.git/y.yaml',
      'plans/.cache/z.yaml',
    );
    expect(await displays(['plans'])).toEqual([
      'plans/a.YML',
      'plans/b.yaml',
      'plans/sub/c.yml',
      'plans/sub/deeper/d.yaml',
    ]);
  });

  it('checks a draft that is named directly', async () => {
    touch('plans/e.draft.yaml');
    expect(await displays(['plans/e.draft.yaml'])).toEqual(['plans/e.draft.yaml']);
  });

  it('matches glob patterns, skipping node_modules and drafts', async () => {
    touch(
      'plans/2023/a.yaml',
      'plans/2022/b.yaml',
      'plans/2022/b.draft.yaml',
      'plans/node_modules/c.yaml',
      'plans/x.txt',
    );
    expect(await displays(['plans/**/*.yaml'])).toEqual(['plans/2022/b.yaml', 'plans/2023/a.yaml']);
    expect(await displays(['plans/*/{a,b}.yaml'])).toEqual(['plans/2022/b.yaml', 'plans/2023/a.yaml']);
  });

  it('takes an existing path literally even when it holds glob characters', async () => {
    touch('[2024].yaml', '2.yaml');
    expect(await displays(['[2024].yaml'])).toEqual(['[2024].yaml']);
  });

  it('keeps the order of the arguments and lists a file reached twice once, where it first appeared', async () => {
    touch('plans/a.yaml', 'plans/b.yaml', 'z.yaml');
    symlinkSync(join(cwd, 'plans', 'a.yaml'), join(cwd, 'link.yaml'));
    const result = await displays([
      'z.yaml',
      'plans/b.yaml',
      'plans',
      './plans/a.yaml',
      'link.yaml',
      'plans/*.yaml',
      'z.yaml',
    ]);
    expect(result).toEqual(['z.yaml', 'plans/b.yaml', 'plans/a.yaml']);
  });

  it('survives a symbolic-link cycle inside a folder', async () => {
    touch('plans/a.yaml');
    symlinkSync(join(cwd, 'plans'), join(cwd, 'plans', 'loop'));
    expect(await displays(['plans'])).toEqual(['plans/a.yaml']);
  });

  it('names files outside cwd by their absolute path', async () => {
    touch('outside/a.yaml', 'work/b.yaml');
    const work = join(cwd, 'work');
    expect(await displays(['../outside/a.yaml', 'b.yaml'], work)).toEqual([join(cwd, 'outside', 'a.yaml'), 'b.yaml']);
  });

  it('accepts absolute paths and absolute patterns', async () => {
    touch('plans/a.yaml', 'plans/b.yaml');
    expect(await displays([join(cwd, 'plans', 'a.yaml'), join(cwd, 'plans', '*.yaml')])).toEqual([
      'plans/a.yaml',
      'plans/b.yaml',
    ]);
  });

  it('refuses a path that does not exist, naming it, with exit code 2', async () => {
    const error = await failure(['khong-co.yaml']);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('"khong-co.yaml"');
    expect(error.message).toContain('không tìm thấy');
    expect(error.message).toContain('kehoach init khong-co.yaml');
  });

  it('refuses a folder without plan files, and says what to do', async () => {
    touch('empty/README.md', 'empty/only.draft.yaml');
    const error = await failure(['empty']);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('"empty"');
    expect(error.message).toContain('không có tệp kế hoạch nào');
    expect(error.message).toContain('kehoach init empty/ke-hoach.yaml');
  });

  it('refuses a pattern that matches nothing', async () => {
    touch('plans/a.yaml');
    const error = await failure(['plans/**/*.yml']);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('"plans/**/*.yml"');
    expect(error.message).toContain('không khớp tệp nào');
  });

  it('stops at the first argument that yields nothing, even after good ones', async () => {
    touch('a.yaml');
    const error = await failure(['a.yaml', 'thieu']);
    expect(error.message).toContain('"thieu"');
  });
});

describe('displayPath', () => {
  it('is relative with forward slashes under cwd, absolute elsewhere', () => {
    expect(displayPath(join(cwd, 'a', 'b.yaml'), cwd)).toBe('a/b.yaml');
    expect(displayPath(join(dirname(cwd), 'x.yaml'), cwd)).toBe(join(dirname(cwd), 'x.yaml'));
    // A sibling folder whose name starts with ".." is still under cwd.
    expect(displayPath(join(cwd, '..hidden', 'x.yaml'), cwd)).toBe('..hidden/x.yaml');
  });
});

describe('finalPaths', () => {
  beforeEach(() => {
    cwd = realpathSync(tempDir());
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  it('resolves links to files and folders, and a file not written yet through its folder', () => {
    touch('real/a.yaml');
    symlinkSync('real', join(cwd, 'linked'));
    symlinkSync('real/a.yaml', join(cwd, 'a-link.yaml'));
    symlinkSync('real/not-yet.docx', join(cwd, 'dangling.docx'));
    const resolved = finalPaths([
      join(cwd, 'linked', 'a.yaml'),
      join(cwd, 'a-link.yaml'),
      join(cwd, 'linked', 'new.docx'),
      join(cwd, 'linked', 'other.docx'),
      join(cwd, 'dangling.docx'),
      join(cwd, 'missing-folder', 'x.docx'),
    ]);
    expect(resolved).toEqual([
      join(cwd, 'real', 'a.yaml'),
      join(cwd, 'real', 'a.yaml'),
      join(cwd, 'real', 'new.docx'),
      join(cwd, 'real', 'other.docx'),
      // A dangling link is named by its own folder, as an output not written yet.
      join(cwd, 'dangling.docx'),
      join(cwd, 'missing-folder', 'x.docx'),
    ]);
  });
});
