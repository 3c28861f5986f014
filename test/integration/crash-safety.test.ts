import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/main/db/connection';
import { backupDirFor, verifyDatabaseFile } from '../../src/main/safety/backups';
import { checkDatabaseFile } from '../../src/main/safety/startup-check';
import { tempDir } from '../support/temp-db';

/**
 * Crash safety: an engine committing hand-entered customers and import batches (with the backup
 * before each import) is killed with SIGKILL at random moments, again and again. After every kill:
 * the start-up check passes, integrity_check is ok, every commit the engine reported is there,
 * and every import batch is there whole or not at all.
 *   CRASH_KILLS=200 npx vitest run test/integration/crash-safety.test.ts   (long mode)
 */
const KILLS = Math.max(1, Number(process.env.CRASH_KILLS ?? 20));
/** A fresh database every so many kills keeps it (and each import's reclassification) small. */
const EPOCH = 40;
const MAX_DELAY_MS = 1200;
const BATCH_ROWS = 200;
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const ROOT = resolve(import.meta.dirname, '..', '..');

let child: { cmd: string; args: string[] };
const tmp = tempDir('exportdesk-crash-');
const bundle = join(ROOT, 'node_modules', '.cache', 'exportdesk-crash', `child-${process.pid}.mjs`);

beforeAll(async () => {
  // One bundle of the child (starts in a fraction of the time tsx needs); tsx when esbuild is missing.
  // Bundled beside node_modules so better-sqlite3 (left out: native) resolves.
  const out = bundle;
  try {
    const esbuild = await import('esbuild');
    mkdirSync(join(out, '..'), { recursive: true });
    await esbuild.build({
      entryPoints: [join(ROOT, 'test/support/crash-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      external: ['better-sqlite3'],
      outfile: out,
      logLevel: 'error',
    });
    child = { cmd: process.execPath, args: [out] };
  } catch {
    child = { cmd: process.execPath, args: ['--import', 'tsx', join(ROOT, 'test/support/crash-child.ts')] };
  }
});
afterAll(() => {
  tmp.cleanup();
  rmSync(bundle, { force: true });
});

/** A small seeded generator, so a failing run can be replayed with CRASH_SEED. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
}

interface RunLog {
  solos: string[];
  begun: string[];
  batches: string[];
}

/** Runs the child until `delay` ms after it is ready, kills it with SIGKILL, and returns what it reported. */
function runAndKill(dbPath: string, tag: string, delay: number): Promise<RunLog> {
  return new Promise((resolveRun, reject) => {
    const p = spawn(child.cmd, [...child.args, dbPath, tag, String(BATCH_ROWS)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const log: RunLog = { solos: [], begun: [], batches: [] };
    let buffer = '';
    let stderr = '';
    let killed = false;
    const startTimer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`the child did not start: ${stderr}`));
    }, 60_000);
    p.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'ready') {
          clearTimeout(startTimer);
          setTimeout(() => {
            killed = true;
            p.kill('SIGKILL');
          }, delay);
        } else if (line.startsWith('solo ')) log.solos.push(line.slice(5));
        else if (line.startsWith('begin ')) log.begun.push(line.slice(6));
        else if (line.startsWith('batch ')) log.batches.push(line.split(' ')[1] as string);
      }
    });
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code, signal) => {
      clearTimeout(startTimer);
      if (!killed || signal !== 'SIGKILL') reject(new Error(`the child stopped by itself (${code ?? signal}): ${stderr}`));
      else resolveRun(log);
    });
  });
}

