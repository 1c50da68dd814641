// Runs the command line in this process through main(), with a context that captures output:
// the same code the bin runs, from src, so it can never test a stale dist/.
import { main } from '../../src/cli.js';
import type { CommandContext } from '../../src/context.js';
import type { CliResult } from './cli.js';

export interface InProcessOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  now?: Date;
  stdinIsTTY?: boolean;
  signal?: AbortSignal;
}

export async function runMain(args: readonly string[], options: InProcessOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const context: CommandContext = {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: false },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: false },
    stdinIsTTY: options.stdinIsTTY ?? false,
    now: () => options.now ?? new Date(),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const code = await main(args, context);
  return { code, stdout, stderr };
}
