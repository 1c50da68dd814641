// Where the line holding an offset starts. `text.lastIndexOf('\n', offset - 1) + 1` is wrong at
// offset 0 of a text that opens with a line break: a negative start is read as 0, the break is
// found, and the line seems to start at 1. Stepping back line by line from there never ended.

/** The offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}
