// The Vietnamese message for each reason a .docx could not be read (docx-unreadable).
import type { Unreadable } from './zip.js';

function megabytes(bytes: number): string {
  return `${String(Math.round((bytes / (1024 * 1024)) * 10) / 10).replace('.', ',')} MB`;
}

/** What to tell the clerk when readDocx throws DocxUnreadable with `why`. */
export function unreadableMessage(why: Unreadable): string {
  switch (why.reason) {
    case 'empty':
      return 'Tệp rỗng (0 byte), không có nội dung để đọc; hãy lưu lại văn bản từ Word rồi kiểm tra lại.';
    case 'too-large':
      return `Tệp quá lớn (${megabytes(why.bytes)}), không đọc như một văn bản .docx; một kế hoạch thường chỉ vài trăm KB. Hãy xóa bớt hình ảnh, tệp đính kèm trong văn bản rồi lưu lại.`;
    case 'ole':
      return 'Tệp là văn bản Word cũ (.doc) hoặc tệp .docx có đặt mật khẩu, không đọc được. Nếu là tệp .doc: mở bằng Word, chọn Tệp > Lưu thành (File > Save As), chọn kiểu «Word Document (*.docx)»; hoặc dùng LibreOffice: soffice --headless --convert-to docx TỆP.doc. Nếu có mật khẩu: mở bằng Word, chọn Tệp > Thông tin > Bảo vệ tài liệu > Mã hóa bằng mật khẩu (File > Info > Protect Document > Encrypt with Password), xóa mật khẩu rồi lưu lại.';
    case 'not-zip':
      return 'Tệp không phải là văn bản .docx (không phải tệp nén zip theo định dạng Office Open XML), dù có đuôi .docx; hãy mở bằng Word và lưu lại dưới dạng «Word Document (*.docx)».';
    case 'corrupt':
      // The parser's detail is English and means nothing to a clerk; the reason is what matters.
      return 'Tệp .docx bị hỏng hoặc bị cắt cụt (thường do tải về hoặc đính kèm thư chưa trọn vẹn), không đọc được; hãy tải lại tệp hoặc xin bản gốc.';
    case 'bomb':
      return `Tệp .docx khi giải nén vượt quá giới hạn ${megabytes(why.limit)} nội dung văn bản, nên kehoach dừng đọc để không làm treo máy (có thể là tệp «bom nén» hoặc tệp hỏng); một kế hoạch bình thường chỉ vài MB. Hãy mở bằng Word, lưu lại thành tệp mới rồi kiểm tra lại.`;
    case 'no-document':
      return 'Tệp là tệp nén nhưng không có phần nội dung văn bản Word (word/document.xml), có thể là tệp Excel, PowerPoint hoặc tệp nén khác đổi đuôi thành .docx.';
  }
}
