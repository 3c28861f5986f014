/**
 * One laptop of the fault suite as its own process (so it can be SIGKILLed): an engine in this
 * process on its own SQLite file (argv[2]), no background sync, driven over IPC by the test:
 *
 *   { id, cmd, args } → { id, ok: true, value } | { id, ok: false, code, message }
 *
 * Commands: join, create, edit, sample, sync, outbox, dump, close. Local writes answer with the
 * outbox as it stands after them, so the test knows every op this laptop made (its id, clock and
 * value) without reading the file itself.
 *
 * Run as `node --import tsx test/team/laptop-process.ts <db>` (fork's execArgv).
 */
import { createEngine } from '../../src/main/engine/engine';
import type { Channel } from '../../src/shared/ipc/contract';
import { dispatch } from '../../src/shared/ipc/dispatch';
import { bookRowsOf } from './rows';
import { plainSecretStore, plainSecretsPathFor } from '../../src/main/secrets/secret-store';
import { decodeTeamToken, TEAM_TOKEN_SECRET } from '../../src/main/secrets/team-token';

const dbPath = process.argv[2];
if (!dbPath || !process.send) {
  process.stderr.write('usage: fork laptop-process.ts <db> (with an IPC channel)\n');
  process.exit(2);
}
const send = (m: unknown) => process.send!(m);

const engine = await createEngine({ dbPath, mode: 'in-process', appVersion: 'test', team: { background: false } });
const sqlite = engine.database.sqlite;

async function call(channel: Channel, input: unknown): Promise<unknown> {
  const r = await dispatch(engine.call, channel, input as never, {}, true);
  if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value;
}

export interface OutboxRow {
  opId: string;
  hlc: string;
  tbl: string;
  gid: string;
  field: string;
  value: unknown;
}

function outbox(): OutboxRow[] {
  return (
    sqlite.prepare('SELECT op_id, hlc, tbl, gid, field, value FROM sync_outbox ORDER BY hlc, op_id').all() as {
      op_id: string;
      hlc: string;
      tbl: string;
      gid: string;
      field: string;
      value: string | null;
    }[]
  ).map((r) => ({
    opId: r.op_id,
    hlc: r.hlc,
    tbl: r.tbl,
    gid: r.gid,
    field: r.field,
    value: r.value === null ? null : JSON.parse(r.value),
  }));
}

function idOf(gid: string): number {
  const r = sqlite.prepare('SELECT id FROM customers WHERE gid = ?').get(gid) as { id: number } | undefined;
  if (!r) throw Object.assign(new Error(`no customer ${gid}`), { code: 'NOT_FOUND' });
  return r.id;
}

type Args = Record<string, unknown>;

const commands: Record<string, (a: Args) => Promise<unknown>> = {
  async join(a) {
    return call('team.join', a);
  },
  async create(a) {
    const c = (await call('customers.create', a)) as { id: number };
    const gid = (sqlite.prepare('SELECT gid FROM customers WHERE id = ?').get(c.id) as { gid: string }).gid;
    return { gid, outbox: outbox() };
  },
  async edit(a) {
    const id = idOf(String(a.gid));
    const c = (await call('customers.get', { id })) as { version: number };
    await call('customers.update', { id, version: c.version, patch: a.patch });
    return { outbox: outbox() };
  },
  async sample(a) {
    await call('sample.generate', a);
    return { outbox: outbox() };
  },
  /** team.sync: its error code instead of a throw (a sync that fails is an outcome here). */
  async sync() {
    try {
      await call('team.sync', {});
      return { ok: true };
    } catch (err) {
      return { ok: false, code: (err as { code?: string }).code ?? 'ERROR', message: (err as Error).message };
    }
  },
  async outbox() {
    return outbox();
  },
  async dump() {
    const state = sqlite
      .prepare('SELECT team_device_id AS deviceId, team_user AS user, last_seq AS lastSeq, first_sync AS firstSync FROM sync_state')
      .get() as { deviceId: string; user: string; lastSeq: number; firstSync: string };
    // The device token, from the plain secrets file beside the book (an engine without safeStorage keeps it there).
    const stored = await plainSecretStore(plainSecretsPathFor(dbPath)).get(TEAM_TOKEN_SECRET);
    const token = state.deviceId ? (decodeTeamToken(stored, state.deviceId) ?? '') : '';
    return {
      rows: [...bookRowsOf(sqlite)],
      conflicts: sqlite
        .prepare('SELECT tbl, gid, field, local_hlc, remote_hlc, remote_op_id, code, server_id, resolved_at FROM sync_conflicts')
        .all(),
      pending: (sqlite.prepare('SELECT count(*) AS n FROM sync_pending').get() as { n: number }).n,
      outbox: outbox(),
      state: { ...state, token, userId: state.user ? (JSON.parse(state.user) as { id: string }).id : '' },
    };
  },
  async close() {
    await engine.close();
    setImmediate(() => process.exit(0));
    return null;
  },
};

process.on('message', (m: { id: number; cmd: string; args?: Args }) => {
  const run = commands[m.cmd];
  if (!run) {
    send({ id: m.id, ok: false, code: 'UNKNOWN', message: `no command ${m.cmd}` });
    return;
  }
  run(m.args ?? {}).then(
    (value) => send({ id: m.id, ok: true, value }),
    (err: unknown) =>
      send({
        id: m.id,
        ok: false,
        code: (err as { code?: string }).code ?? 'ERROR',
        message: err instanceof Error ? err.message : String(err),
      }),
  );
});
process.on('disconnect', () => process.exit(0));
send({ ready: true });
