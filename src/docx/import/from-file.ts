// Reading a .docx file into an ImportResult, with Vietnamese messages for every way it can fail:
// shared by `kehoach import` and `kehoach wizard --from x.docx`.
import { UserError } from '../../errors.js';
import { ioReason } from '../../io/errno.js';
import { readLimited } from '../../io/read.js';
import { loadWizardData } from '../../wizard/data.js';
import { locatePlan } from '../part.js';
import { DocxUnreadable, readDocx } from '../read.js';
import { MAX_DOCX_BYTES, type Unreadable } from '../zip.js';
import { importPlan, type ImportResult } from './index.js';
import { knownFromWizardData } from './known.js';

const MB = (bytes: number): string => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** Why a .docx cannot be read, in the clerk's words, with what to do. */
export function unreadableMessage(why: Unreadable): string {
  switch (why.reason) {
    case 'empty':
      return 'tệp rỗng (0 byte). Chép lại tệp từ nơi đã nhận.';
    case 'too-large':
      return `tệp nặng ${MB(why.bytes)} MB, quá giới hạn ${MB(MAX_DOCX_BYTES)} MB của một văn bản. Xóa bớt hình ảnh rồi lưu lại.`;
    case 'ole':
      return 'đây là tệp Word cũ (.doc) hoặc tệp .docx có đặt mật khẩu. Mở bằng Word hoặc LibreOffice, bỏ mật khẩu nếu có, rồi lưu lại dạng .docx (Word Document).';
    case 'not-zip':
      return 'không phải tệp .docx (tệp .docx là một gói nén zip). Mở bằng Word hoặc LibreOffice rồi lưu lại dạng .docx.';
    case 'corrupt':
      return `tệp .docx bị hỏng hoặc chưa chép hết (${why.detail}). Chép lại tệp, hoặc mở bằng Word rồi lưu lại.`;
    case 'bomb':
      return `nội dung giải nén vượt quá ${MB(why.limit)} MB, nên kehoach dừng đọc để giữ an toàn cho máy. Lưu lại văn bản bằng Word rồi thử lại.`;
    case 'no-document':
      return 'gói nén không có word/document.xml, nên không phải văn bản Word. Mở bằng Word hoặc LibreOffice rồi lưu lại dạng .docx.';
  }
}

/** Read and import the .docx at `path` (`shown` names it in messages). Throws UserError (exit 2). */
export async function importDocxFile(path: string, shown: string, templates?: string): Promise<ImportResult> {
  let read;
  try {
    read = await readLimited(path, MAX_DOCX_BYTES);
  } catch (error) {
    throw new UserError(`Không mở được "${shown}": ${ioReason(error)}. Kiểm tra lại đường dẫn.`, 2);
  }
  if ('tooLarge' in read) throw new UserError(`Không đọc được "${shown}": ${unreadableMessage({ reason: 'too-large', bytes: read.tooLarge })}`, 2);
  let doc;
  try {
    doc = readDocx(read.bytes);
  } catch (error) {
    if (error instanceof DocxUnreadable) throw new UserError(`Không đọc được "${shown}": ${unreadableMessage(error.why)}`, 2);
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
