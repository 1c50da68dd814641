// A .docx's parts, unzipped with limits: a zip bomb is refused once what it inflates passes
// MAX_INFLATED_BYTES, without inflating the rest. Only the parts the reader needs are inflated;
// pictures and embedded files are skipped unread.
import { Unzip, UnzipInflate } from 'fflate';

/** Largest .docx read at all. */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;
/** Largest total of XML the parts we read may inflate to (a 2,000-task plan holds about 5 MB). */
export const MAX_INFLATED_BYTES = 32 * 1024 * 1024;

export type Unreadable =
  | { reason: 'empty' }
  | { reason: 'too-large'; bytes: number }
  | { reason: 'ole' }
  | { reason: 'not-zip' }
  | { reason: 'corrupt'; detail: string }
  | { reason: 'bomb'; limit: number }
  | { reason: 'no-document' };

export class DocxUnreadable extends Error {
  constructor(readonly why: Unreadable) {
    super(why.reason);
  }
}

const WANTED =
  /^(\[Content_Types\]\.xml|word\/(document|styles|numbering|settings|comments)\.xml|word\/(header|footer)\d*\.xml|word\/theme\/theme\d*\.xml|word\/_rels\/document\.xml\.rels|_rels\/\.rels|docProps\/core\.xml)$/;

/** The wanted parts of a .docx, by name, as bytes. Throws DocxUnreadable. */
export function unzipDocx(bytes: Uint8Array): Map<string, Uint8Array> {
  if (bytes.length === 0) throw new DocxUnreadable({ reason: 'empty' });
  if (bytes.length > MAX_DOCX_BYTES) throw new DocxUnreadable({ reason: 'too-large', bytes: bytes.length });
  // An OLE compound file: a legacy .doc, or a .docx encrypted with a password (Word wraps those in OLE).
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new DocxUnreadable({ reason: 'ole' });
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new DocxUnreadable({ reason: 'not-zip' });

  // Word refuses a zip whose central directory is gone (a cut-off download or attachment), even
  // when its entries could still be read one by one.
  if (!hasEndOfDirectory(bytes)) throw new DocxUnreadable({ reason: 'corrupt', detail: 'truncated' });

  const parts = new Map<string, Uint8Array>();
  let inflated = 0;
  let bomb = false;
  let failure: string | undefined;
  const unzip = new Unzip((file) => {
    if (!WANTED.test(file.name) || bomb) return;
    if (file.originalSize !== undefined && inflated + file.originalSize > MAX_INFLATED_BYTES) {
      bomb = true;
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (error) {
        failure ??= error.message;
        return;
      }
      inflated += chunk.length;
      // The declared size may lie: count what really comes out.
      if (inflated > MAX_INFLATED_BYTES) {
        bomb = true;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) parts.set(file.name, concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    failure ??= error instanceof Error ? error.message : String(error);
  }
  if (bomb) throw new DocxUnreadable({ reason: 'bomb', limit: MAX_INFLATED_BYTES });
  if (failure !== undefined) throw new DocxUnreadable({ reason: 'corrupt', detail: failure });
  if (!parts.has('word/document.xml')) {
    // A cut-off file often loses its later entries: say truncated rather than "not a document".
    throw new DocxUnreadable(
      parts.size === 0 ? { reason: 'corrupt', detail: 'no entry could be read' } : { reason: 'no-document' },
    );
  }
  return parts;
}

function hasEndOfDirectory(bytes: Uint8Array): boolean {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= floor; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) return true;
  }
  return false;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
