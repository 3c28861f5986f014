/**
 * npm run bench [-- --scale tiny|small|medium|large] [--json out.json] [--runs N] [--fresh]
 *
 * Figures a user would feel, measured through the same engine the app uses (in-process here,
 * so the timings are the engine's own; the worker adds one message hop). Prints a table and
 * JSON with median and p95 of repeated runs. Databases are generated once per scale into
 * .bench/ (seeded) and reused; --fresh regenerates.
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine, type Engine } from '../src/main/engine/engine';
import { SCHEMA_VERSION } from '../src/main/db/migrations';
import type { Channel, ChannelInput } from '../src/shared/ipc/contract';
import { dispatch } from '../src/shared/ipc/dispatch';

const SCALES = { tiny: 2_000, small: 10_000, medium: 100_000, large: 500_000 } as const;
type Scale = keyof typeof SCALES;

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    json: { type: 'string' },
    runs: { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});
if (!(values.scale in SCALES)) {
  console.error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  process.exit(2);
}
const scale = values.scale as Scale;
const customers = SCALES[scale];
const runs = Number(values.runs ?? (scale === 'tiny' ? 5 : 30));
const root = resolve(import.meta.dirname, '..');
const benchDir = resolve(root, '.bench');
const dbPath = resolve(benchDir, `bench-${scale}-s${SCHEMA_VERSION}.db`);

interface Figure {
  name: string;
  unit: string;
  median: number;
  p95: number;
  runs: number;
  note?: string;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

const round = (n: number) => Math.round(n * 100) / 100;
let peakRss = process.memoryUsage().rss;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const rssTimer = setInterval(sampleRss, 50);

async function call<C extends Channel>(engine: Engine, channel: C, input: ChannelInput<C>): Promise<unknown> {
  const r = await dispatch(engine.call, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function time<C extends Channel>(engine: Engine, name: string, channel: C, inputs: () => ChannelInput<C>): Promise<Figure> {
  await call(engine, channel, inputs()); // warm: prepare statements, fill the page cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = inputs();
    const t = performance.now();
    await call(engine, channel, input);
    samples.push(performance.now() - t);
    sampleRss();
  }
  samples.sort((a, b) => a - b);
  return { name, unit: 'ms', median: round(quantile(samples, 0.5)), p95: round(quantile(samples, 0.95)), runs };
}

mkdirSync(benchDir, { recursive: true });
const figures: Figure[] = [];
if (values.fresh || !existsSync(dbPath)) {
  rmSync(dbPath, { force: true });
  const engine = await createEngine({ dbPath, mode: 'in-process', appVersion: 'bench' });
  const t = performance.now();
  await call(engine, 'sample.generate', { count: customers, seed: 42, batchSize: 10_000 });
  const seconds = (performance.now() - t) / 1000;
  figures.push({ name: 'generate customers (setup)', unit: 'rows/s', median: Math.round(customers / seconds), p95: Math.round(customers / seconds), runs: 1 });
  await engine.close();
}

const engine = await createEngine({ dbPath, mode: 'in-process', appVersion: 'bench' });
const prefixes = ['atl', 'sum', 'met', 'roy', 'pri', 'sta', 'uni', 'del', 'nov', 'gre'];
let k = 0;
figures.push(await time(engine, 'grid: first page (+ total)', 'customers.list', () => ({ limit: 100, withTotal: true })));
figures.push(
  await time(engine, 'grid: filtered + sorted page', 'customers.list', () => ({
    filter: { countries: ['DE', 'FR', 'GB'], industries: ['Lights & Lighting', 'Machinery'] },
    sort: { key: 'updatedAt', dir: 'desc' },
    limit: 100,
    withTotal: true,
  })),
);
figures.push(
  await time(engine, 'grid: deep page (keyset)', 'customers.list', () => ({
    sort: { key: 'company', dir: 'asc' },
    after: { value: 'Sterling', id: 0 },
    limit: 200,
  })),
);
figures.push(
  await time(engine, 'grid: scrollbar jump (offset 50%)', 'customers.list', () => ({
    sort: { key: 'createdAt', dir: 'desc' },
    offset: Math.floor(customers / 2),
    limit: 200,
  })),
);
figures.push(
  await time(engine, 'search as you type (3 chars)', 'customers.list', () => ({
    filter: { search: prefixes[k++ % prefixes.length] as string },
    limit: 100,
    withTotal: true,
  })),
);
figures.push(
  await time(engine, 'search as you type (2 chars)', 'customers.list', () => ({
    filter: { search: (prefixes[k++ % prefixes.length] as string).slice(0, 2) },
    limit: 100,
    withTotal: true,
  })),
);
figures.push(await time(engine, 'filter facets (country/industry/owner counts)', 'customers.facets', () => ({ archived: 'active' })));
figures.push(await time(engine, 'stats by country/region', 'stats.overview', () => ({})));
await engine.close();
clearInterval(rssTimer);

const sizeBytes = statSync(dbPath).size;
const result = {
  date: new Date().toISOString(),
  machine: { node: process.version, platform: `${process.platform}-${process.arch}` },
  scale,
  customers,
  figures,
  memory: { peakRssMB: round(peakRss / 1024 / 1024) },
  database: { bytes: sizeBytes, mbPer100kCustomers: round((sizeBytes / 1024 / 1024) * (100_000 / customers)) },
};

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
console.log(`\nExportDesk bench — scale ${scale} (${customers.toLocaleString('en')} customers), ${runs} runs each`);
console.log(`${pad('figure', 48)} ${pad('median', 10)} ${pad('p95', 10)} unit`);
for (const f of figures) console.log(`${pad(f.name, 48)} ${pad(String(f.median), 10)} ${pad(String(f.p95), 10)} ${f.unit}`);
console.log(`${pad('peak RSS', 48)} ${result.memory.peakRssMB} MB`);
console.log(`${pad('database size per 100k customers', 48)} ${result.database.mbPer100kCustomers} MB`);
if (values.json) writeFileSync(resolve(values.json), JSON.stringify(result, null, 2));
console.log(JSON.stringify(result));
