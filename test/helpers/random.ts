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
