// Worker bootstrap: load the TypeScript worker through tsx (no build step), in plain Node and
// under Vitest alike.
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
