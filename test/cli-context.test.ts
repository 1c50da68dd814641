// The context main() passes to a command keeps the caller's getters: a command that never writes
// to stderr or reads stdin must not make them exist (process.stdin would load net and hold the
// event loop).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';

describe('the context a command gets', () => {
  it('keeps its getters: a check asks for neither stdin nor stderr, and they are never built', async () => {
    const asked: string[] = [];
    let out = '';
    const context = {
      cwd: process.cwd(),
      env: { NO_COLOR: '1' },
      get stdout() {
        asked.push('stdout');
        return { write: (chunk: string) => ((out += chunk), true), isTTY: false };
      },
      get stderr() {
        asked.push('stderr');
        return { write: () => true, isTTY: false };
      },
      get stdinIsTTY() {
        asked.push('stdinIsTTY');
        return false;
      },
      get stdin(): never {
        asked.push('stdin');
        throw new Error('stdin was built');
      },
      now: () => new Date(2026, 5, 1),
    };
    const code = await main([`check`, resolve(import.meta.dirname, '..', 'examples', 'quang-tri-2022.yaml')], context);
    expect(code).toBe(0);
    expect(out).toContain('Không có vấn đề nào');
    expect(asked.filter((name) => name !== 'stdout')).toEqual([]);
  });
});
