import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commonFolder, outputPaths, pdfPathFor } from '../src/build/naming.js';

const root = resolve('/srv/plans');
const at = (...parts: string[]): string => join(root, ...parts);

describe('outputPaths', () => {
  it('puts each .docx beside its plan when there is no --out', () => {
    expect(outputPaths([at('a.yaml'), at('sub', 'b.yml')])).toEqual([at('a.docx'), at('sub', 'b.docx')]);
  });

  it('mirrors the folders under --out, relative to the deepest common folder', () => {
    const out = resolve('/tmp/out');
    expect(outputPaths([at('x', 'a.yaml'), at('x', 'deep', 'a.yaml'), at('y', 'a.yaml')], out)).toEqual([
      join(out, 'x', 'a.docx'),
      join(out, 'x', 'deep', 'a.docx'),
      join(out, 'y', 'a.docx'),
    ]);
  });

  it('writes a single plan straight into --out', () => {
    const out = resolve('/tmp/out');
    expect(outputPaths([at('deep', 'down', 'plan.yaml')], out)).toEqual([join(out, 'plan.docx')]);
  });

  it('numbers names that still clash, in input order, the first keeping the plain name', () => {
    expect(outputPaths([at('a.yaml'), at('a.yml'), at('A.yaml')])).toEqual([
      at('a.docx'),
      at('a-2.docx'),
      at('A-3.docx'),
    ]);
  });

  it('skips a numbered name that another input already has', () => {
    expect(outputPaths([at('a.yaml'), at('a-2.yaml'), at('a.yml')])).toEqual([
      at('a.docx'),
      at('a-2.docx'),
      at('a-3.docx'),
    ]);
  });

  it('treats NFD and NFC spellings of one name as the same file', () => {
    const nfc = 'kế-hoạch.yaml'.normalize('NFC');
    const nfd = 'kế-hoạch.yml'.normalize('NFD');
    const [first, second] = outputPaths([at(nfc), at(nfd)]);
    expect(first).toBe(at('kế-hoạch.docx'.normalize('NFC')));
    expect(second?.normalize('NFC')).toBe(at('kế-hoạch-2.docx'.normalize('NFC')));
  });

  it('keeps the whole name of a file with no extension or only a dot-name', () => {
    expect(outputPaths([at('plan'), at('.yaml')])).toEqual([at('plan.docx'), at('.yaml.docx')]);
  });

  it('is deterministic', () => {
    const inputs = [at('b', 'x.yaml'), at('a', 'x.yaml'), at('a', 'x.yml')];
    expect(outputPaths(inputs, '/tmp/o')).toEqual(outputPaths([...inputs], '/tmp/o'));
  });
});

describe('commonFolder', () => {
  it('finds the deepest shared folder', () => {
    expect(commonFolder([at('a', 'b'), at('a', 'c'), at('a')])).toBe(at('a'));
    expect(commonFolder([at('a', 'b')])).toBe(at('a', 'b'));
  });

  it('does not stop half-way through a folder name', () => {
    expect(commonFolder([at('abc'), at('abd')])).toBe(root);
  });

  it('returns undefined for no folders', () => {
    expect(commonFolder([])).toBeUndefined();
  });
});

describe('pdfPathFor', () => {
  it('swaps the extension', () => {
    expect(pdfPathFor(at('out', 'a.docx'))).toBe(at('out', 'a.pdf'));
  });
});
