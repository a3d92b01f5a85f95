import { describe } from 'vitest';
import { parseDeu, parseDeuByProposal } from '../../src/formats/deu.ts';
import { textInputs } from './harness.ts';
import { fuzzImporter } from './formats.ts';
import { deuSeeds } from './seeds.ts';

describe('fuzz: DEU III (src/formats/deu.ts)', () => {
  fuzzImporter('deu', 'in.csv', textInputs(deuSeeds), (t, f) => parseDeu(t, f, { capability: 'gdp' }));
  fuzzImporter('deu-by-proposal', 'in.csv', textInputs(deuSeeds), parseDeuByProposal);
});
