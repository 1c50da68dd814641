// A legacy Word .doc, converted to .docx by LibreOffice in a private profile with a time limit,
// so that check can judge it. The converted copy lives in a work folder that is always removed
// (and swept by a later run if this one is killed).
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pid } from 'node:process';
import { convertArgs, runSoffice, sweepStaleWork } from '../build/pdf.js';
import { UserError } from '../errors.js';

/** A .doc takes LibreOffice a cold start and a few seconds; a hung one is stopped. */
export const DOC_TIMEOUT_MS = 120_000;

export function needsLibreOfficeMessage(display: string): string {
  return (
    `"${display}" là tệp Word cũ (.doc); để kiểm tra cần LibreOffice (lệnh soffice) chuyển sang .docx, nhưng không tìm thấy trên PATH. ` +
    'Mở tệp bằng Word hoặc LibreOffice, chọn Lưu thành… "Tài liệu Word (.docx)", rồi kiểm tra tệp .docx đó; hoặc cài LibreOffice (sudo apt-get install libreoffice-writer-nogui).'
  );
}

/** The .docx bytes LibreOffice makes of a .doc. Throws a UserError (exit 2) when it cannot. */
export async function convertDoc(
  source: string,
  display: string,
  run: { soffice: string; env: Readonly<Record<string, string | undefined>>; signal?: AbortSignal },
): Promise<Uint8Array> {
  await sweepStaleWork();
  const work = await mkdtemp(join(tmpdir(), `kehoach-doc-${pid}-`));
  try {
    await mkdir(join(work, 'in'));
    await mkdir(join(work, 'out'));
    const input = join(work, 'in', 'ke-hoach.doc');
    await copyFile(source, input);
    const failure = await runSoffice(run, convertArgs(work, 'docx', join(work, 'out'), [input]), DOC_TIMEOUT_MS);
    const bytes = await readFile(join(work, 'out', 'ke-hoach.docx')).catch(() => undefined);
    if (!bytes) {
      throw new UserError(
        `không chuyển được "${display}" (.doc) sang .docx bằng LibreOffice${failure ? `: ${failure}` : ''}. Mở tệp bằng Word, Lưu thành .docx rồi kiểm tra tệp đó.`,
        2,
      );
    }
    return bytes;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
