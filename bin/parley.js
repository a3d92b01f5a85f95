#!/usr/bin/env node
// Entry point of the `parley` command: loads the TypeScript sources through tsx, so that no build
// step stands between `npm ci` and `npx parley`.
import { register } from 'tsx/esm/api';
register();
// Output piped into a reader that stops early (`parley … | head`): stop quietly, as Unix tools do.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
