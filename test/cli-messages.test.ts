import { describe, expect, it } from 'vitest';
import { translateError, translateHelp } from '../src/cli-messages.js';

describe('commander output in Vietnamese', () => {
  it('translates help headings, usage tokens, choices and defaults', () => {
    const help = translateHelp(
      'Usage: kehoach check [options] <đường-dẫn...>\n\nArguments:\n  x  y\n\nOptions:\n  -f  z (choices: "a", "b", default: "a")\n\nCommands:\n',
    );
    expect(help).toContain('Cách dùng: kehoach check [tùy-chọn] <đường-dẫn...>');
    expect(help).toContain('Tham số:');
    expect(help).toContain('Tùy chọn:');
    expect(help).toContain('Lệnh:');
    expect(help).toContain('(chọn: "a", "b", mặc định: "a")');
    expect(help).not.toMatch(/Usage|Options|choices|default/);
  });

  it('translates usage errors and suggestions, and leaves unknown phrases readable', () => {
    expect(translateError("error: unknown command 'chek'\n(Did you mean check?)\n")).toBe(
      'kehoach: không có lệnh «chek». Xem các lệnh: kehoach --help\n(có phải ý bạn là check?)\n',
    );
    expect(translateError("error: option '--x <a>' argument 'q' is invalid. Allowed choices are a, b.\n")).toContain(
      'hãy chọn một trong: a, b.',
    );
    expect(translateError('error: something new\n')).toBe('kehoach: lỗi: something new\n');
  });
});
