// What a command may touch of the outside world. Only src/cli.ts builds one from `process`;
// tests build their own.

export interface OutputStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal (colours, progress bars, prompts). */
  isTTY?: boolean;
  columns?: number;
}

export interface InputStream {
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface CommandContext {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Whether standard input is a terminal; prompts need it. */
  stdinIsTTY: boolean;
  /** Standard input, for prompts (the wizard reads keys through it). */
  stdin?: InputStream;
  /** Aborted on SIGINT/SIGTERM; long commands stop cleanly and leave nothing half-written. */
  signal?: AbortSignal;
  /** The path of the running kehoach script (argv[1]): tells how to print a command to run again. */
  bin?: string;
  /** The clock, for dates in messages and outputs. */
  now: () => Date;
  verbose?: boolean;
}

export type ExitCode = 0 | 1 | 2;
