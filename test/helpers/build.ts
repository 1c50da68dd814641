// Shared by the build tests: plans made from the shipped examples, and .docx inspection.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import JSZip from 'jszip';
import { ROOT } from './cli.js';

export const EXAMPLES_DIR = join(ROOT, 'examples');
export const BUILD_FIXTURES = join(ROOT, 'test', 'fixtures', 'build');

/** The examples' file names (every one passes `check`, so every one must build). */
export function exampleNames(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((name) => /\.ya?ml$/.test(name) && !/\.draft\./.test(name))
    .sort();
}

/** The text of one shipped example, to copy into a test folder. */
export function exampleText(index = 0): string {
  const name = exampleNames()[index];
  if (!name) throw new Error('examples/ holds no plan');
  return readFileSync(join(EXAMPLES_DIR, name), 'utf8');
}

/** A valid plan made invalid in one known place: `version: 2`. Returns the text and that line. */
export function invalidPlan(): { text: string; line: number } {
  const lines = exampleText().split('\n');
  const index = lines.findIndex((l) => /^version:\s*1\s*$/.test(l));
  if (index < 0) throw new Error('example has no "version: 1" line');
  lines[index] = 'version: 2';
  return { text: lines.join('\n'), line: index + 1 };
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

/** Every file under dir, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** word/document.xml of a .docx; throws when the file is not a complete zip. */
export async function documentXml(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const entry = zip.file('word/document.xml');
  if (!entry) throw new Error(`${path} has no word/document.xml`);
  return entry.async('string');
}
