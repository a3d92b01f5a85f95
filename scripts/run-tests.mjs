#!/usr/bin/env node
// The project's test command (`npm test`): runs Vitest, then prints the one summary line CI reads,
// `N passed, N failed`. Extra arguments go to Vitest (e.g. `npm test -- test/case`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

// The CLI tests run bin/parley.js, which runs the compiled dist/: build it first, so that a fresh
// clone (or sources edited since the last build) is tested as it is now.
const build = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
if (build.status !== 0) console.error('npm run build failed: the tests of bin/parley.js will fail');

const report = 'reports/vitest.json';
mkdirSync('reports', { recursive: true });
rmSync(report, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0) + json.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
} catch {
  failed = 1;
  console.error('no test report was written');
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
