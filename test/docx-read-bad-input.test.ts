// Bad input to readDocx: each kind of unreadable file gets DocxUnreadable with its reason (and a
// Vietnamese message), and a zip bomb is refused at MAX_INFLATED_BYTES with memory bounded.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync, strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unreadableMessage } from '../src/docx/messages.js';
import { DocxUnreadable, readDocx } from '../src/docx/read.js';
import { MAX_INFLATED_BYTES, type Unreadable } from '../src/docx/zip.js';
import { ROOT, editParts, kehoachDocx, replaceOnce } from './helpers/docx-fixtures.js';

function why(bytes: Uint8Array): Unreadable {
  try {
    readDocx(bytes);
  } catch (error) {
    if (error instanceof DocxUnreadable) return error.why;
    throw error;
  }
  throw new Error('read without complaint');
}

// A small zip writer, so a test can state sizes a zip library would not (a lying declared size)
// and reuse one deflated stream for many entries.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

interface Entry {
  name: string;
  deflated: Uint8Array;
  crc: number;
  size: number;
}

function writeZip(entries: Entry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint16(12, 0x21, true);
    local.setUint32(14, entry.crc, true);
    local.setUint32(18, entry.deflated.length, true);
    local.setUint32(22, entry.size, true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, entry.deflated);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(10, 8, true);
    dir.setUint16(14, 0x21, true);
    dir.setUint32(16, entry.crc, true);
    dir.setUint32(20, entry.deflated.length, true);
    dir.setUint32(24, entry.size, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + entry.deflated.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Ten parts the reader wants, each a few tens of KB deflating to 30 MB: 300 MB if all were inflated. */
function bomb(lie: boolean): Uint8Array {
  const size = 30 * 1024 * 1024;
  const zeros = new Uint8Array(size);
  const deflated = deflateSync(zeros, { level: 9 });
  const crc = crc32(zeros);
  const names = [
    'word/document.xml',
    'word/styles.xml',
    ...Array.from({ length: 8 }, (_, i) => `word/header${i + 1}.xml`),
  ];
  return writeZip(names.map((name) => ({ name, deflated, crc, size: lie ? 1000 : size })));
}

let compliant: Uint8Array;
let dir: string;
let honestBomb: Uint8Array;
let lyingBomb: Uint8Array;

beforeAll(async () => {
  compliant = await kehoachDocx();
  dir = mkdtempSync(join(tmpdir(), 'kehoach-bomb-'));
  honestBomb = bomb(false);
  lyingBomb = bomb(true);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('unreadable files', () => {
  it('an empty file', () => {
    expect(why(new Uint8Array(0))).toEqual({ reason: 'empty' });
  });

  it('a file that is not a zip (text renamed .docx)', () => {
    expect(why(strToU8('Kế hoạch triển khai Chiến lược Ngoại giao văn hóa'))).toEqual({ reason: 'not-zip' });
  });

  it('an encrypted or legacy OLE file', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(strToU8('EncryptionInfo'), 1024);
    expect(why(ole)).toEqual({ reason: 'ole' });
  });

  it('a truncated zip: cut in half, and cut inside its central directory', () => {
    expect(why(compliant.slice(0, Math.floor(compliant.length / 2))).reason).toBe('corrupt');
    expect(why(compliant.slice(0, compliant.length - 10)).reason).toBe('corrupt');
  });

  it('a zip without word/document.xml (a workbook renamed .docx)', () => {
    const workbook = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(why(workbook)).toEqual({ reason: 'no-document' });
  });

  it('malformed XML in document.xml and in styles.xml', () => {
    const broken = editParts(compliant, { 'word/document.xml': (x) => replaceOnce(x, '</w:body>', '</w:bodyy>') });
    const found = why(broken);
    expect(found.reason).toBe('corrupt');
    expect(found.reason === 'corrupt' && found.detail).toMatch(/^word\/document\.xml: /);
    expect(
      why(editParts(compliant, { 'word/styles.xml': (x) => replaceOnce(x, '<w:docDefaults>', '<w:docDefaults') }))
        .reason,
    ).toBe('corrupt');
  });

  it('a zip bomb with honest sizes is refused at the limit', () => {
    expect(honestBomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(why(honestBomb)).toEqual({ reason: 'bomb', limit: MAX_INFLATED_BYTES });
  });

  it('a zip bomb whose declared sizes lie is refused by what really inflates', () => {
    expect(why(lyingBomb)).toEqual({ reason: 'bomb', limit: MAX_INFLATED_BYTES });
  });

  it('the compliant document itself reads', () => {
    expect(readDocx(compliant).paragraphs.length).toBeGreaterThan(100);
  });
});

describe('memory stays bounded on a bomb', () => {
  const READ = pathToFileURL(join(ROOT, 'dist/docx/read.js')).href;
  const script = `
    import { readFileSync } from 'node:fs';
    const { readDocx } = await import(${JSON.stringify(READ)});
    let reason = 'read';
    try { readDocx(readFileSync(process.argv[1])); } catch (error) { reason = error.why?.reason ?? String(error); }
    console.log(JSON.stringify({ reason, maxRSS: process.resourceUsage().maxRSS }));
  `;

  it.each([
    ['honest sizes', () => honestBomb],
    ['lying sizes', () => lyingBomb],
  ])('with %s the reader peaks well under 300 MB', (label, bytes) => {
    const file = join(dir, `${label.replace(/\s/g, '-')}.docx`);
    writeFileSync(file, bytes());
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, file], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    const result = JSON.parse(child.stdout) as { reason: string; maxRSS: number };
    expect(result.reason).toBe('bomb');
    // maxRSS is in kilobytes. Inflating all ten parts would hold 300 MB; stopping at the limit
    // costs Node itself (about 45 MB) plus the one part read whole and its inflate buffers.
    expect(result.maxRSS / 1024).toBeLessThan(250);
  });
});

describe('messages', () => {
  const reasons: Unreadable[] = [
    { reason: 'empty' },
    { reason: 'too-large', bytes: 60 * 1024 * 1024 },
    { reason: 'ole' },
    { reason: 'not-zip' },
    { reason: 'corrupt', detail: 'truncated' },
    { reason: 'bomb', limit: MAX_INFLATED_BYTES },
    { reason: 'no-document' },
  ];

  it.each(reasons.map((r) => [r.reason, r] as const))('%s has a Vietnamese message', (_reason, unreadable) => {
    const message = unreadableMessage(unreadable);
    expect(message).toBe(message.normalize('NFC'));
    expect(message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêệếềểễôộồốổỗơờớợởỡưừứựửữđ]/u);
  });

  it('says how to convert a .doc or remove a password, and names the limit', () => {
    expect(unreadableMessage({ reason: 'ole' })).toMatch(/\.doc.*Lưu thành.*\.docx.*mật khẩu/su);
    expect(unreadableMessage({ reason: 'bomb', limit: MAX_INFLATED_BYTES })).toContain('32 MB');
    expect(unreadableMessage({ reason: 'too-large', bytes: 60 * 1024 * 1024 })).toContain('60 MB');
  });
});
