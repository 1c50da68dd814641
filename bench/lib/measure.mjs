// Timing and peak memory of one child process. Peak RSS comes from GNU time (the kernel's
// ru_maxrss for the child, exact) when /usr/bin/time exists, else from sampling the child's own
// high-water mark (VmHWM) in /proc. Build workers are threads, so either sees the whole build.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = existsSync(GNU_TIME);

let rssFileSeq = 0;

function readHwmKB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // gone already: the last sample stands
  }
}

/**
 * Runs `cmd args` once. Resolves with wall milliseconds, exit code, peak RSS in kB (or null when
 * neither method is available) and the tail of stderr for diagnostics.
 */
export async function runOnce(cmd, args, { cwd, env, rss = true } = {}) {
  const useTime = rss && hasGnuTime;
  const rssFile = useTime ? path.join(os.tmpdir(), `kehoach-bench-rss-${process.pid}-${rssFileSeq++}`) : null;
  // %M peak RSS in kB, %U and %S CPU seconds of the child: CPU time is what shared-machine noise
  // disturbs least.
  const argv = useTime ? [GNU_TIME, '-f', '%M %U %S', '-o', rssFile, cmd, ...args] : [cmd, ...args];

  const started = process.hrtime.bigint();
  const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let sampledKB = 0;
  const sampler =
    rss && !useTime && child.pid
      ? setInterval(() => {
          sampledKB = Math.max(sampledKB, readHwmKB(child.pid));
        }, 20)
      : null;

  const code = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (sampler) clearInterval(sampler);

  let rssKB = null;
  let cpuMs = null;
  if (useTime) {
    const text = await readFile(rssFile, 'utf8').catch(() => '');
    await rm(rssFile, { force: true });
    // GNU time puts "Command exited with non-zero status N" before the format when the child fails.
    const match = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(text.trim().split('\n').pop() ?? '');
    if (match) {
      rssKB = Number(match[1]);
      cpuMs = (Number(match[2]) + Number(match[3])) * 1000;
    }
  } else if (sampler) {
    rssKB = sampledKB || null;
  }
  return { ms, code, rssKB, cpuMs, stderr };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export class HarnessError extends Error {}

/**
 * Warm-ups, then timed runs of the same command. `prepare(i)` runs before each run, untimed (for a
 * fresh output folder); `verify(result, i)` throws when the run did not do its job. `exitCode` is
 * the code a run must end with (1 for `check` of a file with problems).
 */
export async function series(
  label,
  makeCommand,
  { warmups = 1, runs = 3, prepare, verify, rss = true, exitCode = 0 } = {},
) {
  const samples = [];
  for (let i = 0; i < warmups + runs; i++) {
    const warm = i < warmups;
    if (prepare) await prepare(i);
    const { cmd, args, cwd, env } = makeCommand(i);
    const result = await runOnce(cmd, args, { cwd, env, rss });
    if (result.code !== exitCode) {
      throw new HarnessError(
        `${label}: "${[cmd, ...args].join(' ')}" exited with ${result.code}\n${result.stderr.trim()}`,
      );
    }
    if (verify) await verify(result, i);
    if (!warm) samples.push(result);
  }
  const times = samples.map((s) => s.ms);
  const rssValues = samples.map((s) => s.rssKB).filter((v) => v !== null);
  const cpuValues = samples.map((s) => s.cpuMs).filter((v) => v !== null);
  return {
    label,
    runs: times.length,
    warmups,
    timesMs: times.map((t) => Math.round(t * 10) / 10),
    medianMs: median(times),
    p90Ms: percentile(times, 90),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    peakRssKB: rssValues.length ? Math.max(...rssValues) : null,
    medianRssKB: rssValues.length ? median(rssValues) : null,
    medianCpuMs: cpuValues.length ? median(cpuValues) : null,
  };
}
