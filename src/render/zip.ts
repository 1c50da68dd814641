// A minimal zip reader and writer for the .docx package, on node:zlib's native deflate and crc32.
// Writing it ourselves keeps packing cheap (docx's bundled JSZip deflates in JavaScript) and makes
// the bytes depend only on the content and the date we are given.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** An entry deflated once, to be written into many packages. */
export interface PackedEntry {
  name: Uint8Array;
  crc: number;
  size: number;
  deflated: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const DEFLATE = 8;
const STORE = 0;

export function packEntry(entry: ZipEntry): PackedEntry {
  return {
    name: new TextEncoder().encode(entry.name),
    crc: crc32(entry.data),
    size: entry.data.length,
    deflated: deflateRawSync(entry.data),
  };
}

/** MS-DOS time and date words, from the UTC fields (as JSZip writes them); DOS dates start in 1980. */
function dosStamp(date: Date): { time: number; day: number } {
  const year = date.getUTCFullYear();
  if (year < 1980) return { time: 0, day: (1 << 5) | 1 };
  if (year > 2107) return { time: (23 << 11) | (59 << 5) | 29, day: (127 << 9) | (12 << 5) | 31 };
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** Writes the entries in order, every one stamped with `date`. */
export function writeZip(entries: readonly PackedEntry[], date: Date): Uint8Array {
  const { time, day } = dosStamp(date);
  let total = 22;
  for (const e of entries) total += 30 + e.name.length + e.deflated.length + 46 + e.name.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  const header = (e: PackedEntry, at: number): number => {
    view.setUint16(at, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(at + 2, 0, true); // flags
    view.setUint16(at + 4, DEFLATE, true);
    view.setUint16(at + 6, time, true);
    view.setUint16(at + 8, day, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.deflated.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, e.name.length, true);
    view.setUint16(at + 24, 0, true); // extra field length
    return at + 26;
  };
  for (const e of entries) {
    offsets.push(p);
    view.setUint32(p, LOCAL_HEADER, true);
    p = header(e, p + 4);
    out.set(e.name, p);
    p += e.name.length;
    out.set(e.deflated, p);
    p += e.deflated.length;
  }
  const central = p;
  entries.forEach((e, i) => {
    view.setUint32(p, CENTRAL_HEADER, true);
    view.setUint16(p + 4, 20, true); // version made by: MS-DOS, 2.0
    p = header(e, p + 6);
    // comment length, disk number, internal and external attributes stay zero
    view.setUint32(p + 10, offsets[i] ?? 0, true);
    p += 14;
    out.set(e.name, p);
    p += e.name.length;
  });
  view.setUint32(p, END_OF_CENTRAL, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - central, true);
  view.setUint32(p + 16, central, true);
  return out;
}

/** Reads every file entry (folders skipped) of a zip without data descriptors or zip64. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === END_OF_CENTRAL) {
      end = p;
      break;
    }
  }
  if (end < 0) throw new Error('zip: no end of central directory');
  const entries: ZipEntry[] = [];
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== CENTRAL_HEADER) throw new Error('zip: bad central directory entry');
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const local = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (name.endsWith('/')) continue;
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error('zip: bad local header');
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const compressed = bytes.subarray(start, start + compressedSize);
    const data = method === STORE ? compressed.slice() : new Uint8Array(inflateRawSync(compressed));
    if (data.length !== size) throw new Error(`zip: ${name} has the wrong size`);
    entries.push({ name, data });
  }
  return entries;
}
