// Bootstrap of a request worker thread: a worker starts as plain Node, so it loads the TypeScript
// sources through tsx, the same way bin/parley.js does.
import { register } from 'tsx/esm/api';
register();
await import('./offload-worker.ts');
