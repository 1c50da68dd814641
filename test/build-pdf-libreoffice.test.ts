// --pdf against the real LibreOffice. Where it is not installed the test is skipped, unless
// KEHOACH_REQUIRE_LIBREOFFICE=1 (CI) makes its absence a failure.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSoffice } from '../src/build/pdf.js';
import { runCli, tempDir } from './helpers/cli.js';
import { exampleText, listFiles, writeFiles } from './helpers/build.js';

const soffice = await findSoffice(process.env);
const required = process.env['KEHOACH_REQUIRE_LIBREOFFICE'] === '1';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('kehoach build --pdf with LibreOffice', () => {
  it.runIf(required)('finds LibreOffice when it is required', () => {
    expect(soffice, 'KEHOACH_REQUIRE_LIBREOFFICE=1 but soffice is not on PATH').toBeDefined();
  });

  it.skipIf(!soffice && !required)(
    'writes a PDF beside each .docx',
    async () => {
      const dir = tempDir();
      writeFiles(dir, { 'a.yaml': exampleText(), 'sub/b.yaml': exampleText(1) });
      const result = await runCli(['build', '.', '--pdf', '--out', 'out'], { cwd: dir, timeoutMs: 240_000 });
      expect(result.stderr, result.stderr).not.toContain('lỗi nội bộ');
      expect(result.code).toBe(0);
      expect(listFiles(join(dir, 'out'))).toEqual(['a.docx', 'a.pdf', 'sub/b.docx', 'sub/b.pdf']);
      for (const pdf of ['a.pdf', 'sub/b.pdf']) {
        expect(
          readFileSync(join(dir, 'out', pdf))
            .subarray(0, 5)
            .toString('latin1'),
        ).toBe('%PDF-');
      }
      expect(result.stderr).toContain('✔ a.yaml → out/a.pdf');
      if (hasPdftotext()) {
        const text = execFileSync('pdftotext', [join(dir, 'out', 'a.pdf'), '-'], { encoding: 'utf8' });
        expect(text.normalize('NFC')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      }
    },
    300_000,
  );
});
