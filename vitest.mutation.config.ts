/**
 * The Vitest configuration StrykerJS runs (stryker.config.json): the unit tests of the folders it
 * mutates (engines, analysis, case), without the CLI, server and worker-thread tests, so that a
 * mutation run stays bounded on a shared machine. `npm test` uses vitest.config.ts, not this.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['test/engines/**/*.test.ts', 'test/analysis/**/*.test.ts', 'test/case/**/*.test.ts'],
      exclude: ['test/engines/smp-cli.test.ts', 'test/analysis/montecarlo.test.ts', '**/node_modules/**'],
    },
  }),
);
