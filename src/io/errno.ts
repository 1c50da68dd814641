// One place that turns a system error into Vietnamese. Callers say what they were doing and what
// to do next; this says what went wrong.

export type Access = 'read' | 'write';

const REASONS: Record<string, string | ((access: Access) => string)> = {
  ENOENT: 'không tồn tại (có thể vừa bị xóa hoặc đổi tên)',
  EACCES: (access) => (access === 'read' ? 'không có quyền đọc' : 'không có quyền ghi'),
  EPERM: (access) => (access === 'read' ? 'không có quyền đọc' : 'không có quyền ghi'),
  EISDIR: 'đây là thư mục, không phải tệp',
  ENOTDIR: 'một phần của đường dẫn là tệp, không phải thư mục',
  ENOSPC: 'ổ đĩa đã đầy',
  EDQUOT: 'đã hết hạn mức dung lượng đĩa của người dùng',
  EROFS: 'ổ đĩa chỉ cho đọc',
  ELOOP: 'liên kết tượng trưng lặp vòng',
  ENAMETOOLONG: 'tên tệp hoặc đường dẫn quá dài',
  EEXIST: 'đã có tệp hoặc thư mục cùng tên',
  EMFILE: 'đang mở quá nhiều tệp cùng lúc',
  ENFILE: 'đang mở quá nhiều tệp cùng lúc',
  EBUSY: 'tệp đang bị chương trình khác dùng',
  ETXTBSY: 'tệp đang bị chương trình khác dùng',
  EIO: 'lỗi đọc ghi của ổ đĩa',
  EINVAL: 'hệ thống tệp ở đó không cho thao tác này',
  EXDEV: 'không chuyển được tệp sang ổ đĩa khác',
  ENXIO: 'thiết bị không sẵn sàng',
  ENODEV: 'thiết bị không hỗ trợ thao tác này',
  EAGAIN: 'tài nguyên tạm thời không sẵn sàng',
  // Not a system errno: io/read.ts raises it for a device, FIFO or socket.
  ENOTREG: 'đây không phải tệp thường (là thiết bị, FIFO hay socket)',
};

/** The errno code of a Node.js system error, if it is one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Why a file operation failed, in Vietnamese, without the file's name and without a final period. */
export function ioReason(error: unknown, access: Access = 'read'): string {
  const code = errnoCode(error);
  const reason = code === undefined ? undefined : REASONS[code];
  if (typeof reason === 'function') return reason(access);
  if (reason !== undefined) return reason;
  // An unknown system error keeps its code (searchable) rather than Node's English sentence.
  if (code !== undefined) return `lỗi hệ thống ${code}`;
  return error instanceof Error ? error.message : String(error);
}
