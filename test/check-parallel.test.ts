// checkPlanFiles on worker threads. The workers always run the built worker script (dist/pool),
// whichever copy of the engine starts them.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlanFiles } from '../src/check/files.js';
import type { PlanFile } from '../src/io/paths.js';
import { ROOT, tempDir } from './helpers/cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'check');
const SOURCES = ['valid.yaml', 'invalid.yaml', 'warning-only.yaml', 'invalid-yaml-syntax.yaml'];
const TODAY = new Date(2026, 0, 15);

describe('checkPlanFiles on several threads', () => {
  const dir = tempDir('kehoach-check-parallel-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // 150 files over 10 batches, the four kinds interleaved so that every batch mixes them.
  const files: PlanFile[] = Array.from({ length: 150 }, (_, i) => {
    const source = SOURCES[(i * 3) % SOURCES.length]!;
    const absolute = join(dir, `${String(i).padStart(3, '0')}-${source}`);
    copyFileSync(join(FIXTURES, source), absolute);
    return { absolute, display: `#${i} ${source}` };
  });

  it('gives the same results, in the same order, as one thread', async () => {
    const one = await checkPlanFiles(files, { today: TODAY, jobs: 1 });
    const three = await checkPlanFiles(files, { today: TODAY, jobs: 3 });
    expect(three.map((r) => r.file)).toEqual(files.map((f) => f.display));
    expect(three).toEqual(one);
    expect(new Set(three.map((r) => r.valid))).toEqual(new Set([true, false]));
  });

  it('passes an unreadable file up as exit 2 naming it while workers run', async () => {
    const folder = join(dir, 'a-folder.yaml');
    mkdirSync(folder);
    const withFolder = [...files.slice(0, 120), { absolute: folder, display: 'a-folder.yaml' }, ...files.slice(120)];
    const error = (await checkPlanFiles(withFolder, { today: TODAY, jobs: 2 }).catch((e: unknown) => e)) as {
      exitCode?: number;
      message?: string;
    };
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^không đọc được "a-folder\.yaml": đây là thư mục/);
  });

  it('answers a timer (a Ctrl-C, a worker) while this thread checks', async () => {
    const valid = files.filter((f) => f.display.endsWith(' valid.yaml'));
    expect(valid.length).toBeGreaterThan(30);
    const controller = new AbortController();
    let fired = false;
    setTimeout(() => {
      fired = true;
      controller.abort();
    }, 0);
    const error = (await checkPlanFiles(valid, { today: TODAY, jobs: 1, signal: controller.signal }).catch(
      (e: unknown) => e,
    )) as { exitCode?: number; message?: string } | undefined;
    expect(fired).toBe(true);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(/^đã dừng theo yêu cầu/);
  });

  it('names the first unreadable file in the order given, whichever read failed first', async () => {
    // Word documents wait for each other: the missing one fails only after the first is judged,
    // while the folder after it, a plan file, fails at once.
    const folder = join(dir, 'z-folder.yaml');
    mkdirSync(folder, { recursive: true });
    const document = join(dir, 'a.docx');
    copyFileSync(join(ROOT, 'examples', 'quang-tri-2022.yaml'), join(dir, 'a.yaml'));
    const { renderPlan, loadPlan } = await import('../src/index.js');
    const plan = loadPlan(readFileSync(join(dir, 'a.yaml'), 'utf8')).plan!;
    writeFileSync(document, await renderPlan(plan, { created: TODAY }));
    const list = [
      { absolute: document, display: 'a.docx' },
      { absolute: join(dir, 'khong-co.docx'), display: 'khong-co.docx' },
      { absolute: folder, display: 'z-folder.yaml' },
    ];
    const error = (await checkPlanFiles(list, { today: TODAY, jobs: 1 }).catch((e: unknown) => e)) as {
      message?: string;
    };
    expect(error.message).toMatch(/^không đọc được "khong-co\.docx"/);
  });
});
