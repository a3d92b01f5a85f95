/**
 * `describeWithReference` for suites that need particular files: it skips (with a message naming
 * the missing files) when any is absent, not only when the whole reference folder is, so a partial
 * or empty copy of ../shared/reference skips cleanly instead of failing on ENOENT. Under CI=true a
 * missing file fails. Suites read the files in beforeAll or in their tests, never while Vitest
 * collects them (a skipped suite's body still runs at collection).
 */
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';
import { referencePath, referenceRoot } from './reference.ts';

export function describeWithReferenceFiles(name: string, files: string[], body: () => void): void {
  const missing = files.filter((f) => !existsSync(referencePath(f)));
  if (missing.length === 0) describe(name, body);
  else if (process.env.CI === 'true') {
    describe(name, () => {
      it(`needs ${missing.join(', ')}`, () => {
        throw new Error(`${missing.join(', ')} missing under ${referenceRoot}: under CI=true the reference tests must run (set PARLEY_REFERENCE)`);
      });
    });
  } else describe.skip(`${name} (skipped: ${missing.join(', ')} not found under ${referenceRoot}; set PARLEY_REFERENCE)`, body);
}
