// What the numbers were measured on. Load average is recorded because a shared machine makes
// every timing noisy, and a reader should be able to tell.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

function firstMatch(file, regex) {
  try {
    return regex.exec(readFileSync(file, 'utf8'))?.[1]?.trim() ?? null;
  } catch {
    return null;
  }
}

export function toolVersion(cmd, args = ['--version']) {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return result.stdout.split('\n')[0].trim();
}

/** Which code was measured: the commit and how many files differ from it (read-only git). */
export function codeVersion(root) {
  const git = (args) => spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' });
  const head = git(['rev-parse', '--short', 'HEAD']);
  if (head.error || head.status !== 0) return null;
  const status = git(['status', '--porcelain']);
  const changed = status.status === 0 ? status.stdout.split('\n').filter(Boolean).length : null;
  return { commit: head.stdout.trim(), changedFiles: changed };
}

export function machineInfo() {
  const cpu = firstMatch('/proc/cpuinfo', /^model name\s*:\s*(.+)$/m) ?? os.cpus()[0]?.model ?? 'unknown';
  const distro = firstMatch('/etc/os-release', /^PRETTY_NAME="?([^"\n]+)"?$/m);
  return {
    cpu,
    cores: os.availableParallelism(),
    ramGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${distro ?? os.type()} (${os.platform()} ${os.release()}, ${os.arch()})`,
    pandoc: toolVersion('pandoc'),
    loadAvgStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function clockTicks(line) {
  return line.trim().split(/\s+/).slice(1).map(Number);
}

/**
 * CPU time of the whole machine and of this process with its finished children (every measured
 * command is a waited-for child), in clock ticks.
 */
export function cpuSnapshot() {
  try {
    const all = clockTicks(readFileSync('/proc/stat', 'utf8').split('\n')[0]);
    // user nice system idle iowait irq softirq steal: busy is everything but idle and iowait.
    const busy = all.slice(0, 8).reduce((a, b) => a + b, 0) - all[3] - all[4];
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    // Fields 14-17 of proc(5) (utime stime cutime cstime) sit at 11-14 after the name.
    const ours = fields[11] + fields[12] + fields[13] + fields[14];
    return { busy, ours, total: all.slice(0, 8).reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/** Share of the machine's CPU capacity used by processes outside the bench between two snapshots. */
export function otherCpuShare(before, after) {
  if (!before || !after) return 0;
  const total = after.total - before.total;
  const other = after.busy - before.busy - (after.ours - before.ours);
  return total > 0 ? Math.max(0, other / total) : 0;
}
