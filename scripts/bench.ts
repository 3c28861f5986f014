/**
 * npm run bench [-- --scale tiny|small|medium|large] [--json out.json] [--runs N] [--fresh] [--renderer | --no-renderer]
 *                 [--no-sync] [--only sync|manager|import|pipeline|quotation-pdf]
 *
 * Figures a user would feel, measured through the same engine the app uses (in-process here,
 * so the timings are the engine's own; the worker adds one message hop). Prints a table and
 * JSON with median and p95 of repeated runs. Databases are generated once per scale into
 * .bench/ (seeded) and reused; --fresh regenerates.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine, type Engine } from '../src/main/engine/engine';
import { SCHEMA_VERSION } from '../src/main/db/migrations';
import type { Channel, ChannelInput } from '../src/shared/ipc/contract';
import { dispatch } from '../src/shared/ipc/dispatch';
import * as XLSX from '@e965/xlsx';
import { readTable } from '../src/main/import/read-table';
import { inquiryCsv } from './inquiry-csv';
import { benchRenderer, type RendererFigures } from './bench-renderer';
import { reclassifyChanged, runScope } from '../src/main/classify/classify';
import { type ServiceContext } from '../src/main/services/context';
import { serviceHandles } from '../src/main/db/open';
import { benchSync, type SyncBenchResult } from './bench-sync';
import { benchManager } from './bench-manager';
import { benchPipeline } from './bench-pipeline';
import { benchQuotationPdf } from './bench-quotation-pdf';

const SCALES = { tiny: 2_000, small: 10_000, medium: 100_000, large: 500_000 } as const;
type Scale = keyof typeof SCALES;

const { values } = parseArgs({
  allowNegative: true,
  options: {
    scale: { type: 'string', default: 'small' },
    json: { type: 'string' },
    runs: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    renderer: { type: 'boolean' },
    sync: { type: 'boolean', default: true },
    only: { type: 'string' },
  },
});
if (values.only !== undefined && !['sync', 'manager', 'import', 'pipeline', 'quotation-pdf'].includes(values.only)) {
  console.error('--only takes: sync, manager, import, pipeline, quotation-pdf');
  process.exit(2);
}
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
if (values.only !== 'pipeline' && values.only !== 'quotation-pdf' && (values.fresh || !existsSync(dbPath))) {
  rmSync(dbPath, { force: true });
  const engine = await createEngine({ dbPath, mode: 'in-process', appVersion: 'bench' });
  const t = performance.now();
  // Skewed order histories: ~10 orders, ~2 inquiries and 3 follow-ups per customer on average
  // (1M orders and 300k follow-ups at medium).
  await call(engine, 'sample.generate', {
    count: customers,
    seed: 42,
    batchSize: 10_000,
    ordersPerCustomer: 10,
    inquiriesPerCustomer: 2,
    followUpsPerCustomer: 3,
  });
  const seconds = (performance.now() - t) / 1000;
  figures.push({ name: 'generate customers + orders (setup)', unit: 's', median: round(seconds), p95: round(seconds), runs: 1 });
  // The first classification writes every customer's classes.
  const t1 = performance.now();
  await call(engine, 'classify.run', {});
  const first = performance.now() - t1;
  figures.push({ name: 'reclassify: first run (writes every customer)', unit: 'ms', median: round(first), p95: round(first), runs: 1 });
  await engine.close();
}

/**
 * The sync part (scripts/bench-sync.ts): embedded PostgreSQL, the team server in its own process,
 * laptops on loopback; at tiny with small sizes (a smoke test). --no-sync skips it.
 */
let sync: SyncBenchResult | null = null;
async function syncPart(): Promise<void> {
  if (!values.sync) return;
  sync = await benchSync({ scale, root, bookPath: dbPath, edits: scale === 'tiny' ? 10 : Math.max(30, runs) });
  figures.push(...sync.figures);
}

/** The manager's view (scripts/bench-manager.ts): manager.report over a copy of the book with a pool, owner changes, complaints, needs and targets. */
async function managerPart(): Promise<void> {
  figures.push(...(await benchManager({ bookPath: dbPath, benchDir, scale, time })));
}

/** The deals pipeline (scripts/bench-pipeline.ts): a book of its own, 100k customers and 50k open deals (2k / 1k at tiny); the board's column counts and totals. */
async function pipelinePart(): Promise<void> {
  const tiny = scale === 'tiny';
  figures.push(...(await benchPipeline({ benchDir, runs, time, ...(tiny ? { customers: 2_000, openDeals: 1_000 } : {}) })));
}

if (values.only === 'pipeline') {
  await pipelinePart();
  finishOnePart();
}

