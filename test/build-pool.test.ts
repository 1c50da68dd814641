// The worker pool as compiled (its worker script exists only in dist/: run `npx tsc -p .` first).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Pool from '../src/build/pool.js';
import type * as Task from '../src/build/task.js';
import type * as Cache from '../src/build/template-cache.js';
import { runPool } from '../src/pool/pool.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { documentXml, exampleText, invalidPlan, writeFiles } from './helpers/build.js';

interface Modules {
  pool: typeof Pool;
  cache: typeof Cache;
}

async function load(root = ROOT): Promise<Modules> {
  const url = (path: string): string => pathToFileURL(join(root, 'dist', 'build', path)).href;
  return {
    pool: (await import(url('pool.js'))) as typeof Pool,
    cache: (await import(url('template-cache.js'))) as typeof Cache,
  };
}

function makeTasks(dir: string, names: string[]): Task.FileTask[] {
  return names.map((name) => ({
    source: join(dir, `${name}.yaml`),
    display: `${name}.yaml`,
    output: join(dir, 'out', `${name}.docx`),
    outputDisplay: `out/${name}.docx`,
  }));
}

const settings: Task.BuildSettings = {
  created: 1_700_000_000_000,
  today: Date.UTC(2026, 5, 1),
  force: false,
  verbose: false,
};

async function runAll(
  modules: Modules,
  tasks: Task.FileTask[],
  extra: Partial<Pool.RunOptions> = {},
): Promise<{ started: number; outcomes: Map<string, Task.FileOutcome> }> {
  const outcomes = new Map<string, Task.FileOutcome>();
  const started = await modules.pool.runTasks(tasks, {
    jobs: 2,
    settings,
    templates: new modules.cache.TemplateCache(undefined),
    onOutcome: (task, outcome) => {
      expect(outcomes.has(task.display)).toBe(false);
      outcomes.set(task.display, outcome);
    },
    ...extra,
  });
  return { started, outcomes };
}

describe('runTasks on worker threads', () => {
  it('builds every plan once, on two workers, and reports invalid ones without writing them', async () => {
    const dir = tempDir();
    const names = Array.from({ length: 9 }, (_, i) => `p${i}`);
    writeFiles(
      dir,
      Object.fromEntries(names.map((n) => [`${n}.yaml`, n === 'p4' ? invalidPlan().text : exampleText()])),
    );
    const { started, outcomes } = await runAll(await load(), makeTasks(dir, names));
    expect(started).toBe(names.length);
    expect([...outcomes.keys()].sort()).toEqual(names.map((n) => `${n}.yaml`));
    for (const name of names) {
      const outcome = outcomes.get(`${name}.yaml`);
      if (name === 'p4') {
        expect(outcome?.output).toBeUndefined();
        expect(outcome?.problems.some((p) => p.severity === 'error')).toBe(true);
        expect(existsSync(join(dir, 'out', 'p4.docx'))).toBe(false);
      } else {
        expect(outcome?.error).toBeUndefined();
        expect(outcome?.output).toBe(join(dir, 'out', `${name}.docx`));
        expect(await documentXml(join(dir, 'out', `${name}.docx`))).toContain('</w:body>');
      }
    }
  });

  it('writes the same bytes from a worker as from the main thread', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.yaml': exampleText(), 'b.yaml': exampleText(1) });
    const modules = await load();
    const threaded = makeTasks(dir, ['a', 'b']);
    await runAll(modules, threaded, { jobs: 2 });
    const here = threaded.map((task) => ({ ...task, output: task.output.replace(/\.docx$/, '-here.docx') }));
    await runAll(modules, here, { jobs: 1 });
    for (const [i, task] of threaded.entries()) {
      expect(readFileSync(here[i]!.output).equals(readFileSync(task.output))).toBe(true);
    }
  });

  it('builds a plan again in the main thread when a worker runs out of memory', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.yaml': exampleText(), 'b.yaml': exampleText() });
    // A heap far too small for any plan: every worker dies of it.
    const { outcomes } = await runAll(await load(), makeTasks(dir, ['a', 'b']), { workerHeap: { old: 2, young: 1 } });
    for (const name of ['a', 'b']) {
      expect(outcomes.get(`${name}.yaml`)?.error).toBeUndefined();
      expect(await documentXml(join(dir, 'out', `${name}.docx`))).toContain('</w:body>');
    }
  });

  it('fails every plan with one clear message when the worker script cannot start', async () => {
    const root = tempDir();
    cpSync(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true });
    rmSync(join(root, 'dist', 'pool', 'worker.js'));
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    const dir = join(root, 'plans');
    mkdirSync(dir);
    const names = ['a', 'b', 'c', 'd', 'e'];
    writeFiles(dir, Object.fromEntries(names.map((n) => [`${n}.yaml`, exampleText()])));
    const { outcomes } = await runAll(await load(root), makeTasks(dir, names));
    expect(outcomes.size).toBe(names.length);
    for (const outcome of outcomes.values()) {
      expect(outcome.output).toBeUndefined();
      expect(outcome.error).toContain('lỗi nội bộ: luồng dựng dừng bất thường');
      expect(outcome.error).toContain('--jobs 1');
    }
  });

  it('starts no new plan once aborted, and answers for every plan it started', async () => {
    const dir = tempDir();
    const names = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    writeFiles(dir, Object.fromEntries(names.map((n) => [`${n}.yaml`, exampleText()])));
    const abort = new AbortController();
    const outcomes = new Map<string, Task.FileOutcome>();
    const modules = await load();
    const started = await modules.pool.runTasks(makeTasks(dir, names), {
      jobs: 2,
      settings,
      templates: new modules.cache.TemplateCache(undefined),
      signal: abort.signal,
      onOutcome: (task, outcome) => {
        outcomes.set(task.display, outcome);
        abort.abort();
      },
    });
    expect(started).toBeLessThan(names.length);
    expect(outcomes.size).toBe(started);
    expect([...outcomes.keys()].sort()).toEqual(names.slice(0, started).map((n) => `${n}.yaml`));
  });
});

describe('runPool in the main thread', () => {
  it('hears a timer (a Ctrl-C) between tasks that never wait on anything', async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 0);
    const tasks = Array.from({ length: 100_000 }, (_, i) => i);
    let done = 0;
    const started = await runPool(tasks, {
      kind: 'build',
      settings: {},
      workers: 0,
      mainThread: true,
      inFlight: 2,
      // Settled at once, as an invalid plan read from the page cache nearly is.
      runHere: async (task: number) => task,
      onCrash: () => -1,
      onResult: () => {
        done++;
      },
      signal: abort.signal,
    });
    expect(abort.signal.aborted).toBe(true);
    expect(started).toBeLessThan(tasks.length);
    expect(done).toBe(started);
  });
});
