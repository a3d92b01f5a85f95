/** Python's random.random() stream, checked against values CPython 3 prints for `random.seed(n)`. */
import { describe, expect, it } from 'vitest';
import { pythonRandom } from '../../src/engines/python-random.ts';

describe('pythonRandom', () => {
  it('draws what CPython draws after random.seed(n), including multi-word seeds', () => {
    const draws = (seed: number, k: number) => {
      const r = pythonRandom(seed);
      return Array.from({ length: k }, r);
    };
    // python3 -c "import random; random.seed(1); print([random.random() for _ in range(3)])"
    expect(draws(1, 3)).toEqual([0.13436424411240122, 0.8474337369372327, 0.763774618976614]);
    expect(draws(0, 2)).toEqual([0.8444218515250481, 0.7579544029403025]);
    expect(draws(42, 2)).toEqual([0.6394267984578837, 0.025010755222666936]);
    expect(draws(2 ** 32 + 5, 1)).toEqual([0.15727238718789782]);
    // Past the first regeneration of the 624-word state (two words per draw).
    expect(draws(1, 2003)[2002]).toBe(0.7758730482768014);
  });

  it('takes non-negative integer seeds only', () => {
    expect(() => pythonRandom(-1)).toThrow(RangeError);
    expect(() => pythonRandom(1.5)).toThrow(/non-negative integer/);
  });
});
