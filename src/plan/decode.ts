// A plan file's bytes to text, or the one problem that stops reading it (size, binary, encoding).
import { detectLegacyEncoding } from '../text/legacy.js';
import type { Problem } from './problem.js';

export const MAX_PLAN_BYTES = 2 * 1024 * 1024;

export function decodePlan(source: Uint8Array | string): string | Problem {
  if (typeof source === 'string') {
    if (Buffer.byteLength(source, 'utf8') > MAX_PLAN_BYTES) return fileProblem('file-too-large', tooLargeMessage());
    if (source.includes('\0')) return fileProblem('file-binary', binaryMessage());
    return source.startsWith('\uFEFF') ? source.slice(1) : source;
  }
  if (source.byteLength > MAX_PLAN_BYTES) return fileProblem('file-too-large', tooLargeMessage());
  if ((source[0] === 0xff && source[1] === 0xfe) || (source[0] === 0xfe && source[1] === 0xff)) {
    return fileProblem('file-encoding', 'Tệp được lưu bằng bảng mã UTF-16: hãy mở tệp và lưu lại với bảng mã UTF-8 (trong Notepad: Lưu thành… → Mã hóa: UTF-8).');
  }
  if (source.includes(0)) return fileProblem('file-binary', binaryMessage());
  const bad = firstInvalidUtf8(source);
  // The default ignoreBOM: false drops a UTF-8 BOM, so columns match what editors show.
  if (bad === -1) return new TextDecoder('utf-8').decode(source);

  const legacy = detectLegacyEncoding(new TextDecoder('latin1').decode(source).normalize('NFC'));
  const guess = legacy === null ? '' : ` (có vẻ là bảng mã ${legacy})`;
  const byte = source[bad]!.toString(16).toUpperCase().padStart(2, '0');
  return {
    ...fileProblem(
      'file-encoding',
      `Tệp không phải văn bản UTF-8${guess}, byte 0x${byte} ở đây không đọc được: hãy mở tệp và lưu lại với bảng mã UTF-8 (Unicode); nếu chữ đang gõ bằng bảng mã cũ, chuyển sang Unicode trước (ví dụ bằng công cụ chuyển mã của Unikey).`,
    ),
    ...positionOfByte(source, bad),
  };
}

/** Index of the first byte that starts no well-formed UTF-8 sequence (WHATWG rules), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    // The allowed range of the second byte excludes overlong forms, surrogates and > U+10FFFF.
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (next === undefined || next < min || next > max) return i;
    }
    i += length;
  }
  return -1;
}

// The valid prefix decodes, so lines and UTF-16 columns are counted as an editor would.
function positionOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, index));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: before.length - lineStart + 1 };
}

export function fileProblem(rule: string, message: string): Problem {
  return { rule, severity: 'error', message, path: '', line: 1, column: 1 };
}

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** The one message for a plan over the size limit, with the file's size when it is known. */
function tooLargeMessage(size?: number): string {
  const weight = size === undefined ? 'Tệp lớn hơn' : `Tệp nặng ${mebibytes(size)}, vượt`;
  return (
    `${weight} giới hạn ${MAX_PLAN_BYTES / (1024 * 1024)} MB của một tệp kế hoạch nên không được đọc. ` +
    'Một kế hoạch thường chỉ vài chục KB: kiểm tra lại có đúng tệp kế hoạch không, hoặc tách nội dung ra nhiều kế hoạch.'
  );
}

export function tooLargeProblem(size?: number): Problem {
  return fileProblem('file-too-large', tooLargeMessage(size));
}

function binaryMessage(): string {
  return 'Tệp chứa byte NUL nên không phải tệp văn bản YAML (có thể là tệp .docx, .pdf hay ảnh): hãy chọn đúng tệp kế hoạch .yaml, lưu dưới dạng văn bản UTF-8.';
}
