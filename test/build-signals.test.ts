// A batch that is interrupted, or killed outright, never leaves a truncated .docx behind.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from './helpers/cli.js';
import { documentXml, exampleText, listFiles, writeFiles } from './helpers/build.js';

const BATCH = 300;

function bigBatch(): string {
  const dir = tempDir();
  const text = exampleText();
  const files: Record<string, string> = {};
  for (let i = 0; i < BATCH; i++) files[`plans/p${String(i).padStart(3, '0')}.yaml`] = text;
  writeFiles(dir, files);
  return dir;
}

interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts a build of the batch, sends `signal` once `after` files are done, waits for the end. */
function buildAndStop(dir: string, signal: NodeJS.Signals, after: number): Promise<Stopped> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'build', 'plans', '--out', 'out', '--jobs', '2'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let sent = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (!sent && (stderr.match(/^✔ /gm)?.length ?? 0) >= after) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('close', (code, sig) => resolve({ code, signal: sig, stderr }));
  });
}

async function expectOnlyCompleteDocx(out: string): Promise<string[]> {
  const docx = listFiles(out).filter((f) => f.endsWith('.docx'));
  for (const file of docx) {
    const xml = await documentXml(join(out, file));
    expect(xml, file).toContain('</w:body>');
  }
  return docx;
}

describe('interrupting a build', () => {
  it('on SIGINT stops taking files, finishes the ones in flight, cleans up and exits 1', async () => {
    const dir = bigBatch();
    const result = await buildAndStop(dir, 'SIGINT', 3);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Đã dừng theo yêu cầu: đã dựng \d+ tệp, 0 tệp lỗi, \d+ tệp chưa dựng/);
    const out = join(dir, 'out');
    const docx = await expectOnlyCompleteDocx(out);
    expect(docx.length).toBeGreaterThanOrEqual(3);
    expect(docx.length).toBeLessThan(BATCH);
    // Every file it reports as made is there, and nothing else is.
    expect(result.stderr.match(/^✔ /gm)?.length).toBe(docx.length);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('killed with SIGKILL leaves no truncated .docx, only dot-named temporary files, which the next run removes', async () => {
    const dir = bigBatch();
    const result = await buildAndStop(dir, 'SIGKILL', 10);
    expect(result.signal).toBe('SIGKILL');
    const out = join(dir, 'out');
    const docx = await expectOnlyCompleteDocx(out);
    expect(docx.length).toBeGreaterThanOrEqual(10);
    expect(docx.length).toBeLessThan(BATCH);
    const others = listFiles(out).filter((f) => !f.endsWith('.docx'));
    for (const file of others) expect(file).toMatch(/^\.p\d{3}\.docx\.\d+-[0-9a-f]{12}\.tmp$/);
    // The plans themselves are untouched.
    expect(readFileSync(join(dir, 'plans', 'p000.yaml'), 'utf8')).toBe(exampleText());
    // The next build into the same folder sweeps what the killed one stranded.
    const again = await runCli(['build', 'plans', '--out', 'out', '--force'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(listFiles(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
