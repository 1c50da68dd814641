// Issue 9, item 3: what `yaml` is spared. Reading 2 MB takes it about three seconds, so the
// loader hands it only what js-yaml could not settle. Each test here gives the whole file's
// report and counts the text `yaml` was given. Speed is measured by `npm run bench`.
import { describe, expect, it, vi } from 'vitest';
import { cutChunks, splitDocuments } from '../src/plan/chunks.js';
import { finishLoad, loadInChunks } from '../src/plan/load.js';
import { TODAY, sameReport, unknownKeys, VALID } from './plan-helpers.js';

const options = { today: TODAY };

const yamlRead = vi.hoisted(() => ({ chars: 0 }));
vi.mock('../src/plan/parse-yaml.js', async (load) => {
  const actual = await load<typeof import('../src/plan/parse-yaml.js')>();
  return {
    ...actual,
    parseQuietly: (text: string, options?: { duplicates?: boolean }) => {
      yamlRead.chars += text.length;
      return actual.parseQuietly(text, options);
    },
  };
});

/** The chunked report, with how much text `yaml` read for it. */
function chunked(text: string, size: number): { result: ReturnType<typeof finishLoad> | undefined; read: number } {
  yamlRead.chars = 0;
  const result = loadInChunks(text, cutChunks(text, size)!, options);
  return { result, read: yamlRead.chars };
}

describe('yaml is not given', () => {
  it('a chunk of keys indented by Tabs', () => {
    const text = `${VALID}${Array.from({ length: 400 }, (_, i) => `\ttab_${i}: 1\n`).join('')}`;
    const whole = finishLoad({ text }, options);
    expect(whole.problems.map((p) => p.rule)).toEqual(['yaml-indent']);
    for (const size of [64, 4000]) expect(chunked(text, size)).toEqual({ result: whole, read: 0 });
  });

  it.each([0, 2])('the chunks js-yaml read clean, to place a key repeated in each (root %i columns in)', (column) => {
    // One `lap` every 6,000 characters or so, in chunks of 4,000: each chunk reads clean, and the repeats are
    // found across chunks.
    const plain = `${VALID}${Array.from({ length: 20 }, (_, n) => `lap: ${n}\n${unknownKeys(600, `k${n}`)}`).join('')}`;
    const text = plain.replace(/^(?=.)/gmu, ' '.repeat(column));
    const whole = finishLoad({ text }, options);
    expect(whole.problems.filter((p) => p.rule === 'yaml-duplicate-key')).toHaveLength(19);
    expect(chunked(text, 4000)).toEqual({ result: whole, read: 0 });
  });

  it('the chunks js-yaml read clean, unless a repeated key there is not a cut line', () => {
    // One quoted `"lap"` every 6,000 characters or so: each chunk of 4,000 reads clean, and `yaml`
    // places the key in those holding one. (With two in a chunk, js-yaml places them: plan-repeated-keys.test.ts.)
    const text = `${VALID}${Array.from({ length: 20 }, (_, n) => `"lap": ${n}\n${unknownKeys(600, `k${n}`)}`).join('')}`;
    const { result, read } = chunked(text, 4000);
    expect(result).toEqual(finishLoad({ text }, options));
    expect(read).toBeGreaterThan(text.length / 2);
  });

  it('a chunk with a key repeated in it, in a map or a flow map on one line', () => {
    const block = `${VALID}${Array.from({ length: 20 }, (_, n) => `lap: ${n}\n${unknownKeys(100, `k${n}`)}`).join('')}`;
    const flow = `${VALID}k: {${'a: 1, '.repeat(2000)}b: 2}\n`;
    for (const text of [block, flow]) {
      const whole = finishLoad({ text }, options);
      expect(whole.problems.filter((p) => p.rule === 'yaml-duplicate-key').length).toBeGreaterThan(18);
      const { result, read } = chunked(text, 4000);
      sameReport(text, result, whole);
      expect(read).toBe(0);
    }
  });

  it('the chunks past a full report', () => {
    const text = `${VALID}${'k: 1\n'.repeat(20_000)}`;
    const { result, read } = chunked(text, 4000);
    expect(result?.problems.at(-1)?.message).toMatch(/^… và còn ít nhất/u);
    expect(read).toBeLessThan(text.length / 10);
  });

  it('the part of a large document before the chunk js-yaml refused, in a file of several', async () => {
    const { documentsProblems } = await import('../src/plan/documents.js');
    const text = `${VALID}${unknownKeys(16_000)}x: "mở\n---\ny: "z"\n`;
    yamlRead.chars = 0;
    const problems = documentsProblems(text, splitDocuments(text)!)?.problems;
    expect(yamlRead.chars).toBeLessThan(40_000);
    expect(problems?.map((p) => p.rule).sort()).toEqual(['yaml-multiple-documents', 'yaml-syntax']);
  });

  it('a large document of keys indented by Tabs, in a file of several', async () => {
    const { documentsProblems } = await import('../src/plan/documents.js');
    const tabbed = Array.from({ length: 16_000 }, (_, i) => `\ttab_${i}: 1\n`).join('');
    const text = `${VALID}${unknownKeys(3000)}${tabbed}x: "mở\n---\ny: "z"\n`;
    yamlRead.chars = 0;
    const problems = documentsProblems(text, splitDocuments(text)!)?.problems;
    // The line after the Tabs and the next document, not the Tabs (`VALID` holds a block scalar,
    // which tabKeys refuses: the keys after it part it from them).
    expect(yamlRead.chars).toBeLessThan(40);
    expect(problems?.some((p) => p.rule === 'yaml-multiple-documents')).toBe(true);
    const split = splitDocuments(text)!;
    expect(finishLoad({ text, documents: split }, options)).toEqual(finishLoad({ text }, options));
  });

  it('the chunks past a full report, in the first of several documents', async () => {
    const { documentsProblems } = await import('../src/plan/documents.js');
    const text = `${VALID}${'k: 1\n'.repeat(60_000)}---\nx: "1"\n`;
    yamlRead.chars = 0;
    const found = documentsProblems(text, splitDocuments(text)!);
    expect(found?.stoppedAt).toBeGreaterThan(0);
    expect(yamlRead.chars).toBeLessThan(text.length / 5);
  });

  it('the first of several documents twice, when a quote closed nowhere after it may take the marker in', () => {
    const text = `${VALID}mo: "x\n${unknownKeys(20_000)}---\nx: 1\n`;
    yamlRead.chars = 0;
    const found = finishLoad({ text, documents: splitDocuments(text)! }, options);
    // One document after all, its quote running to the end: read once, by the whole-file path.
    expect(yamlRead.chars).toBeLessThan(text.length * 1.1);
    expect(found).toEqual(finishLoad({ text }, options));
  });

  it('a document js-yaml reads clean, in a file of several', async () => {
    const { documentsProblems } = await import('../src/plan/documents.js');
    const text = `${VALID}${unknownKeys(2000)}---\nx: "mở\n`;
    yamlRead.chars = 0;
    const problems = documentsProblems(text, splitDocuments(text)!)?.problems;
    // Only the second document, its marker, and the quote closers after it.
    expect(yamlRead.chars).toBeLessThan(20);
    expect(problems?.map((p) => p.rule).sort()).toEqual(['yaml-multiple-documents', 'yaml-syntax']);
  });
});
