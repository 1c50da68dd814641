// The bench harness's own pieces: corpus, Markdown baseline, statistics and the targets verdict.
// No timings are asserted here: the bench measures, the tests only check that it measures right.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error plain ESM JavaScript without type declarations
import { PLAN_SIZE_LIMIT, loadExamples, variant, writeCorpus, writeWorstCase } from '../bench/lib/corpus.mjs';
// @ts-expect-error plain ESM JavaScript without type declarations
import { writeHostileShapes } from '../bench/lib/corpus.mjs';
// @ts-expect-error plain ESM JavaScript without type declarations
import { escapeInline, planToMarkdown } from '../bench/lib/markdown.mjs';
// @ts-expect-error plain ESM JavaScript without type declarations
import { median, percentile, runOnce } from '../bench/lib/measure.mjs';
// @ts-expect-error plain ESM JavaScript without type declarations
import { evaluateTargets, markdownTable } from '../bench/lib/report.mjs';
// @ts-expect-error plain ESM JavaScript without type declarations
import { frameModule, summarizeProfile } from '../bench/lib/cpuprofile.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'bench');

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kehoach-bench-test-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('corpus', () => {
  it('writes N distinct plans that differ from their example only in number and title', async () => {
    const examples = await loadExamples(FIXTURES);
    const { files, mdDir } = await writeCorpus(work, examples, 5, { markdown: true });
    expect(files).toHaveLength(5);
    expect(new Set(files.map((f: string) => path.basename(f))).size).toBe(5);
    expect((await readdir(mdDir)).filter((n) => n.endsWith('.md'))).toHaveLength(5);

    const original = parse(await readFile(path.join(FIXTURES, 'plan.yaml'), 'utf8'));
    const plans: Array<{ document: { title: string; number: number } }> = await Promise.all(
      files.map(async (f: string) => parse(await readFile(f, 'utf8'))),
    );
    expect(new Set(plans.map((p) => p.document.title)).size).toBe(5);
    expect(new Set(plans.map((p) => p.document.number)).size).toBe(5);
    for (const plan of plans) {
      expect(plan.document.title.startsWith(original.document.title)).toBe(true);
      expect(plan.document.number).toBeGreaterThanOrEqual(1);
      expect(plan.document.number).toBeLessThanOrEqual(99999);
      expect({ ...plan, document: {} }).toEqual({ ...original, document: {} });
    }
  });

  it('keeps comments and long lines of the example as they were', async () => {
    const [example] = await loadExamples(FIXTURES);
    const text = variant(example, 3).toString({ lineWidth: 0, flowCollectionPadding: false });
    expect(text).toContain('# yaml-language-server');
    expect(text).toContain('partners: [Sở Ngoại vụ]');
  });
});

