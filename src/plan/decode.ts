// A plan file's bytes to text, or the one problem that stops reading it (size, binary, encoding).
import { detectLegacyEncoding } from '../text/legacy.js';
import type { Problem } from './problem.js';

export const MAX_PLAN_BYTES = 2 * 1024 * 1024;

export function decodePlan(source: Uint8Array | string): string | Problem {
  if (typeof source === 'string') {
    if (Buffer.byteLength(source, 'utf8') > MAX_PLAN_BYTES) return fileProblem('file-too-large', tooLargeMessage());
    if (source.includes('\0')) return fileProblem('file-binary', binaryMessage());
    return checkLineEndings(source.startsWith('\uFEFF') ? source.slice(1) : source);
  }
  if (source.byteLength > MAX_PLAN_BYTES) return fileProblem('file-too-large', tooLargeMessage());
  const wide = wideEncoding(source);
  if (wide !== undefined) return fileProblem('file-encoding', wideMessage(wide));
  if (source.includes(0)) return fileProblem('file-binary', binaryMessage());
  // The decoder's own check (native, WHATWG's rules, like firstInvalidUtf8) for the common case;
  // the scan in JavaScript only to say where a bad byte is. The default ignoreBOM: false drops a
  // UTF-8 BOM, so columns match what editors show.
  const text = decodeStrict(source);
  if (text !== undefined) return checkLineEndings(text);
  const bad = Math.max(0, firstInvalidUtf8(source));

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

const strict = new TextDecoder('utf-8', { fatal: true });

function decodeStrict(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
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

type Wide = 'UTF-32' | 'UTF-16' | 'UTF-16 (không có BOM)' | 'UTF-32 (không có BOM)';

// The UTF-32 little-endian BOM begins with the UTF-16 one, so it is tested first. Without a BOM,
// text in these encodings shows as NUL bytes in a regular pattern (every other byte, or three of
// four), which a .docx or an image does not have.
function wideEncoding(bytes: Uint8Array): Wide | undefined {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff))
    return 'UTF-32';
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return 'UTF-16';
  // Without a BOM, only NUL bytes can show these encodings; most files have none.
  if (!bytes.includes(0)) return undefined;
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 4));
  if (sample.length < 4) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) zeros[i % 4]!++;
  const quarter = sample.length / 4;
  const [z0, z1, z2, z3] = zeros as [number, number, number, number];
  // Mostly ASCII (YAML keys and punctuation): the high bytes are zero, the low ones are not.
  const mostly = (n: number): boolean => n >= quarter * 0.6;
  const rarely = (n: number): boolean => n <= quarter * 0.1;
  if ((mostly(z1) && mostly(z2) && mostly(z3) && rarely(z0)) || (mostly(z0) && mostly(z1) && mostly(z2) && rarely(z3)))
    return 'UTF-32 (không có BOM)';
  if ((mostly(z1) && mostly(z3) && rarely(z0) && rarely(z2)) || (mostly(z0) && mostly(z2) && rarely(z1) && rarely(z3)))
    return 'UTF-16 (không có BOM)';
  return undefined;
}

function wideMessage(encoding: Wide): string {
  return `Tệp được lưu bằng bảng mã ${encoding}: hãy mở tệp và lưu lại với bảng mã UTF-8 (trong Notepad: Lưu thành… → Mã hóa: UTF-8).`;
}

// Line breaks that are a CR alone (classic Mac OS, some exports) are no line breaks to the YAML
// parser: the whole file reads as one line and every key after the first is an error on line 1.
function checkLineEndings(text: string): string | Problem {
  const lone = text.match(/\r(?!\n)/g)?.length ?? 0;
  if (lone === 0) return text;
  const feeds = text.match(/\n/g)?.length ?? 0;
  if (lone <= feeds) return text;
  return fileProblem(
    'file-line-endings',
    `Tệp xuống dòng bằng ký tự CR đơn lẻ (kiểu máy Mac cũ, ${lone} chỗ), mà YAML chỉ nhận LF hoặc CR LF nên đọc cả tệp thành một dòng: hãy mở tệp bằng một trình soạn thảo văn bản và lưu lại với kiểu xuống dòng LF (Unix) hoặc CRLF (Windows).`,
  );
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
