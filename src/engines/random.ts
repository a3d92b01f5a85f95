/**
 * Seeded pseudo-random streams. One generator (sfc32, Doerfel's Small Fast Counter, 32-bit; passes
 * PractRand to 2^40+ bytes) seeded through splitmix32 from (seed, stream), so that run r of a Monte
 * Carlo simulation always draws the same numbers whatever thread computes it: same seed, same bytes.
 *
 * @example
 * const rng = createRng(42, 0);
 * rng(); // a float in [0, 1), the same on every machine and run
 */
export type Rng = () => number;

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator of floats in [0, 1) for stream `stream` of seed `seed` (both integers ≥ 0). */
export function createRng(seed: number, stream = 0): Rng {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  // Fold the 53-bit seed and the stream number into the splitmix state.
  const hi = Math.floor(seed / 2 ** 32) >>> 0;
  const mix = splitmix32((seed >>> 0) ^ Math.imul(hi, 0x27d4eb2d) ^ Math.imul(stream + 1, 0x165667b1));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix() | 1;
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  // 53-bit float from two 32-bit draws.
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}
