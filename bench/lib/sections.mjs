// The four parts of the bench. Each takes the shared context and returns plain data for the
// results file; run counts shrink with --quick.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeHostileShapes, writeWorstCase } from './corpus.mjs';
import { HarnessError, series } from './measure.mjs';

const NODE = process.execPath;

async function countFiles(dir, ext) {
  const entries = await readdir(dir, { recursive: true }).catch(() => []);
  return entries.filter((e) => e.endsWith(ext)).length;
}

// No colours or progress bars: stdout is not a terminal, and NO_COLOR makes sure of it.
function env() {
  return { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
}

export async function benchStartup(ctx) {
  const bin = path.join(ctx.root, 'bin', 'kehoach.js');
  const runs = ctx.quick ? 5 : 15;
  const warmups = 2;
  const one = ctx.corpus[1].files[0];
  const cmd = (args) => () => ({ cmd: NODE, args, cwd: ctx.root, env: env() });
  ctx.log(
    `[khởi động] node -e 0, kehoach --help, kehoach check 1 tệp: ${warmups} lần khởi động + ${runs} lần đo mỗi lệnh`,
  );
  const node = await series('node -e 0', cmd(['-e', '0']), { warmups, runs });
  const help = await series('kehoach --help', cmd([bin, '--help']), { warmups, runs });
  const check1 = await series('kehoach check', cmd([bin, 'check', one]), { warmups, runs });
  return { node, help, check1, helpOverNodeMs: help.medianMs - node.medianMs };
}

export async function benchCheck(ctx) {
  const bin = path.join(ctx.root, 'bin', 'kehoach.js');
  const runs = ctx.quick ? 2 : 5;
  ctx.log(`[check] 1.000 kế hoạch: 1 lần khởi động + ${runs} lần đo`);
  const s = await series(
    'kehoach check 1000',
    () => ({ cmd: NODE, args: [bin, 'check', ctx.corpus[1000].yamlDir], cwd: ctx.root, env: env() }),
    { warmups: 1, runs },
  );
  return { plans: 1000, ...s };
}

// Issue 9: one file under the size limit must not take minutes (it took over 120 s when every
// unknown key was located by a scan of its map). The report is capped, so stdout stays small.
// With `yamlError`, the same file ends in a YAML mistake, which only `yaml` can place.
export async function benchCheckWorst(ctx, { yamlError = false } = {}) {
  const bin = path.join(ctx.root, 'bin', 'kehoach.js');
  const runs = ctx.quick ? 2 : 5;
  const { file, keys, bytes } = await writeWorstCase(ctx.work, ctx.examples[0], { yamlError });
  const what = yamlError ? 'tệp xấu nhất có lỗi YAML' : 'tệp xấu nhất';
  ctx.log(`[check] ${what} (${keys} khóa lạ, ${bytes} byte): 1 lần khởi động + ${runs} lần đo`);
  // The timed runs discard stdout; this one proves the report is the capped one.
  const probe = spawnSync(NODE, [bin, 'check', file], {
    cwd: ctx.root,
    env: env(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const expected = yamlError ? 'yaml-syntax' : 'too-many-problems';
  if (probe.status !== 1 || !probe.stdout.includes(expected)) {
    throw new HarnessError(
      `kehoach check ${path.basename(file)}: mã thoát ${probe.status}, báo cáo không có dòng ${expected}\n${probe.stderr}`,
    );
  }
  const s = await series(
    `kehoach check ${path.basename(file, '.yaml')}`,
    () => ({ cmd: NODE, args: [bin, 'check', file], cwd: ctx.root, env: env() }),
    {
      warmups: 1,
      runs,
      exitCode: 1,
    },
  );
  return { plans: 1, keys, bytes, ...s };
}

// Issue 9: "any file under the size limit". Each shape defeats one shortcut of the loader; the
// report of each is checked to be a report (exit 1, a located first line), not a crash.
export async function benchCheckShapes(ctx) {
  const bin = path.join(ctx.root, 'bin', 'kehoach.js');
  const runs = ctx.quick ? 1 : 3;
  const shapes = await writeHostileShapes(ctx.work, ctx.examples[0]);
  ctx.log(`[check] ${shapes.length} dạng tệp 2 MB khác: ${runs} lần đo mỗi dạng`);
  const results = [];
  for (const shape of shapes) {
    const probe = spawnSync(NODE, [bin, 'check', shape.file], { cwd: ctx.root, env: env(), encoding: 'utf8' });
    if (probe.status !== 1 || !/^\s+\d+:\d+\s/mu.test(probe.stdout)) {
      throw new HarnessError(`kehoach check ${shape.name}.yaml: mã thoát ${probe.status}\n${probe.stderr}`);
    }
    const s = await series(
      `kehoach check ${shape.name}`,
      () => ({ cmd: NODE, args: [bin, 'check', shape.file], cwd: ctx.root, env: env() }),
      { warmups: 0, runs, exitCode: 1 },
    );
    results.push({ ...s, name: shape.name, label: shape.label, bytes: shape.bytes, plans: 1 });
  }
  return results;
}

function buildRuns(plans, quick) {
  if (plans === 1) return quick ? 2 : 3;
  if (plans === 100) return quick ? 1 : 3;
  return quick ? 1 : 2;
}

export async function benchBuild(ctx) {
  const bin = path.join(ctx.root, 'bin', 'kehoach.js');
  const jobsList = ctx.cores > 1 ? [1, ctx.cores] : [1];
  const results = [];
  let seq = 0;
  const outRoot = path.join(ctx.work, 'out');

  const buildSeries = async (plans, jobs, warmups, runs) => {
    const outs = [];
    return series(
      `kehoach build ${plans} --jobs ${jobs}`,
      (i) => ({
        cmd: NODE,
        args: [bin, 'build', ctx.corpus[plans].yamlDir, '--out', outs[i], '--jobs', String(jobs)],
        cwd: ctx.root,
        env: env(),
      }),
      {
        warmups,
        runs,
        // A fresh, empty folder per run: nothing to overwrite, nothing left from the last run.
        prepare: async (i) => {
          if (i > 0) await rm(outs[i - 1], { recursive: true, force: true });
          outs[i] = path.join(outRoot, `run-${seq++}`);
        },
        verify: async (_result, i) => {
          const written = await countFiles(outs[i], '.docx');
          if (written !== plans) {
            throw new HarnessError(`kehoach build ${plans} --jobs ${jobs}: ghi ${written} tệp .docx thay vì ${plans}`);
          }
        },
      },
    );
  };

  ctx.log('[build] khởi động: dựng 100 kế hoạch một lần (không tính)');
  await buildSeries(100, ctx.cores, 1, 0);
  for (const plans of [1, 100, 1000]) {
    for (const jobs of jobsList) {
      const runs = buildRuns(plans, ctx.quick);
      ctx.log(`[build] ${plans} kế hoạch, --jobs ${jobs}: ${runs} lần đo`);
      const s = await buildSeries(plans, jobs, plans === 1 ? 1 : 0, runs);
      results.push({ plans, jobs, plansPerSecond: (plans * 1000) / s.medianMs, ...s });
    }
  }
  await rm(outRoot, { recursive: true, force: true });
  return results;
}

function pandocAvailable() {
  const probe = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  return probe.error || probe.status !== 0 ? null : probe.stdout.split('\n')[0].trim();
}

// What a user would type: one pandoc process per file, in a shell loop or through xargs.
const SEQUENTIAL_LOOP = 'cd "$1" && for f in *.md; do pandoc "$f" -o "$2/${f%.md}.docx" || exit 1; done';
const PARALLEL_LOOP = 'cd "$1" && printf "%s\\0" *.md | xargs -0 -P "$3" -I{} pandoc {} -o "$2/{}.docx"';

function estimateFrom(s, factor) {
  return {
    label: s.label.replace(/\d+$/, ''),
    estimated: true,
    runs: 0,
    medianMs: s.medianMs * factor,
    p90Ms: null,
    peakRssKB: s.peakRssKB,
  };
}

export async function benchPandoc(ctx) {
  const version = pandocAvailable();
  if (!version) return { available: false, note: 'pandoc không có trên máy này: bỏ qua', sequential: [], parallel: [] };
  const outRoot = path.join(ctx.work, 'pandoc-out');
  let seq = 0;

  const loop = async (script, plans, jobs, runs) => {
    const outs = [];
    return series(
      `pandoc ${jobs > 1 ? `xargs -P ${jobs}` : 'loop'} ${plans}`,
      (i) => ({
        cmd: 'bash',
        args: ['-c', script, 'bench', ctx.corpus[plans].mdDir, outs[i], String(jobs)],
        env: process.env,
      }),
      {
        warmups: 0,
        runs,
        prepare: async (i) => {
          if (i > 0) await rm(outs[i - 1], { recursive: true, force: true });
          outs[i] = path.join(outRoot, `run-${seq++}`);
          await mkdir(outs[i], { recursive: true });
        },
        verify: async (_r, i) => {
          const written = await countFiles(outs[i], '.docx');
          if (written !== plans) throw new HarnessError(`pandoc ${plans}: ghi ${written} tệp .docx thay vì ${plans}`);
        },
      },
    );
  };

  ctx.log(`[pandoc] ${version}: khởi động 1 tệp`);
  await loop(SEQUENTIAL_LOOP, 1, 1, 1);
  const sequential = [];
  const parallel = [];
  const runs = { 1: ctx.quick ? 3 : 5, 100: 1, 1000: 1 };
  for (const plans of [1, 100, 1000]) {
    if (plans === 1000 && ctx.quick) {
      sequential.push({ plans, jobs: 1, ...estimateFrom(sequential.at(-1), 10) });
    } else {
      ctx.log(`[pandoc] vòng lặp tuần tự, ${plans} tệp: ${runs[plans]} lần đo`);
      sequential.push({ plans, jobs: 1, ...(await loop(SEQUENTIAL_LOOP, plans, 1, runs[plans])) });
    }
    if (plans === 1 || ctx.cores < 2) continue;
    if (plans === 1000 && !ctx.full) {
      parallel.push({ plans, jobs: ctx.cores, ...estimateFrom(parallel.at(-1), 10) });
    } else {
      ctx.log(`[pandoc] xargs -P ${ctx.cores}, ${plans} tệp: 1 lần đo`);
      parallel.push({ plans, jobs: ctx.cores, ...(await loop(PARALLEL_LOOP, plans, ctx.cores, 1)) });
    }
  }
  await rm(outRoot, { recursive: true, force: true });
  return { available: true, version, sequential, parallel };
}

// Issue 10: check of Word drafts. The drafts are the corpus's plans built by kehoach itself
// (about 15 pages each with the appendix), judged by every form rule and read back as plans for
// the content rules. Memory is compared between 10 and 100 drafts: it must stay flat.
export async function benchCheckDocx(ctx) {
  const bin = path.join(ctx.root, 'bin', 'kehoach.js');
  const runs = ctx.quick ? 2 : 5;
  const drafts = {};
  for (const count of [10, 100]) {
    const out = path.join(ctx.work, `docx-${count}`);
    await rm(out, { recursive: true, force: true });
    const files = ctx.corpus[100].files.slice(0, count);
    const made = spawnSync(NODE, [bin, 'build', ...files, '--out', out], {
      cwd: ctx.root,
      env: env(),
      encoding: 'utf8',
    });
    if (made.status !== 0 || (await countFiles(out, '.docx')) !== count) {
      throw new HarnessError(`không dựng được ${count} văn bản .docx để đo check: ${made.stderr}`);
    }
    drafts[count] = out;
  }
  ctx.log(`[check] 100 văn bản .docx: 1 lần khởi động + ${runs} lần đo`);
  const hundred = await series(
    'kehoach check 100 .docx',
    () => ({ cmd: NODE, args: [bin, 'check', drafts[100]], cwd: ctx.root, env: env() }),
    { warmups: 1, runs },
  );
  // Memory on one thread, so that the comparison is of batch size alone (100 files start a worker).
  const one = (count) => () => ({
    cmd: NODE,
    args: [bin, 'check', '--jobs', '1', drafts[count]],
    cwd: ctx.root,
    env: env(),
  });
  const ten = await series('kehoach check 10 .docx --jobs 1', one(10), { warmups: 0, runs: 1 });
  const hundredOne = await series('kehoach check 100 .docx --jobs 1', one(100), { warmups: 0, runs: 1 });
  return { drafts: 100, ten, hundredOne, ...hundred };
}
