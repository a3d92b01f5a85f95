/**
 * Property tests explore fresh random inputs on every local run, but CI runs a fixed seed so that a
 * landing never depends on luck. `FC_SEED=N` replays any run (fast-check prints the seed on failure).
 */
import fc from 'fast-check';

const fromEnv = process.env.FC_SEED;
const seed = fromEnv !== undefined ? Number(fromEnv) : process.env.CI === 'true' ? 20251121 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
