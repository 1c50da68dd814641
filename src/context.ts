// What a command may touch of the outside world. Only src/cli.ts builds one from `process`;
// tests build their own.

export interface OutputStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal (colours, progress bars, prompts). */
  isTTY?: boolean;
  columns?: number;
}

export interface CommandContext {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Whether standard input is a terminal; prompts need it. */
  stdinIsTTY: boolean;
  /** Aborted on SIGINT/SIGTERM; long commands stop cleanly and leave nothing half-written. */
  signal?: AbortSignal;
  /** The path of the running kehoach script (argv[1]): tells how to print a command to run again. */
  bin?: string;
  /** The clock, for dates in messages and outputs. */
  now: () => Date;
  verbose?: boolean;
}

export type ExitCode = 0 | 1 | 2;
