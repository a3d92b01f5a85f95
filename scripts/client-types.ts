/**
 * Generate the TypeScript client's types (clients/typescript/schema.d.ts) from the server's OpenAPI
 * document, with openapi-typescript: `npm run client:types`. `--check` only compares (the test
 * test/clients/typescript.test.ts fails when the committed file is stale).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp } from '../src/server/app.ts';
import { createStore } from '../src/store/index.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../clients/typescript/schema.d.ts', import.meta.url));

/** The generated declarations for the current server. */
export async function clientTypes(): Promise<string> {
  const store = await createStore(':memory:');
  try {
    const { app, jobs } = createApp({ store });
    const doc = await (await app.request('/openapi.json')).json();
    await jobs.shutdown();
    const header = '/**\n * Generated from parley\'s OpenAPI document by scripts/client-types.ts (openapi-typescript): do not edit.\n */\n\n';
    return header + astToString(await openapiTS(doc as never, { alphabetize: true }));
  } finally {
    await store.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await clientTypes();
  if (process.argv.includes('--check')) {
    const current = readFileSync(SCHEMA_FILE, 'utf8');
    if (current !== text) {
      process.stderr.write(`${SCHEMA_FILE} is stale: run npm run client:types\n`);
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_FILE, text);
    process.stdout.write(`wrote ${SCHEMA_FILE} (${text.length} bytes)\n`);
  }
}
