#!/usr/bin/env node
// `node bench/profile.mjs`: runs kehoach under `node --cpu-prof` on the bench corpora and prints
// where the time goes. Profiles stay in bench/results/profiles/<time>/ for Chrome DevTools.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatSummary, summarizeProfile } from './lib/cpuprofile.mjs';
import { loadExamples, writeCorpus } from './lib/corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'kehoach.js');

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    examples: { type: 'string' },
    top: { type: 'string', default: '20' },
  },
});
const cores = os.availableParallelism();

const CASES = {
  help: { what: 'kehoach --help', interval: 100, args: () => ['--help'] },
  check: { what: 'kehoach check 1.000 kế hoạch', interval: 500, args: (c) => ['check', c[1000].yamlDir] },
  build: {
    what: 'kehoach build 100 kế hoạch --jobs 1',
    interval: 500,
    args: (c, out) => ['build', c[100].yamlDir, '--out', out, '--jobs', '1'],
  },
  'build-1000': {
    what: 'kehoach build 1.000 kế hoạch --jobs 1',
    interval: 1000,
    optional: true,
    args: (c, out) => ['build', c[1000].yamlDir, '--out', out, '--jobs', '1'],
  },
  'build-1000-jobs': {
    what: `kehoach build 1.000 kế hoạch --jobs ${cores}`,
    interval: 1000,
    optional: true,
    args: (c, out) => ['build', c[1000].yamlDir, '--out', out, '--jobs', String(cores)],
  },
  'build-jobs': {
    what: `kehoach build 100 kế hoạch --jobs ${cores}`,
    interval: 500,
    args: (c, out) => ['build', c[100].yamlDir, '--out', out, '--jobs', String(cores)],
  },
};

async function main() {
  const only = (values.only ?? []).flatMap((v) => v.split(','));
  const names = only.length ? only : Object.keys(CASES).filter((n) => !CASES[n].optional);
  const unknown = names.filter((n) => !CASES[n]);
  if (unknown.length)
    throw new Error(`--only không nhận "${unknown.join(', ')}": chọn trong ${Object.keys(CASES).join(', ')}`);

  const examples = await loadExamples(path.resolve(values.examples ?? path.join(ROOT, 'examples')));
  const work = await mkdtemp(path.join(os.tmpdir(), 'kehoach-profile-'));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const keep = path.join(ROOT, 'bench', 'results', 'profiles', stamp);
  const report = [];
  try {
    const corpus = { 100: await writeCorpus(work, examples, 100), 1000: await writeCorpus(work, examples, 1000) };
    for (const name of names) {
      const c = CASES[name];
      const dir = path.join(keep, name);
      await mkdir(dir, { recursive: true });
      const out = path.join(work, `out-${name}`);
      process.stderr.write(`[profile] ${c.what} …\n`);
      const run = spawnSync(
        process.execPath,
        ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${c.interval}`, BIN, ...c.args(corpus, out)],
        { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
      );
      if (run.status !== 0) throw new Error(`${c.what} thoát với mã ${run.status}\n${run.stderr.slice(-2000)}`);
      const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort();
      for (const [i, file] of files.entries()) {
        const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
        // Node names each thread's profile CPU.<date>.<pid>.<thread>.<seq>; thread 0 is the main one.
        const thread = file.split('.').at(-3) === '0' ? 'luồng chính' : `luồng phụ ${i}`;
        const summary = summarizeProfile(profile, { root: ROOT, top: Number(values.top) });
        report.push(formatSummary(`${c.what} (${thread}, ${file})`, summary));
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const text = report.join('\n\n');
  await writeFile(path.join(keep, 'summary.txt'), `${text}\n`);
  process.stdout.write(`${text}\n\nHồ sơ CPU: ${path.relative(ROOT, keep)}\n`);
}

main().catch((error) => {
  process.stderr.write(`profile: ${error.message}\n`);
  process.exitCode = 1;
});
