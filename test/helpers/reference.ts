/**
 * Where the third-party reference data lives (never committed): `$PARLEY_REFERENCE`, or
 * `../shared/reference` beside the project. Tests that need it use `describeWithReference`: it skips
 * with a message when the data is absent, except under CI=true, where a missing folder fails.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const projectRoot = root;
export const referenceRoot = resolve(process.env.PARLEY_REFERENCE ?? join(root, '../shared/reference'));
export const evalDevRoot = resolve(process.env.PARLEY_EVAL_DEV ?? join(referenceRoot, '../eval-dev'));

/** Absolute path of a file under the reference folder. */
export const referencePath = (...parts: string[]): string => join(referenceRoot, ...parts);
export const evalDevPath = (...parts: string[]): string => join(evalDevRoot, ...parts);

const inCI = process.env.CI === 'true';

function guarded(name: string, root: string, envVar: string, body: () => void): void {
  if (existsSync(root)) {
    describe(name, body);
  } else if (inCI) {
    describe(name, () => {
      it(`needs ${root}`, () => {
        throw new Error(`${root} is missing: under CI=true the reference tests must run (set ${envVar})`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: ${root} not found; set ${envVar})`, body);
  }
}

export function describeWithReference(name: string, body: () => void): void {
  guarded(name, referenceRoot, 'PARLEY_REFERENCE', body);
}

export function describeWithEvalDev(name: string, body: () => void): void {
  guarded(name, evalDevRoot, 'PARLEY_EVAL_DEV', body);
}
