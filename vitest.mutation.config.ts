/**
 * The Vitest configuration StrykerJS runs (stryker.config.json): the unit tests of the folders it
 * mutates (engines, analysis, case), without the CLI, server and worker-thread tests, so that a
 * mutation run stays bounded on a shared machine. `npm test` uses vitest.config.ts, not this.
 *
 * PARLEY_MUTATION_TESTS (comma-separated files or globs) narrows it further, e.g. to a module's own
 * tests: each mutant reruns every test that covers it, and the analysis tests run whole forecasts.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// Not mergeConfig: it would concatenate `include` with the base's test/**/*.test.ts.
export default defineConfig({
  test: {
    ...base.test,
    include: process.env.PARLEY_MUTATION_TESTS?.split(',').map((t) => t.trim()).filter(Boolean) ?? ['test/engines/**/*.test.ts', 'test/analysis/**/*.test.ts', 'test/case/**/*.test.ts'],
    exclude: ['test/engines/smp-cli.test.ts', 'test/analysis/montecarlo.test.ts', '**/node_modules/**'],
  },
});
