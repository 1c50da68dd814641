import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { truncateUtf8 } from '../io/names.js';

/**
 * Where each plan's .docx goes. Deterministic for a given list of inputs:
 *
 * - without `out`: beside the plan, `<dir>/<name>.docx`;
 * - with `out`: the plans' folders are mirrored under `out`, relative to the deepest folder that
 *   holds them all (`examples/a.yaml`, `examples/sub/a.yaml` → `out/a.docx`, `out/sub/a.docx`);
 * - names that would still clash (`a.yaml` beside `a.yml`, or `A.yaml` beside `a.yaml` on a
 *   case-insensitive disk) get `-2`, `-3`, … in input order; the first keeps the plain name.
 */
export function outputPaths(inputs: readonly string[], out?: string): string[] {
  const base = out === undefined ? undefined : commonFolder(inputs.map((input) => dirname(input)));
  const taken = new Set<string>();
  return inputs.map((input) => {
    const folder =
      out === undefined || base === undefined
        ? dirname(input)
        : join(resolve(out), relativeInside(base, dirname(input)));
    // Room for `-NN.docx` within the 255 bytes a file name may have.
    const stem = truncateUtf8(stemOf(input), 255 - 10);
    for (let n = 1; ; n++) {
      const candidate = join(folder, n === 1 ? `${stem}.docx` : `${stem}-${n}.docx`);
      const key = clashKey(candidate);
      if (!taken.has(key)) {
        taken.add(key);
        return candidate;
      }
    }
  });
}

/** The PDF that goes with a .docx. */
export function pdfPathFor(docx: string): string {
  return docx.slice(0, docx.length - extname(docx).length) + '.pdf';
}

function stemOf(file: string): string {
  const name = basename(file);
  const ext = extname(name);
  // `.yaml` alone is a hidden file's whole name, not an extension to strip.
  return ext === '' || ext === name ? name : name.slice(0, -ext.length);
}

// Two names that one disk or another treats as the same file must not both be written.
function clashKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

function relativeInside(base: string, folder: string): string {
  const rel = relative(base, folder);
  // Folders on different Windows drives have no common base: keep them flat.
  return isAbsolute(rel) || rel.startsWith('..') ? '' : rel;
}

/** The deepest folder that contains every one of `folders` (absolute paths). */
export function commonFolder(folders: readonly string[]): string | undefined {
  const first = folders[0];
  if (first === undefined) return undefined;
  let parts = resolve(first).split(sep);
  for (const folder of folders.slice(1)) {
    const other = resolve(folder).split(sep);
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  if (parts.length === 0) return undefined;
  // ['', 'a'] is '/a'; [''] is the root itself.
  return parts.length === 1 && parts[0] === '' ? sep : parts.join(sep);
}
