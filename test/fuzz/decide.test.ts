import { describe } from 'vitest';
import { parseDecide } from '../../src/formats/decide.ts';
import { textInputs } from './harness.ts';
import { fuzzImporter } from './formats.ts';
import { decideSeeds } from './seeds.ts';

describe('fuzz: decide CSV (src/formats/decide.ts)', () => {
  fuzzImporter('decide', 'in.csv', textInputs(decideSeeds), parseDecide);
});
