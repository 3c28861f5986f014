/**
 * One new laptop joining the team in a process of its own (scripts/bench-sync.ts runs it), so its
 * peak RSS is the engine's alone: an empty book, `team.join` (the first sync: the team's book
 * downloaded page by page and applied), the time and the peak RSS printed as one JSON line.
 *
 *   node --import tsx scripts/bench-sync-child.ts <db> <server> <fingerprint> <login> <password>
 */
import { createEngine } from '../src/main/engine/engine';
import { dispatch } from '../src/shared/ipc/dispatch';

const [dbPath, server, fingerprint, login, password] = process.argv.slice(2) as [string, string, string, string, string];
const mb = (n: number) => Math.round((n / 1024 / 1024) * 100) / 100;
let peak = process.memoryUsage().rss;
let peakHeap = 0;
let peakExternal = 0;
const timer = setInterval(() => {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakExternal = Math.max(peakExternal, m.external);
}, 25);
const engine = await createEngine({ dbPath, mode: 'in-process', appVersion: 'bench' });
const startRss = process.memoryUsage().rss;
const t = performance.now();
const r = await dispatch(engine.call, 'team.join', { server, login, password, fingerprint, deviceName: 'bench new laptop' }, {}, true);
const ms = performance.now() - t;
peak = Math.max(peak, process.memoryUsage().rss);
clearInterval(timer);
if (!r.ok) {
  console.error(`team.join: ${r.error.code}: ${r.error.message}`);
  process.exit(1);
}
const sqlite = engine.database.sqlite;
const count = (t: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
const out = {
  ms,
  customers: count('customers'),
  orders: count('orders'),
  startRssMB: mb(startRss),
  peakRssMB: mb(peak),
  peakHeapMB: mb(peakHeap),
  peakExternalMB: mb(peakExternal),
};
await engine.close();
console.log(JSON.stringify(out));
