// What `build` tells the user while it works. On a terminal: a progress bar, and the failures
// once the bar is gone; elsewhere (CI logs, pipes): one line per file as it finishes.
import type cliProgress from 'cli-progress';
import pc from 'picocolors';
import type { OutputStream } from '../context.js';

// Written out rather than Intl.NumberFormat('vi-VN'): loading ICU's Vietnamese data costs about
// 13 ms of CPU, a twentieth of a one-plan build. A test holds both to the same output.
function vietnamese(fixed: string): string {
  const [whole = '', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}

/** 1234 → "1.234" (Vietnamese groups thousands with a dot). Counts are whole and never negative. */
export function formatCount(n: number): string {
  return vietnamese(Math.round(n).toFixed(0));
}

/**
 * `x` to two decimals, half away from zero, rounding the shortest decimal that names `x` (as ICU
 * does: 0.995 gives 1.00, where toFixed sees the binary value just below and gives 0.99).
 */
function twoDecimals(x: number): string {
  const shortest = String(x);
  if (!/^\d+(\.\d+)?$/.test(shortest)) return x.toFixed(2); // exponent forms: never a build's duration
  const [whole = '', fraction = ''] = shortest.split('.');
  const cents = BigInt(whole + fraction.slice(0, 2).padEnd(2, '0')) + ((fraction[2] ?? '0') >= '5' ? 1n : 0n);
  const digits = cents.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** 1240 ms → "1,24" (Vietnamese decimal comma). */
export function formatSeconds(ms: number): string {
  return vietnamese(twoDecimals(ms / 1000));
}

export interface Tally {
  made: number;
  failed: number;
  /** Not finished because the user interrupted. */
  pending: number;
  ms: number;
  aborted: boolean;
  pdf: boolean;
}

export function summaryText(t: Tally): string {
  const made = `${formatCount(t.made)} tệp${t.pdf ? ' (.docx và .pdf)' : ''}`;
  const failed = `${formatCount(t.failed)} tệp lỗi`;
  const time = `trong ${formatSeconds(t.ms)} giây`;
  if (t.aborted) {
    return `Đã dừng theo yêu cầu: đã dựng ${made}, ${failed}, ${formatCount(t.pending)} tệp chưa dựng, ${time}.`;
  }
  return `Đã dựng ${made}, ${failed}, ${time}.`;
}

/**
 * Results arrive in the order workers finish; this calls each report in the order of the inputs
 * (index 0, 1, 2, …), holding back the ones that came early.
 */
export function inputOrder(): (index: number, report: () => void) => void {
  const waiting = new Map<number, () => void>();
  let next = 0;
  return (index, report) => {
    waiting.set(index, report);
    for (let ready = waiting.get(next); ready; ready = waiting.get(next)) {
      waiting.delete(next++);
      ready();
    }
  };
}

export interface Reporter {
  /** A phase begins: "Dựng .docx" for all plans, then "Xuất PDF". */
  phase(label: string, total: number): void;
  started(name: string): void;
  succeeded(line: string): void;
  failed(line: string): void;
  /** Stops the bar; failures held back while it ran are printed now. */
  stop(): void;
}

export async function createReporter(stream: OutputStream, color: boolean): Promise<Reporter> {
  const c = pc.createColors(color);
  const ok = (line: string): string => `${c.green('✔')} ${line}\n`;
  const bad = (line: string): string => `${c.red('✖')} ${line}\n`;

  if (!stream.isTTY) {
    return {
      phase: () => undefined,
      started: () => undefined,
      succeeded: (line) => void stream.write(ok(line)),
      failed: (line) => void stream.write(bad(line)),
      stop: () => undefined,
    };
  }

  // Only a terminal gets a bar, so only a terminal loads the bar's package (a seventh of a
  // one-plan build's start-up otherwise).
  const loaded = (await import('cli-progress')) as typeof cliProgress & { default?: typeof cliProgress };
  const progress = loaded.default ?? loaded;
  const held: string[] = [];
  let bar: cliProgress.SingleBar | undefined;
  let done = 0;
  const close = (): void => {
    bar?.stop();
    bar = undefined;
  };
  return {
    phase(label, total) {
      close();
      done = 0;
      bar = new progress.SingleBar(
        {
          // The stream is the CommandContext's, not necessarily process.stderr.
          stream: stream as unknown as NodeJS.WritableStream,
          format: `${label} [{bar}] {value}/{total} {file}`,
          barCompleteChar: '█',
          barIncompleteChar: '░',
          hideCursor: true,
          clearOnComplete: true,
          gracefulExit: false,
          linewrap: false,
        },
        progress.Presets.shades_classic,
      );
      bar.start(total, 0, { file: '' });
    },
    started(name) {
      bar?.update(done, { file: name });
    },
    succeeded() {
      bar?.update(++done);
    },
    failed(line) {
      held.push(bad(line));
      bar?.update(++done);
    },
    stop() {
      close();
      for (const line of held.splice(0)) stream.write(line);
    },
  };
}
