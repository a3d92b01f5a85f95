/**
 * Python's `random.random()` after `random.seed(n)` for a non-negative integer n: the Mersenne
 * Twister MT19937 seeded by `init_by_array` with n's 32-bit words (least significant first), and a
 * double from two draws as CPython builds it (`random_random` in `_randommodule.c`). It exists so that
 * a seeded run of a Python reference implementation (decide's tie coin) can be replayed exactly.
 */
const N = 624;
const M = 397;

function initGenrand(mt: Uint32Array, s: number): void {
  mt[0] = s >>> 0;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
  }
}

function initByArray(key: number[]): Uint32Array {
  const mt = new Uint32Array(N);
  initGenrand(mt, 19650218);
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, key.length); k > 0; k--) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000;
  return mt;
}

/** A generator of Python's `random.random()` values after `random.seed(seed)`. */
export function pythonRandom(seed: number): () => number {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`a Python seed here is a non-negative integer, got ${seed}`);
  // The seed's 32-bit words, least significant first (CPython: abs(n) as an array of uint32).
  const key: number[] = [];
  for (let v = seed; v > 0; v = Math.floor(v / 2 ** 32)) key.push(v % 2 ** 32);
  if (key.length === 0) key.push(0);
  const mt = initByArray(key);
  let index = N;
  const next = (): number => {
    if (index >= N) {
      for (let k = 0; k < N; k++) {
        const y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
        mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      index = 0;
    }
    let y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
  return () => {
    const a = next() >>> 5;
    const b = next() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  };
}
