// Issue 9, item 12: no English in the top-level help, and its columns still line up.
import { describe, expect, it } from 'vitest';
import { translateHelp } from '../src/cli-messages.js';
import { runCli } from './helpers/cli.js';

describe('kehoach --help', () => {
  it('says [tùy-chọn] in the command list, not [options]', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('[options]');
    expect(result.stdout).toContain('check [tùy-chọn] <đường-dẫn...>');
  });

  it('keeps every description, first lines and continuations, in one column', () => {
    const help = translateHelp(
      [
        'Commands:',
        '  check [options] <p...>  checks the',
        '                          plans',
        '  schema                  prints it',
        '',
        'end',
      ].join('\n'),
    );
    expect(help).toBe(
      [
        'Lệnh:',
        '  check [tùy-chọn] <p...>  checks the',
        '                           plans',
        '  schema                   prints it',
        '',
        'end',
      ].join('\n'),
    );
  });
});
