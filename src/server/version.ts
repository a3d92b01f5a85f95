/** The version stored with every run (package.json's), so that a replay can say what computed it. */
import { readFileSync } from 'node:fs';

export const ENGINE_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