/** Quotation PDFs (scripts/bench-quotation-pdf.ts): a 20-line bilingual quotation, the first render apart, then repeated renders. */
async function quotationPdfPart(): Promise<void> {
  figures.push(...(await benchQuotationPdf({ benchDir, runs: Math.max(runs, 20) })));
}

if (values.only === 'quotation-pdf') {
  await quotationPdfPart();
  finishOnePart();
}

if (values.only === 'sync' || values.only === 'manager') {
  if (values.only === 'sync') await syncPart();
  else await managerPart();
  finishOnePart();
}

/** `--only PART`: print and write the figures of that part alone, and stop. */
function finishOnePart(): never {
  clearInterval(rssTimer);
  const result = {
    date: new Date().toISOString(),
    machine: { node: process.version, platform: `${process.platform}-${process.arch}` },
    scale,
    customers,
    figures,
    sync,
  };
  printFigures(`${values.only} part only, ${runs} runs each`);
  if (values.json) writeFileSync(resolve(values.json), JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result));
  process.exit(0);
}

function printFigures(what: string): void {
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
  console.log(`\nExportDesk bench — scale ${scale} (${customers.toLocaleString('en')} customers), ${what}`);
  console.log(`${pad('figure', 48)} ${pad('median', 10)} ${pad('p95', 10)} unit`);
  for (const f of figures)
    console.log(`${pad(f.name, 48)} ${pad(String(f.median), 10)} ${pad(String(f.p95), 10)} ${f.unit}${f.note ? `  (${f.note})` : ''}`);
}

// Import: generated inquiry files end to end through the real path (read, recognise, normalise,
// dedupe, insert, reclassify) into an empty database, next to the floor: the same reader plus
// one raw prepared insert per row into the same table, in one transaction.
interface ChildImport {
  analyzeMs: number;
  commitMs: number;
  endToEndMs: number;
  inquiries: number;
  startRssMB: number;
  peakRssMB: number;
}

/**
 * One import in a process of its own (scripts/bench-import-child.ts), so its peak memory is the
 * engine's alone, not this process's generated book and files. `heapMB` caps V8's old generation,
 * to show the import's live memory fits (null: it ran out).
 */
function importInChild(dbPath: string, filePath: string, heapMB?: number): ChildImport | null {
  for (const p of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(p, { force: true });
  const args = [
    ...(heapMB ? [`--max-old-space-size=${heapMB}`] : []),
    '--import',
    'tsx',
    'scripts/bench-import-child.ts',
    dbPath,
    filePath,
  ];
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) {
    if (heapMB) return null;
    throw new Error(`the import process failed: ${run.stderr.slice(-2000)}`);
  }
  const last = run.stdout.trim().split('\n').pop() as string;
  return JSON.parse(last) as ChildImport;
}

/** The heap cap of the import run that shows its live memory. */
const CAPPED_HEAP_MB = 200;
const importPeaks: number[] = [];