describe('crash safety', () => {
  it(
    `${KILLS} SIGKILLs during imports: integrity ok, no committed change lost, no partial import batch`,
    { timeout: 120_000 + KILLS * 12_000 },
    async () => {
      const rnd = random(SEED);
      const started = Date.now();
      const totals = { kills: 0, lostCommits: 0, partialBatches: 0, killsDuringImport: 0, solos: 0, batches: 0, survivedUnreported: 0 };
      let dbPath = '';
      let committedSolos = new Set<string>();
      let committedBatches = new Set<string>();
      let begunBatches = new Set<string>();
      const problems: string[] = [];
      for (let k = 0; k < KILLS; k++) {
        if (k % EPOCH === 0) {
          dbPath = join(tmp.dir, `crash-${k / EPOCH}`, 'ExportDesk.db');
          committedSolos = new Set();
          committedBatches = new Set();
          begunBatches = new Set();
        }
        const log = await runAndKill(dbPath, `k${k}`, Math.floor(rnd() * MAX_DELAY_MS));
        totals.kills++;
        for (const s of log.solos) committedSolos.add(s);
        for (const b of log.batches) committedBatches.add(b);
        for (const b of log.begun) begunBatches.add(b);
        if (log.begun.length > log.batches.length) totals.killsDuringImport++;

        // As the app would find the file at its next start.
        const check = checkDatabaseFile(dbPath);
        if (check.state !== 'ok') problems.push(`kill ${k}: start-up check ${check.state} ${JSON.stringify(check.problem)}`);
        const db = openSqlite(dbPath);
        try {
          const integrity = db.pragma('integrity_check', { simple: true });
          if (integrity !== 'ok') problems.push(`kill ${k}: integrity_check ${String(integrity)}`);
          const fk = db.pragma('foreign_key_check') as unknown[];
          if (fk.length) problems.push(`kill ${k}: ${fk.length} foreign key violations`);
          const companies = new Set(db.prepare(`SELECT company FROM customers WHERE company LIKE 'Solo %'`).pluck().all() as string[]);
          for (const s of committedSolos) {
            if (!companies.has(s)) {
              totals.lostCommits++;
              problems.push(`kill ${k}: committed customer ${s} is gone`);
            }
          }
          const perBatch = new Map<string, number>();
          for (const company of db.prepare(`SELECT company FROM customers WHERE company LIKE 'Batch %'`).pluck().all() as string[]) {
            const marker = company.split(' ')[1] as string;
            perBatch.set(marker, (perBatch.get(marker) ?? 0) + 1);
          }
          for (const marker of begunBatches) {
            const n = perBatch.get(marker) ?? 0;
            if (n !== 0 && n !== BATCH_ROWS) {
              totals.partialBatches++;
              problems.push(`kill ${k}: import ${marker} has ${n} of ${BATCH_ROWS} rows`);
            }
            if (committedBatches.has(marker) && n !== BATCH_ROWS) {
              totals.lostCommits++;
              problems.push(`kill ${k}: committed import ${marker} has ${n} rows`);
            }
          }
          const running = db.prepare(`SELECT count(*) FROM import_batches WHERE status = 'running'`).pluck().get() as number;
          if (running) problems.push(`kill ${k}: ${running} import batches left 'running'`);
          if (k % EPOCH === EPOCH - 1 || k === KILLS - 1) {
            totals.solos += committedSolos.size;
            totals.batches += committedBatches.size;
            totals.survivedUnreported += [...begunBatches].filter((m) => !committedBatches.has(m) && perBatch.get(m) === BATCH_ROWS).length;
          }
        } finally {
          db.close();
        }
        expect(problems, problems.join('\n')).toEqual([]);
      }
      // Every backup the children finished (renamed into place) is whole: a kill mid-backup leaves only a .partial file.
      let backupsChecked = 0;
      for (const epoch of readdirSync(tmp.dir)) {
        const dir = backupDirFor(join(tmp.dir, epoch, 'ExportDesk.db'));
        for (const name of readdirSync(dir).filter((n) => n.endsWith('.sqlite'))) {
          backupsChecked++;
          expect(verifyDatabaseFile(join(dir, name)), name).toMatchObject({ ok: true });
        }
      }
      console.info(
        `crash safety (seed ${SEED}): ${totals.kills} kills, ${totals.lostCommits} lost commits, ${totals.partialBatches} partial batches; ` +
          `${totals.killsDuringImport} kills while an import was under way (${totals.survivedUnreported} of those imports had committed before the kill); ` +
          `${totals.solos} customers and ${totals.batches} import batches of ${BATCH_ROWS} rows committed; ${backupsChecked} backups checked; ${Math.round((Date.now() - started) / 1000)} s`,
      );
      expect(totals).toMatchObject({ kills: KILLS, lostCommits: 0, partialBatches: 0 });
    },
  );
});
