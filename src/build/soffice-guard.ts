// Runs LibreOffice so that it dies with kehoach (dist/build/soffice-guard.js). soffice is a
// launcher whose soffice.bin child outlives a killed parent; this guard starts it in a process
// group of its own and kills that whole group when kehoach goes away (its end of our stdin
// closes, which happens even when kehoach is killed with SIGKILL), when it is told to stop
// (SIGTERM), or when soffice ends. Usage: node soffice-guard.js SOFFICE ARGS...
// A process entry point of its own, like cli.ts, so it speaks to `process` directly.
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (command === undefined) process.exit(2);

const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
child.stdout.pipe(process.stdout);
child.stderr.pipe(process.stderr);

const killGroup = (): void => {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
};

let done = false;
const stop = (code: number): void => {
  if (done) return;
  done = true;
  killGroup();
  process.exit(code);
};
process.stdin.on('end', () => stop(1));
process.stdin.on('error', () => stop(1));
process.stdin.resume();
process.on('SIGTERM', () => stop(1));
process.on('SIGINT', () => stop(1));
child.on('error', (error) => {
  process.stderr.write(`${(error as NodeJS.ErrnoException).code ?? error.message}\n`);
  stop(127);
});
// soffice.bin may linger in the group after the launcher exits: it goes too.
child.on('close', (code, signal) => stop(code ?? (signal ? 1 : 0)));