async function benchImport(label: string, fileName: string, bytes: Buffer, rows: number, importRuns: number): Promise<void> {
  const endToEnd: number[] = [];
  const floor: number[] = [];
  const peaks: number[] = [];
  let startRss = 0;
  const filePath = resolve(benchDir, fileName);
  writeFileSync(filePath, bytes);
  for (let run = 0; run < importRuns; run++) {
    const path = resolve(benchDir, `import-${run}.db`);
    const child = importInChild(path, filePath) as ChildImport;
    if (child.inquiries !== rows) throw new Error(`import wrote ${child.inquiries} inquiries, expected ${rows}`);
    endToEnd.push(child.endToEndMs);
    peaks.push(child.peakRssMB);
    startRss = child.startRssMB;

    for (const p of [path, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
    const f = await createEngine({ dbPath: path, mode: 'in-process', appVersion: 'bench' });
    const t1 = performance.now();
    const table = readTable(new Uint8Array(bytes), fileName);
    const sqlite = f.database.sqlite;
    const id = Number(
      sqlite.prepare(`INSERT INTO customers (company, created_at, updated_at) VALUES ('floor', 'x', 'x')`).run().lastInsertRowid,
    );
    const insert = sqlite.prepare(
      `INSERT INTO inquiries (external_id, customer_id, received_at, subject, product, message, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'x')`,
    );
    sqlite.transaction(() => {
      for (const r of table.rows) insert.run(String(r[0]), id, String(r[4]), String(r[1]), String(r[7]), String(r[19]), String(r[18]));
    })();
    floor.push(performance.now() - t1);
    await f.close();
    for (const p of [path, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
  }
  endToEnd.sort((x, y) => x - y);
  floor.sort((x, y) => x - y);
  const rate = (ms: number) => Math.round(rows / (ms / 1000));
  const medE = quantile(endToEnd, 0.5);
  const medF = quantile(floor, 0.5);
  figures.push({
    name: `import ${label} (end to end)`,
    unit: 'rows/s',
    median: rate(medE),
    p95: rate(quantile(endToEnd, 0.95)),
    runs: importRuns,
    note: `${round(medE)} ms`,
  });
  figures.push({
    name: `import ${label}: floor (same reader + raw insert)`,
    unit: 'rows/s',
    median: rate(medF),
    p95: rate(quantile(floor, 0.95)),
    runs: importRuns,
    note: `${round(medF)} ms`,
  });
  figures.push({
    name: `import ${label}: import / floor`,
    unit: 'ratio',
    median: round(medF / medE),
    p95: round(quantile(floor, 0.95) / quantile(endToEnd, 0.95)),
    runs: importRuns,
  });
  peaks.sort((x, y) => x - y);
  figures.push({
    name: `import ${label}: peak RSS of the engine process`,
    unit: 'MB',
    median: round(quantile(peaks, 0.5)),
    p95: round(quantile(peaks, 0.95)),
    runs: importRuns,
    note: `${round(startRss)} MB once the engine is open, before the file`,
  });
  importPeaks.push(...peaks);
  if (label.includes('CSV')) {
    // The same import with V8's heap capped: its live memory, not what the collector left lying.
    const capped = importInChild(resolve(benchDir, 'import-capped.db'), filePath, CAPPED_HEAP_MB);
    figures.push({
      name: `import ${label} in a ${CAPPED_HEAP_MB} MB heap: peak RSS`,
      unit: 'MB',
      median: capped ? round(capped.peakRssMB) : NaN,
      p95: capped ? round(capped.peakRssMB) : NaN,
      runs: 1,
      note: capped ? `${round(capped.endToEndMs)} ms` : 'ran out of memory',
    });
  }
}
{
  const csvRows = scale === 'tiny' ? 5_000 : 100_000;
  const xlsxRows = scale === 'tiny' ? 2_000 : 20_000;
  const importRuns = scale === 'tiny' ? 1 : 3;
  const csv = Buffer.from(inquiryCsv(csvRows, Math.round(csvRows / 5), 11), 'utf8');
  await benchImport(`${csvRows / 1000}k-row inquiry CSV`, 'inquiries.csv', csv, csvRows, importRuns);
  const xlsxTable = readTable(new Uint8Array(Buffer.from(inquiryCsv(xlsxRows, Math.round(xlsxRows / 5), 12), 'utf8')), 'inquiries.csv');
  const sheet = XLSX.utils.aoa_to_sheet([xlsxTable.headers, ...xlsxTable.rows.map((r) => r.map((c) => (c === null ? '' : String(c))))]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Inquiries');
  const xlsx = Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array);
  await benchImport(`${xlsxRows / 1000}k-row inquiry XLSX`, 'inquiries.xlsx', xlsx, xlsxRows, importRuns);
}
if (values.only === 'import') finishOnePart();

// Reclassification after an import of 1,000 order and inquiry rows (100 at tiny), each for another
// existing customer, into a copy of the classified book (the rows are written as an import writes
// them): the run limited to the customers the import changed, next to the full run it replaces.
async function benchReclassifyAfterImport(): Promise<void> {
  const copy = resolve(benchDir, `reclassify-${scale}.db`);
  for (const p of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(p, { force: true });
  copyFileSync(dbPath, copy);
  const e = await createEngine({ dbPath: copy, mode: 'in-process', appVersion: 'bench' });
  const d = e.database;
  const ctx = { ...serviceHandles(d), dbPath: copy, now: () => new Date() } as ServiceContext;
  await call(e, 'classify.run', {}); // the copy's basis, today
  const ids = d.sqlite.prepare(`SELECT id FROM customers WHERE archived_at IS NULL ORDER BY id`).pluck().all() as number[];
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const order = d.sqlite.prepare(
    `INSERT INTO orders (customer_id, external_no, ordered_at, amount_minor, currency, product, status, created_at) VALUES (?, ?, ?, ?, 'USD', 'LED panel', 'paid', ?)`,
  );
  const inquiry = d.sqlite.prepare(
    `INSERT INTO inquiries (customer_id, received_at, subject, product, status, source, created_at) VALUES (?, ?, 'Quotation', 'LED panel', 'new', 'Alibaba', ?)`,
  );
  let batch = 0;
  const rows = scale === 'tiny' ? 100 : 1_000;
  /** `rows` rows (half orders of the last 60 days, half inquiries of today) for as many customers; their ids. */
  const importRows = (): number[] => {
    batch++;
    const now = Date.now();
    const touched = new Set<number>();
    while (touched.size < rows) touched.add(ids[Math.floor(rnd() * ids.length)] as number);
    const at = new Date(now).toISOString();
    d.sqlite.transaction(() => {
      let k = 0;
      for (const id of touched) {
        if (k++ % 2) inquiry.run(id, new Date(now - Math.floor(rnd() * 8) * 3_600_000).toISOString(), at);
        else
          order.run(
            id,
            `BENCH-${batch}-${k}`,
            new Date(now - Math.floor(rnd() * 60) * 86_400_000).toISOString(),
            Math.round(50_00 + rnd() * 20_000_00),
            at,
          );
      }
    })();
    return [...touched];
  };
  const incremental: number[] = [];
  const reached: number[] = [];
  const reclassifyRuns = Math.min(runs, 7);
  for (let i = 0; i < reclassifyRuns; i++) {
    const changed = importRows();
    const t0 = performance.now();
    const run = await reclassifyChanged(ctx, 'import', { customerIds: changed });
    incremental.push(performance.now() - t0);
    const scope = runScope(d.read, run.id);
    if (scope?.scope !== 'incremental')
      throw new Error(`the reclassification after an import ran in full: ${scope?.reason ?? 'no basis recorded'}`);
    reached.push((scope.reclassified ?? 0) + (scope.rescored ?? 0));
    sampleRss();
  }
  const full: number[] = [];
  for (let i = 0; i < Math.min(reclassifyRuns, 3); i++) {
    importRows();
    const t0 = performance.now();
    await call(e, 'classify.run', {});
    full.push(performance.now() - t0);
  }
  await e.close();
  for (const p of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(p, { force: true });
  incremental.sort((x, y) => x - y);
  full.sort((x, y) => x - y);
  reached.sort((x, y) => x - y);
  figures.push({
    name: `reclassify after a ${rows.toLocaleString('en')}-row import (incremental)`,
    unit: 'ms',
    median: round(quantile(incremental, 0.5)),
    p95: round(quantile(incremental, 0.95)),
    runs: incremental.length,
    note: `customers classified again: median ${quantile(reached, 0.5)}, max ${reached[reached.length - 1]}`,
  });
  figures.push({
    name: `reclassify after a ${rows.toLocaleString('en')}-row import (full, as before)`,
    unit: 'ms',
    median: round(quantile(full, 0.5)),
    p95: round(quantile(full, 0.95)),
    runs: full.length,
  });
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
// Global search (Ctrl/Cmd+K) as you type: customers, contacts, inquiries and orders in one call.
// (Generated inquiries carry no IDs, so the inquiry prefixes measure a miss on the ID index.)
{
  const orderNo =
    (engine.database.readSqlite
      .prepare(`SELECT external_no FROM orders WHERE external_no IS NOT NULL LIMIT 1 OFFSET 1000`)
      .pluck()
      .get() as string | undefined) ?? 'S1-1000';
  const kinds: [label: string, terms: string[]][] = [
    ['2 Chinese chars', ['光明', '照明', '电气', '海天']],
    ['4 English chars', ['atla', 'summ', 'roya', 'unio']],
    ['e-mail fragment', ['gmail.c', 'john@', '@pioneer', 'ahmed.al']],
    ['inquiry ID prefix', ['5000005', '50000051', '500000511', '5000005112']],
    ['order number prefix', [orderNo.slice(0, -1), orderNo.slice(0, -2), orderNo, orderNo.slice(0, 4)]],
  ];
  for (const [label, terms] of kinds) {
    let i = 0;
    figures.push(
      await time(engine, `global search as you type (${label})`, 'search.global', () => ({ query: terms[i++ % terms.length] as string })),
    );
  }
}
figures.push(await time(engine, 'filter facets (country/industry/owner counts)', 'customers.facets', () => ({ archived: 'active' })));
figures.push(await time(engine, 'stats by country/region', 'stats.overview', () => ({})));

// Classification: a full re-run (reads every order, writes what changed), boards and dashboard.
{
  const orders = (engine.database.readSqlite.prepare(`SELECT count(*) AS n FROM orders`).get() as { n: number }).n;
  const runsBefore = runs;
  const classifyRuns = Math.min(runsBefore, 7);
  const samples: number[] = [];
  for (let i = 0; i < classifyRuns; i++) {
    const t = performance.now();
    await call(engine, 'classify.run', {});
    samples.push(performance.now() - t);
    sampleRss();
  }
  samples.sort((a, b) => a - b);
  figures.push({
    name: `reclassify all customers (${Math.round(orders / 1000)}k orders)`,
    unit: 'ms',
    median: round(quantile(samples, 0.5)),
    p95: round(quantile(samples, 0.95)),
    runs: classifyRuns,
  });
}
for (const dimension of ['segment', 'tier', 'lifecycle', 'continent', 'industry', 'priority', 'tag'] as const) {
  figures.push(await time(engine, `board counts: ${dimension}`, 'boards.columns', () => ({ dimension })));
}
figures.push(
  await time(engine, 'board counts: segment, filtered (Europe + industry)', 'boards.columns', () => ({
    dimension: 'segment',
    filter: { continents: ['150'], industries: ['Lights & Lighting'] },
  })),
);
figures.push(
  await time(engine, 'board column: first 30 cards (tier A)', 'boards.cards', () => ({ dimension: 'tier', key: 'A', limit: 30 })),
);
figures.push(
  await time(engine, 'board column: first 30 cards (Europe)', 'boards.cards', () => ({ dimension: 'continent', key: '150', limit: 30 })),
);
figures.push(await time(engine, 'dashboard (all charts)', 'dashboard.overview', () => ({})));
{
  const followUps = (engine.database.readSqlite.prepare(`SELECT count(*) AS n FROM follow_ups`).get() as { n: number }).n;
  const k = `${Math.round(followUps / 1000)}k follow-ups`;
  for (const bucket of ['today', 'overdue', 'upcoming'] as const) {
    figures.push(
      await time(engine, `follow-ups: ${bucket} list (${k})`, 'followups.list', () => ({ bucket, timeZone: 'Asia/Shanghai', limit: 200 })),
    );
  }
  figures.push(
    await time(engine, `follow-ups: counts for the navigation (${k})`, 'followups.counts', () => ({ timeZone: 'Asia/Shanghai' })),
  );
  figures.push(await time(engine, `follow-ups: churn-risk list`, 'followups.churnRisk', () => ({ limit: 100 })));
  figures.push(
    await time(engine, `follow-ups: cadence proposals (plan preview)`, 'followups.plan', () => ({ timeZone: 'Asia/Shanghai', limit: 200 })),
  );
}
await engine.close();
await benchReclassifyAfterImport();
await managerPart();
await pipelinePart();
await quotationPdfPart();
clearInterval(rssTimer);
const enginePeakRss = peakRss;

// The renderer in Chromium through the browser harness, on the same database (not at tiny, the
// smoke-test scale, unless asked for with --renderer).
let renderer: RendererFigures | null = null;
if (values.renderer ?? scale !== 'tiny') {
  renderer = await benchRenderer(dbPath);
  figures.push({
    name: 'renderer: navigation → first grid rows',
    unit: 'ms',
    median: quantile(renderer.firstRowsMs, 0.5),
    p95: quantile(renderer.firstRowsMs, 0.95),
    runs: renderer.firstRowsMs.length,
  });
  figures.push({
    name: 'renderer: frame time scrolling 5 s',
    unit: 'ms',
    median: renderer.frameMs.p50,
    p95: renderer.frameMs.p95,
    runs: renderer.frameMs.frames,
    note: `${renderer.frameMs.longFrames} frames > 50 ms`,
  });
  figures.push({
    name: 'renderer: rows in the DOM (max)',
    unit: 'rows',
    median: renderer.domRows.scrolling,
    p95: renderer.domRows.max,
    runs: 3,
  });
}

await syncPart();

const sizeBytes = statSync(dbPath).size;
const result = {
  date: new Date().toISOString(),
  machine: { node: process.version, platform: `${process.platform}-${process.arch}` },
  scale,
  customers,
  figures,
  memory: { peakRssMB: round(enginePeakRss / 1024 / 1024), importPeakRssMB: round(Math.max(0, ...importPeaks)) },
  renderer,
  database: { bytes: sizeBytes, mbPer100kCustomers: round((sizeBytes / 1024 / 1024) * (100_000 / customers)) },
  sync,
};

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
printFigures(`${runs} runs each`);
console.log(`${pad('peak RSS (this process, imports apart)', 48)} ${result.memory.peakRssMB} MB`);
console.log(`${pad('peak RSS of an import (its own process)', 48)} ${result.memory.importPeakRssMB} MB`);
console.log(`${pad('database size per 100k customers', 48)} ${result.database.mbPer100kCustomers} MB`);
if (values.json) writeFileSync(resolve(values.json), JSON.stringify(result, null, 2));
console.log(JSON.stringify(result));
