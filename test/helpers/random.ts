/**
 * A seeded generator of integers in [0, n), for fuzz tests that must repeat run after run.
 * mulberry32: every output bit is mixed, where `seed % n` of a plain LCG repeats its low bits
 * with a short period and reached only a sliver of the inputs.
 */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n) >>> 0;
  };
}

/**
 * `text` with `times` small edits at random places: a character deleted, or one of `pieces`
 * inserted or written over the character there.
 */
export function mutate(text: string, random: (n: number) => number, pieces: readonly string[], times: number): string {
  let out = text;
  for (let m = times; m > 0; m--) {
    const at = random(out.length);
    const piece = pieces[random(pieces.length)]!;
    const op = random(3);
    out =
      op === 0 ? out.slice(0, at) + out.slice(at + 1) : out.slice(0, at) + piece + out.slice(op === 1 ? at : at + 1);
  }
  return out;
}
