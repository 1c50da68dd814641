/**
 * `text` cut to at most `maxBytes` bytes of UTF-8, on a character boundary (never inside a
 * letter with its tone mark, which NFC makes one character).
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}
