import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type LimitedRead = { bytes: Uint8Array } | { tooLarge: number };

/** The code of the error thrown for a path that is a device, FIFO or socket rather than a file. */
export const NOT_REGULAR = 'ENOTREG';

function notRegular(path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`not a regular file: ${path}`);
  error.code = NOT_REGULAR;
  return error;
}

/**
 * Read a regular file, never more than `limit` bytes: the size the file system reports is not
 * trusted (a file may grow while it is read, and /proc files report 0). A FIFO, device or socket
 * is refused without reading, and opening does not wait for a FIFO's writer.
 * Errors are Node's system errors (or NOT_REGULAR); ioReason() words them.
 *
 * The calls are synchronous: a regular file of at most `limit` bytes is read from the page cache
 * or the disk in well under a millisecond, while each asynchronous call is a round trip through
 * libuv's thread pool (a pool thread woken, then this one), which on a virtual machine cost more
 * CPU than the read itself: five such trips a plan were a tenth of a batch build's CPU.
 */
export async function readLimited(path: string, limit: number): Promise<LimitedRead> {
  return readLimitedSync(path, limit);
}

function readLimitedSync(path: string, limit: number): LimitedRead {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) {
      const error: NodeJS.ErrnoException = new Error(`is a directory: ${path}`);
      error.code = 'EISDIR';
      throw error;
    }
    if (!info.isFile()) throw notRegular(path);
    if (info.size > limit) return { tooLarge: info.size };
    const chunks: Buffer[] = [];
    let total = 0;
    const chunkSize = Math.min(Math.max(info.size + 1, 64 * 1024), limit + 1);
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(chunkSize, limit + 1 - total));
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return { tooLarge: Math.max(total, info.size) };
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing was written: a failed close loses nothing.
    }
  }
}