describe('Markdown baseline', () => {
  it('holds the header, every section, every task and an appendix row per task', async () => {
    const plan = parse(await readFile(path.join(FIXTURES, 'plan.yaml'), 'utf8'));
    const md: string = planToMarkdown(plan);
    expect(md).toContain('**ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ**');
    expect(md).toContain('Số: 05/KH-UBND');
    expect(md).toContain('*Quảng Trị, ngày 08 tháng 02 năm 2023*');
    for (const heading of [
      '## I. MỤC ĐÍCH, YÊU CẦU',
      '## II. NHIỆM VỤ, GIẢI PHÁP',
      '## III. KINH PHÍ THỰC HIỆN',
      '## IV. TỔ CHỨC THỰC HIỆN',
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('**TM. ỦY BAN NHÂN DÂN**\n\n**KT. CHỦ TỊCH**\n\n**PHÓ CHỦ TỊCH**');
    const taskCount = Object.values(plan.tasks as Record<string, unknown[]>).reduce((n, list) => n + list.length, 0);
    const appendix = md.slice(md.indexOf('# Phụ lục'));
    const dataRows = appendix.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(dataRows).toHaveLength(taskCount);
    expect(dataRows.every((r) => r.split(/(?<!\\)\|/).length === 8)).toBe(true);
  });

  it('prints user text as itself, not as Markdown', () => {
    expect(escapeInline('# Tổng hợp *định kỳ* [Bộ] a|b')).toBe('\\# Tổng hợp \\*định kỳ\\* \\[Bộ\\] a\\|b');
    expect(escapeInline('2023. Năm')).toBe('2023\\. Năm');
    expect(escapeInline('- gạch')).toBe('\\- gạch');
  });
});

describe('measurement', () => {
  it('computes median and nearest-rank p90', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
  });

  it('reports the exit code and a peak RSS that grows with what the child allocates', async () => {
    const small = await runOnce(process.execPath, ['-e', '0']);
    const big = await runOnce(process.execPath, ['-e', 'globalThis.b = Buffer.alloc(200 * 2 ** 20, 1)']);
    const failed = await runOnce(process.execPath, ['-e', 'process.stderr.write("boom"); process.exit(3)']);
    expect(small.code).toBe(0);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain('boom');
    expect(small.rssKB).toBeGreaterThan(0);
    expect(big.rssKB - small.rssKB).toBeGreaterThan(150 * 1024);
  });
});

describe('worst case for check', () => {
  it('fills an example with unknown keys up to just under the size limit', async () => {
    const [example] = await loadExamples(FIXTURES);
    const { file, keys, bytes } = await writeWorstCase(work, example);
    const written = await readFile(file);
    expect(written.byteLength).toBe(bytes);
    expect(bytes).toBeLessThan(PLAN_SIZE_LIMIT);
    expect(bytes).toBeGreaterThan(PLAN_SIZE_LIMIT - 64);
    expect(keys).toBeGreaterThan(100000);
  });
});

describe('other shapes of a 2 MB file', () => {
  it('fills each up to just under the size limit, each a file of its own', async () => {
    const [example] = await loadExamples(FIXTURES);
    const shapes = await writeHostileShapes(work, example);
    expect(shapes.length).toBeGreaterThanOrEqual(40);
    expect(new Set(shapes.map((s: { name: string }) => s.name)).size).toBe(shapes.length);
    for (const shape of shapes) {
      const written = await readFile(shape.file);
      expect(written.byteLength, shape.name).toBe(shape.bytes);
      expect(shape.bytes, shape.name).toBeLessThan(PLAN_SIZE_LIMIT);
      expect(shape.bytes, shape.name).toBeGreaterThan(PLAN_SIZE_LIMIT - 1024);
    }
  });
});

describe('targets', () => {
  const series = (medianMs: number, peakRssKB: number | null = null) => ({
    medianMs,
    p90Ms: medianMs,
    runs: 3,
    peakRssKB,
  });

  it('passes, misses or skips each target from the measured numbers', () => {
    const results = {
      startup: { node: series(40), help: series(200), check1: series(80) },
      check: { plans: 1000, ...series(1400) },
      checkWorst: { plans: 1, keys: 190000, ...series(4000) },
      checkWorstYaml: { plans: 1, keys: 190000, ...series(1200) },
      checkShapes: [
        { name: 'a', label: 'a', plans: 1, ...series(900) },
        { name: 'b', label: 'b', plans: 1, ...series(1600) },
      ],
      checkDocx: { drafts: 100, ...series(2500), ten: series(300, 100 * 1024), hundredOne: series(2900, 180 * 1024) },
      build: [
        { plans: 1, jobs: 1, ...series(130) },
        { plans: 100, jobs: 2, ...series(1500, 200 * 1024) },
        { plans: 1000, jobs: 1, ...series(13000, 200 * 1024) },
        { plans: 1000, jobs: 2, ...series(12000, 300 * 1024) },
      ],
      pandoc: {
        available: true,
        sequential: [
          { plans: 1, jobs: 1, ...series(100) },
          { plans: 1000, jobs: 1, ...series(200000) },
        ],
        parallel: [],
      },
    };
    const status = Object.fromEntries(
      evaluateTargets(results, 2).map((t: { id: string; status: string }) => [t.id, t.status]),
    );
    expect(status).toEqual({
      'help-startup': 'MISS',
      'check-1-startup': 'PASS',
      'check-1000': 'PASS',
      'check-worst': 'MISS',
      'check-worst-yaml': 'PASS',
      'check-shapes': 'MISS',
      'check-docx-100': 'PASS',
      'check-docx-memory': 'MISS',
      'build-1-vs-pandoc': 'MISS',
      'build-1000': 'MISS',
      'build-1000-threads': 'MISS',
      'build-vs-pandoc': 'PASS',
      'build-rss': 'PASS',
      'build-rss-flat': 'MISS',
    });
    const skipped = evaluateTargets({ pandoc: { available: false, note: 'x', sequential: [], parallel: [] } }, 2);
    expect(skipped.every((t: { status: string }) => t.status === 'SKIP')).toBe(true);
  });

  it('escapes pipes in Markdown cells', () => {
    expect(markdownTable(['a', 'b'], [['x|y', '1']], new Set([1]))).toBe('| a | b |\n| --- | ---: |\n| x\\|y | 1 |');
  });
});

describe('CPU profile summary', () => {
  it('splits self and inclusive time, counts recursion once and leaves idle out of the shares', () => {
    const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 5] },
        { id: 2, callFrame: frame('parse', 'file:///repo/node_modules/yaml/dist/parse.js'), children: [3] },
        { id: 3, callFrame: frame('parse', 'file:///repo/node_modules/yaml/dist/parse.js'), children: [4] },
        { id: 4, callFrame: frame('lex', 'file:///repo/dist/plan/load.js'), children: [] },
        { id: 5, callFrame: frame('(idle)'), children: [] },
      ],
      samples: [2, 3, 4, 4, 5],
      timeDeltas: [1000, 1000, 1000, 1000, 6000],
    };
    const s = summarizeProfile(profile, { root: '/repo' });
    expect(s.busyMs).toBe(4);
    expect(s.idleMs).toBe(6);
    const self = Object.fromEntries(s.self.map((r: { name: string; share: number }) => [r.name, r.share]));
    expect(self).toEqual({ 'lex dist/plan/load.js:1': 0.5, 'parse yaml/dist/parse.js:1': 0.5 });
    const inclusive = Object.fromEntries(s.inclusive.map((r: { name: string; share: number }) => [r.name, r.share]));
    expect(inclusive['parse yaml/dist/parse.js:1']).toBe(1);
    expect(s.modules.map((r: { name: string }) => r.name).sort()).toEqual(['dist/plan/load.js', 'yaml']);
    expect(frameModule('file:///r/node_modules/@inquirer/core/dist/index.js', '/r')).toBe('@inquirer/core');
    expect(frameModule('node:internal/modules/run_main', '/r')).toBe('node (internals)');
  });
});

describe('run.mjs', () => {
  it('prints its usage and refuses an unknown section without running anything', () => {
    const help = spawnSync(process.execPath, ['bench/run.mjs', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--only');
    const bad = spawnSync(process.execPath, ['bench/run.mjs', '--only', 'nope'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('nope');
  });
});
