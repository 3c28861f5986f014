// Worker entry for running the engine from TypeScript source under plain Node (bridge, tests):
// registers tsx in this thread, then loads the very worker the app bundles.
import { register } from 'tsx/esm/api';

register();
await import('../main/engine/worker.ts');
