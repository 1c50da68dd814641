#!/usr/bin/env node
// `npm run bench`: start-up, check and build timings of kehoach on this machine, against the
// pandoc loop a user would script instead. Prints a table, writes bench/results/*.json.
// Exit code 1 only when the harness itself fails; a missed target prints MISS.
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadExamples, writeCorpus } from './lib/corpus.mjs';
import { codeVersion, cpuSnapshot, machineInfo, otherCpuShare } from './lib/machine.mjs';
import { HarnessError, hasGnuTime } from './lib/measure.mjs';
import {
  MEASUREMENT_HEADERS,
  TARGET_HEADERS,
  comparisonRows,
  evaluateTargets,
  machineLine,
  markdownTable,
  measurementRows,
  pandocComparison,
  targetRows,
  textTable,
  vi,
} from './lib/report.mjs';
import {
  benchBuild,
  benchCheck,
  benchCheckDocx,
  benchCheckShapes,
  benchCheckWorst,
  benchPandoc,
  benchStartup,
} from './lib/sections.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECTIONS = ['startup', 'check', 'build', 'pandoc'];
const USAGE = `Cách dùng: node bench/run.mjs [--quick] [--full] [--only startup,check,build,pandoc] [--examples <thư-mục>] [--keep] [--in-place]
       node bench/run.mjs --render <kết-quả.json>   in lại bảng (dạng Markdown) của một lần đo đã ghi
  --quick     ít lần chạy hơn, pandoc 1.000 tệp được ước tính từ 100 tệp (để thử nhanh)
  --full      đo cả pandoc xargs trên 1.000 tệp (mặc định ước tính từ 100 tệp)
  --only      chỉ chạy các phần đã nêu (phân tách bằng dấu phẩy, hoặc lặp lại cờ)
  --examples  thư mục chứa các kế hoạch mẫu để nhân bản (mặc định: examples/)
  --keep      giữ lại thư mục tạm chứa kế hoạch và kết quả dựng
  --in-place  đo ngay bản dựng trong dist/ thay vì một bản chụp (bản chụp tránh đo nhầm khi dist/ bị dựng lại giữa chừng)`;

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      examples: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'in-place': { type: 'boolean', default: false },
      render: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const only = (values.only ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const unknown = only.filter((s) => !SECTIONS.includes(s));
  if (unknown.length)
    throw new HarnessError(`--only không nhận "${unknown.join(', ')}": chọn trong ${SECTIONS.join(', ')}`);
  return {
    quick: values.quick,
    full: values.full,
    keep: values.keep,
    inPlace: values['in-place'],
    render: values.render,
    help: values.help,
    sections: new Set(only.length ? only : SECTIONS),
    examplesDir: path.resolve(values.examples ?? path.join(ROOT, 'examples')),
  };
}

const NOISE = 'máy có tải khác trong lúc đo';

