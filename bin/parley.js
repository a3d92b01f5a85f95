#!/usr/bin/env node
// Entry point of the `parley` command: loads the TypeScript sources through tsx, so that no build
// step stands between `npm ci` and `npx parley`.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
