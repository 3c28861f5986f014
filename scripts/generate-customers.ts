/**
 * npm run generate -- --db <file> [--count 100000] [--seed 1]
 * Fills a database with realistic generated customers (45 countries, trade-style names, contacts)
 * through the engine's sample.generate job, printing progress.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/main/engine/engine';
import { dispatch } from '../src/shared/ipc/dispatch';

const { values } = parseArgs({
  options: { db: { type: 'string' }, count: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' } },
});
if (!values.db) {
  console.error('usage: npm run generate -- --db <file> [--count N] [--seed N]');
  process.exit(2);
}
const started = performance.now();
const engine = await createEngine({
  dbPath: resolve(values.db),
  mode: 'in-process',
  appVersion: 'generator',
  emit: (e) => {
    if (e.type === 'job.progress') process.stderr.write(`\r${e.phase}: ${e.done}/${e.total}`);
  },
  progressIntervalMs: 500,
});
const r = await dispatch(engine.call, 'sample.generate', { count: Number(values.count), seed: Number(values.seed), batchSize: 5000 });
await engine.close();
process.stderr.write('\n');
if (!r.ok) {
  console.error(`error ${r.error.code}: ${r.error.message}`);
  process.exit(1);
}
console.log(JSON.stringify({ ...(r.value as object), seconds: Number(((performance.now() - started) / 1000).toFixed(2)) }));
