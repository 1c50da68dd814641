// check --annotate DIR: for each Word document checked, a copy in DIR with a comment on each
// paragraph a problem points at. The original is only read.
import { outputPaths } from '../build/naming.js';
import { UserError, isUserError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { ioReason } from '../io/errno.js';
import { displayPath, overwrittenInput, type PlanFile } from '../io/paths.js';
import { readLimited } from '../io/read.js';
import type { FileResult } from '../plan/problem.js';
import { isWordDocument, type CheckSettings } from './files.js';

export interface Annotated {
  file: string;
  copy: string;
  comments: number;
}

// The location is the comment's anchor already; the comment says the rest.
const LOCATION = /^(?:đoạn \d+(?: \(đoạn trống\))?(?:: «[^»]*»)?|Đầu trang): /u;

/** Write the annotated copies; returns what was written. Throws a UserError when a copy would replace an input. */
export async function annotateFiles(
  files: readonly PlanFile[],
  results: readonly FileResult[],
  options: CheckSettings & { dir: string; cwd: string; now: Date },
): Promise<Annotated[]> {
  const { readDocx, DocxUnreadable } = await import('../docx/read.js');
  const { annotateDocx } = await import('../docx/annotate.js');
  const { MAX_DOCX_BYTES } = await import('../docx/zip.js');
  const words = files
    .map((file, i) => ({ file, result: results[i]! }))
    .filter(({ file }) => isWordDocument(file.absolute));
  const copies = outputPaths(
    words.map(({ file }) => file.absolute),
    options.dir,
  );
  const found = overwrittenInput(
    copies,
    files.map((f) => f.absolute),
  );
  if (found !== undefined) {
    throw new UserError(
      `bản có ghi chú "${displayPath(copies[found.output]!, options.cwd)}" sẽ ghi đè chính văn bản được kiểm tra: chọn một thư mục khác cho --annotate.`,
      2,
    );
  }
  const written: Annotated[] = [];
  for (const [i, { file, result }] of words.entries()) {
    const copy = copies[i]!;
    let bytes: Uint8Array;
    if (/\.doc$/i.test(file.absolute)) {
      if (options.soffice === undefined) continue;
      const { convertDoc } = await import('../docx/legacy.js');
      bytes = await convertDoc(file.absolute, file.display, { soffice: options.soffice, env: options.env ?? {} });
    } else {
      const read = await readLimited(file.absolute, MAX_DOCX_BYTES).catch(() => undefined);
      if (!read || 'tooLarge' in read) continue;
      bytes = read.bytes;
    }
    let doc;
    try {
      doc = readDocx(bytes);
    } catch (error) {
      // An unreadable document gets no copy: there is nothing to write comments into.
      if (error instanceof DocxUnreadable) continue;
      throw error;
    }
    const notes = result.problems.map((p) => ({
      paragraph: p.path.startsWith('/body/p[') ? p.line : 1,
      text: `${p.severity === 'error' ? 'Lỗi' : 'Cảnh báo'} (${p.rule}): ${p.message.replace(LOCATION, '')}`,
    }));
    try {
      await writeFileAtomic(copy, annotateDocx(bytes, doc, notes, { author: 'kehoach', date: options.now }));
    } catch (error) {
      if (isUserError(error)) throw error;
      throw new UserError(
        `không ghi được bản có ghi chú "${displayPath(copy, options.cwd)}": ${ioReason(error, 'write')}. Chọn thư mục khác cho --annotate.`,
        2,
      );
    }
    written.push({ file: file.display, copy: displayPath(copy, options.cwd), comments: notes.length });
  }
  return written;
}
