import { describe } from 'vitest';
import { parseKtabCsv } from '../../src/formats/ktab.ts';
import { importText } from '../../src/formats/index.ts';
import { nested, textInputs } from './harness.ts';
import { fuzzImporter } from './formats.ts';
import { ktabCsvSeeds } from './seeds.ts';

describe('fuzz: KTAB CSV (src/formats/ktab.ts)', () => {
  fuzzImporter('ktab-csv', 'in.csv', textInputs(ktabCsvSeeds, [nested('"', '"', 'a,b\n')]), parseKtabCsv);
  // The same inputs through format detection (importText picks the importer by content).
  fuzzImporter('import-detect', 'in.csv', textInputs([...ktabCsvSeeds]), (t, f) => importText(t, f));
});
