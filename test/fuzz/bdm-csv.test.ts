import { describe } from 'vitest';
import { parseBdmCsv } from '../../src/formats/bdm-csv.ts';
import { textInputs } from './harness.ts';
import { fuzzImporter } from './formats.ts';
import { bdmCsvSeeds } from './seeds.ts';

describe('fuzz: BDM CSV (src/formats/bdm-csv.ts)', () => {
  fuzzImporter('bdm-csv', 'in.csv', textInputs(bdmCsvSeeds), parseBdmCsv);
});
