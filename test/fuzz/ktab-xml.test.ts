import { describe } from 'vitest';
import { parseKtabXml } from '../../src/formats/ktab.ts';
import { nested, textInputs } from './harness.ts';
import { fuzzImporter } from './formats.ts';
import { ktabXmlSeeds } from './seeds.ts';

describe('fuzz: KTAB XML (src/formats/ktab.ts)', () => {
  fuzzImporter('ktab-xml', 'in.xml', textInputs(ktabXmlSeeds, [nested('<Scenario>', '</Scenario>'), nested('<a>', '</a>', '&#x110000;')]), parseKtabXml);
});