// The load average lags by minutes; the CPU others used during the run is what disturbs it.
function noiseNote(otherCpu) {
  return otherCpu > 0.05
    ? [`${NOISE} (tiến trình ngoài bench dùng ${Math.round(otherCpu * 100)}% CPU): các con số có nhiễu`]
    : [];
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

function render(results, cores) {
  const right = new Set([1, 2, 3, 4, 5, 6, 7, 8]);
  const measured = measurementRows(results);
  const targets = targetRows(results.targets);
  const cmpHeaders = [
    'Kế hoạch',
    `kehoach build --jobs ${cores}`,
    'so với pandoc tuần tự',
    `so với pandoc xargs -P ${cores}`,
  ];
  const cmp = comparisonRows(results.comparison);
  const machine = machineLine(results.machine);

  const text = [
    `Máy: ${machine}`,
    ...(results.code ? [`Mã đo: commit ${results.code.commit}, ${results.code.changedFiles} tệp khác commit`] : []),
    `Tải 1/5/15 phút lúc bắt đầu: ${results.machine.loadAvgStart.join(' / ')}; CPU do tiến trình ngoài bench dùng trong lúc đo: ${Math.round(results.otherCpu * 100)}%`,
    '',
    textTable(MEASUREMENT_HEADERS, measured, right),
    'CPU: thời gian CPU (user + sys) của tiến trình, trung vị; ít bị nhiễu hơn thời gian thực khi máy bận.',
    '',
    ...(cmp.length ? [textTable(cmpHeaders, cmp, new Set([1, 2, 3])), ''] : []),
    textTable(TARGET_HEADERS, targets),
    ...results.notes.map((n) => `Ghi chú: ${n}`),
  ].join('\n');

  const markdown = [
    `Đo ngày ${results.date.slice(0, 10)} trên: ${machine}. Tiến trình ngoài bench dùng ${Math.round(results.otherCpu * 100)}% CPU trong lúc đo.`,
    '',
    markdownTable(MEASUREMENT_HEADERS, measured, right),
    '',
    'CPU: thời gian CPU (user + sys) của tiến trình, trung vị. RSS đỉnh: bộ nhớ thường trú cao nhất của tiến trình (gồm các luồng dựng).',
    '',
    ...(cmp.length ? [markdownTable(cmpHeaders, cmp, new Set([1, 2, 3])), ''] : []),
    markdownTable(TARGET_HEADERS, targets),
    '',
    ...results.notes.map((n) => `- ${n}`),
  ].join('\n');
  return { text, markdown };
}

// What `npm run build` just made, copied aside: others rebuilding dist/ during a long run (a
// watch mode, a shared tree) cannot change what is being measured halfway through.
async function snapshot(work) {
  const root = path.join(work, 'kehoach');
  await mkdir(root, { recursive: true });
  for (const part of ['bin', 'dist', 'schemas', 'templates', 'package.json']) {
    await cp(path.join(ROOT, part), path.join(root, part), { recursive: true }).catch((error) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await symlink(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.render) {
    const saved = JSON.parse(await readFile(path.resolve(options.render), 'utf8'));
    saved.targets = evaluateTargets(saved, saved.machine.cores);
    saved.comparison = pandocComparison(saved, saved.machine.cores);
    saved.notes = [...saved.notes.filter((n) => !n.startsWith(NOISE)), ...noiseNote(saved.otherCpu)];
    process.stdout.write(`${render(saved, saved.machine.cores).markdown}\n`);
    return 0;
  }
  const started = Date.now();
  const machine = machineInfo();
  const cpuStart = cpuSnapshot();
  const cores = machine.cores;
  const code = codeVersion(ROOT);
  const results = {
    date: new Date().toISOString(),
    machine,
    code,
    options: { quick: options.quick, full: options.full, sections: [...options.sections] },
    notes: [],
  };
  if (!hasGnuTime) results.notes.push('không có /usr/bin/time: RSS đỉnh lấy mẫu VmHWM mỗi 20 ms');
  if (cores !== 2) results.notes.push(`các mục tiêu đặt cho máy 2 lõi; máy này có ${cores} lõi`);

  const examples = await loadExamples(options.examplesDir).catch((error) => {
    throw new HarnessError(`không đọc được thư mục mẫu ${options.examplesDir}: ${error.message}`);
  });
  if (examples.length === 0) throw new HarnessError(`không có tệp .yaml nào trong ${options.examplesDir}`);

  const work = await mkdtemp(path.join(os.tmpdir(), 'kehoach-bench-'));
  try {
    log(`Tạo kho kế hoạch từ ${examples.length} tệp mẫu trong ${work} …`);
    const needMarkdown = options.sections.has('pandoc');
    const corpus = {};
    for (const n of [1, 100, 1000]) corpus[n] = await writeCorpus(work, examples, n, { markdown: needMarkdown });
    const root = options.inPlace ? ROOT : await snapshot(work);
    const ctx = { root, work, corpus, examples, cores, quick: options.quick, full: options.full, log };

    if (options.sections.has('startup')) results.startup = await benchStartup(ctx);
    if (options.sections.has('check')) {
      results.check = await benchCheck(ctx);
      results.checkWorst = await benchCheckWorst(ctx);
      results.checkWorstYaml = await benchCheckWorst(ctx, { yamlError: true });
      results.checkShapes = await benchCheckShapes(ctx);
      results.checkDocx = await benchCheckDocx(ctx);
    }
    if (options.sections.has('build')) results.build = await benchBuild(ctx);
    if (options.sections.has('pandoc')) results.pandoc = await benchPandoc(ctx);
    if (results.pandoc && !results.pandoc.available) results.notes.push(results.pandoc.note);
    if (results.pandoc?.parallel.some((p) => p.estimated) || results.pandoc?.sequential.some((p) => p.estimated)) {
      results.notes.push(
        'dòng "≈" là ước tính: thời gian pandoc cho 100 tệp × 10 (mỗi tệp một tiến trình nên tăng tuyến tính)',
      );
    }
  } finally {
    if (options.keep) log(`Giữ lại ${work}`);
    else await rm(work, { recursive: true, force: true });
  }

  results.targets = evaluateTargets(results, cores);
  results.comparison = pandocComparison(results, cores);
  results.loadAvgEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  results.durationS = Math.round((Date.now() - started) / 100) / 10;
  results.otherCpu = otherCpuShare(cpuStart, cpuSnapshot());
  results.notes.push(...noiseNote(results.otherCpu));

  const { text, markdown } = render(results, cores);
  process.stdout.write(`\n${text}\n\nThời gian chạy bench: ${vi(results.durationS, 1)} s\n`);

  const dir = path.join(ROOT, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const stamp = results.date.replace(/[:.]/g, '-');
  const json = `${JSON.stringify({ ...results, markdown }, null, 2)}\n`;
  await writeFile(path.join(dir, `bench-${stamp}.json`), json);
  await writeFile(path.join(dir, 'latest.json'), json);
  await writeFile(path.join(dir, 'latest.md'), `${markdown}\n`);
  log(`Đã ghi ${path.relative(ROOT, path.join(dir, `bench-${stamp}.json`))}, latest.json và latest.md`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    const message = error instanceof HarnessError ? error.message : (error?.stack ?? String(error));
    process.stderr.write(`bench: ${message}\n`);
    process.exitCode = 1;
  },
);
