import { describe, expect, it } from 'vitest';
import { CASES, CHECK_FIXTURES, type CliCase } from './cli-cases.js';
import { type CliResult, normalizePaths, runCli, tempDir } from './helpers/cli.js';
import { writeFiles } from './helpers/build.js';
import { runMain } from './helpers/in-process.js';

const STACK_FRAME = '    at ';

function folderFor(test: CliCase): string {
  if (!test.files) return test.cwd ?? CHECK_FIXTURES;
  const dir = tempDir('kehoach-cli-case-');
  writeFiles(dir, test.files());
  test.setup?.(dir);
  return dir;
}

function judge(test: CliCase, result: CliResult, cwd: string): void {
  const { want } = test;
  const shown = normalizePaths(`${result.stdout}\n--- stderr ---\n${result.stderr}`, cwd);
  expect(result.code, shown).toBe(want.code);
  if (want.stdoutIs !== undefined) expect(normalizePaths(result.stdout, cwd)).toBe(want.stdoutIs);
  for (const pattern of want.stdout ?? []) expect(result.stdout, shown).toMatch(pattern);
  for (const pattern of want.notStdout ?? []) expect(result.stdout, shown).not.toMatch(pattern);
  for (const pattern of want.stderr ?? []) expect(result.stderr, shown).toMatch(pattern);
  expect(result.stderr).not.toContain(STACK_FRAME);
  expect(result.stderr).not.toContain('lỗi nội bộ');
  // Piped output is never coloured.
  expect(result.stdout).not.toContain('\u001b[');
}

// Timings differ from run to run; nothing else may.
const stable = (text: string): string => text.replace(/trong \d+,\d\d giây/g, 'trong <t> giây');

describe('command-line cases, in-process', () => {
  it.each(CASES)('$name', async (test) => {
    const cwd = folderFor(test);
    judge(test, await runMain(test.args, { cwd }), cwd);
    test.after?.(cwd);
  });
});

describe('command-line cases, through the built bin', () => {
  it.each(CASES.filter((test) => test.spawn))('$name', async (test) => {
    const cwd = folderFor(test);
    const spawned = await runCli(test.args, { cwd });
    judge(test, spawned, cwd);
    const here = await runMain(test.args, { cwd: folderFor(test) });
    expect({ code: spawned.code, stdout: stable(spawned.stdout), stderr: stable(spawned.stderr) }).toEqual({
      code: here.code,
      stdout: stable(here.stdout),
      stderr: stable(here.stderr),
    });
  });
});
