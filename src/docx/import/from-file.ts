// Reading a .docx file into an ImportResult, with Vietnamese messages for every way it can fail:
// shared by `kehoach import` and `kehoach wizard --from x.docx`.
import { UserError } from '../../errors.js';
import { ioReason } from '../../io/errno.js';
import { readLimited } from '../../io/read.js';
import { loadWizardData } from '../../wizard/data.js';
import { locatePlan } from '../part.js';
import { DocxUnreadable, readDocx } from '../read.js';
import { unreadableMessage } from '../messages.js';
import { MAX_DOCX_BYTES } from '../zip.js';
import { importPlan, type ImportResult } from './index.js';
import { knownFromWizardData } from './known.js';

/** Read and import the .docx at `path` (`shown` names it in messages). Throws UserError (exit 2). */
export async function importDocxFile(path: string, shown: string, templates?: string): Promise<ImportResult> {
  let read;
  try {
    read = await readLimited(path, MAX_DOCX_BYTES);
  } catch (error) {
    throw new UserError(`Không mở được "${shown}": ${ioReason(error)}. Kiểm tra lại đường dẫn.`, 2);
  }
  if ('tooLarge' in read)
    throw new UserError(
      `Không đọc được "${shown}". ${unreadableMessage({ reason: 'too-large', bytes: read.tooLarge })}`,
      2,
    );
  let doc;
  try {
    doc = readDocx(read.bytes);
  } catch (error) {
    if (error instanceof DocxUnreadable)
      throw new UserError(`Không đọc được "${shown}". ${unreadableMessage(error.why)}`, 2);
    throw error;
  }
  const part = locatePlan(doc);
  if (!part) {
    throw new UserError(
      `"${shown}" không phải Kế hoạch hay Chương trình: không có dòng «KẾ HOẠCH» hay «CHƯƠNG TRÌNH» đứng riêng (cả khi kèm theo một Quyết định).`,
      2,
    );
  }
  const known = knownFromWizardData(await loadWizardData(templates));
  return importPlan(doc, part, { known });
}
