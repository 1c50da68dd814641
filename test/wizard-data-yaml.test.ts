// Issue 9, item 12: a broken data file under --templates DIR/data/ is reported in Vietnamese, at
// its file:line:column, never with the yaml package's English.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserError } from '../src/errors.js';
import { loadWizardData } from '../src/wizard/data.js';
import { tempDir } from './helpers/cli.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function messageFor(agencies: string): Promise<string> {
  const dir = tempDir('kehoach-data-');
  made.push(dir);
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'agencies.yaml'), agencies);
  try {
    await loadWizardData(dir);
  } catch (error) {
    if (isUserError(error)) return error.message;
    throw error;
  }
  throw new Error('expected a UserError');
}

const ENGLISH = /Map keys|Nested mappings|Implicit keys|must be|are not allowed|Missing closing/u;

describe('data overrides that are not valid YAML', () => {
  it.each([
    ['a repeated key', 'locality:\n  - name: A\nlocality: []\n', 3, 1, 'hai lần'],
    ['a tab for indentation', 'locality:\n\t- name: A\n', 2, 1, 'Tab'],
    ['bad indentation', 'locality:\n  - name: A\n     short: B\n', 3, 6, ''],
    ['a value that contains itself', 'locality:\n  - &a\n    name: A\n    parts: [*a]\n', 4, 13, 'Bí danh `*a`'],
  ])('%s names the file, line and column', async (_, text, line, column, words) => {
    const message = await messageFor(text);
    expect(message).toMatch(new RegExp(`agencies\\.yaml:${line}:${column}: `, 'u'));
    expect(message).toContain(words);
    expect(message).not.toMatch(ENGLISH);
  });
});
