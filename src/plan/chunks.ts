// A large file cut into chunks at lines that can only be top-level keys, each read by js-yaml on
// its own. Where every chunk reads clean and no top-level key repeats, the chunks' data joined is
// what js-yaml reads in the whole file; where not, yaml-chunks.ts gives `yaml` only the chunks
// js-yaml refused. Why a cut is safe is told there. No `yaml` here: load-quick.ts uses this.
import { quickParse } from './quick-parse.js';

/** Below this size the whole-file path is quick enough. */
export const CHUNKED_FROM_CHARS = 262_144;
/** The least size of a chunk; it ends at the next cut line. */
export const CHUNK_CHARS = 32_768;

// A line that can only be a plain top-level key: it starts with a letter, digit or `_` (no YAML
// indicator, no indentation), and has `:` then a space or the line's end before any `#` or quote.
const CUT_LINE = /^[\p{L}\p{N}_][^\n:#"']*:(?=[ \t\r\n]|$)/gmu;
const MARKERS = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)|^%/mu;
const OTHER_BREAKS = /\r(?!\n)|[\u0085\u2028\u2029]/u;

export interface Chunk {
  start: number;
  end: number;
  /** What js-yaml read; undefined when it refused the chunk (or left it to `yaml`). */
  data: Record<string, unknown> | undefined;
}

/** The chunks, each read by js-yaml; undefined when the text is not one to cut. */
export function cutChunks(text: string, chunkChars: number): Chunk[] | undefined {
  if (MARKERS.test(text) || OTHER_BREAKS.test(text)) return undefined;
  CUT_LINE.lastIndex = 0;
  const first = CUT_LINE.exec(text);
  // The root map starts at column 0, on the first line with content.
  if (first === null || !onlyCommentsBefore(text, first.index)) return undefined;
  const chunks: Chunk[] = [];
  for (let start = 0; start < text.length;) {
    CUT_LINE.lastIndex = Math.max(start + chunkChars, first.index + 1);
    const next = CUT_LINE.exec(text);
    const end = next === null ? text.length : next.index;
    chunks.push({ start, end, data: quickParse(text.slice(start, end)) });
    start = end;
  }
  return chunks;
}

function onlyCommentsBefore(text: string, offset: number): boolean {
  return text
    .slice(0, offset)
    .split('\n')
    .every((line) => line.trim() === '' || line.trimStart().startsWith('#'));
}

/** The data of the whole text, when every chunk read clean and no top-level key repeats. */
export function joinChunks(chunks: readonly Chunk[]): Record<string, unknown> | undefined {
  const maps: Array<Record<string, unknown>> = [];
  for (const { data } of chunks) {
    if (data === undefined) return undefined;
    maps.push(data);
  }
  return joinMaps(maps);
}

/** The top-level maps of consecutive stretches of a text as one map; undefined if a key repeats. */
export function joinMaps(maps: ReadonlyArray<Record<string, unknown>>): Record<string, unknown> | undefined {
  const joined: Record<string, unknown> = {};
  for (const map of maps) {
    for (const key of Object.keys(map)) {
      if (Object.hasOwn(joined, key)) return undefined;
      // As both parsers set it: an own property even for `__proto__`.
      if (key === '__proto__') {
        Object.defineProperty(joined, key, { value: map[key], enumerable: true, writable: true, configurable: true });
      } else joined[key] = map[key];
    }
  }
  return joined;
}
