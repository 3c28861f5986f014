import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { ServerDatabase } from '../../src/server/db/schema';
import { addUser } from '../../src/server/identity';
import { uuidv7 } from '../../src/server/uuid';
import type { OpResult, PullOutput, SyncOp } from '../../src/shared/team/sync';
import type { TestServer } from './helpers';

/** Test clients for the sync endpoints: users, devices, ops with clocks, push and pull. */
export const PASSWORD = 'correct horse battery';

export interface Device {
  token: string;
  deviceId: string;
  userId: string;
  node: string;
  /** The last server seq this device pulled (its ops' baseSeq). */
  cursor: number;
  /** Where its last complete pull ended (a pull's `base`, as the laptop sends it). */
  base?: number;
  /** Its wall clock offset (ms), to play a laptop ahead or behind. */
  skew: number;
  counter: number;
}

let logins = 0;

export async function member(db: Kysely<ServerDatabase>, name: string, role: 'salesperson' | 'manager' | 'admin' = 'salesperson') {
  return addUser(db, { name, login: `u${++logins}_${process.pid}`, password: PASSWORD, role });
}

export async function device(api: TestServer, login: string, userId: string): Promise<Device> {
  const r = await api.call('POST', '/v1/login', { body: { login, password: PASSWORD, deviceName: 'laptop' } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const value = r.body.value as { token: string; deviceId: string };
  const node = value.deviceId.replace(/-/g, '').slice(-16);
  return { token: value.token, deviceId: value.deviceId, userId, node, cursor: 0, skew: 0, counter: 0 };
}

export const hlcAt = (ms: number, node: string, counter = 0): string =>
  `${String(Math.floor(ms)).padStart(13, '0')}-${String(counter).padStart(5, '0')}-${node}`;

/** An op made on this device now (its clock: wall time + skew, a counter so each is distinct). */
export function op(d: Device, tbl: string, gid: string, field: string, value: SyncOp['value'], extra: Partial<SyncOp> = {}): SyncOp {
  d.counter += 1;
  return {
    opId: uuidv7(),
    hlc: hlcAt(Date.now() + d.skew, d.node, d.counter % 99_999),
    tbl,
    gid,
    field,
    value,
    baseSeq: d.cursor,
    ...extra,
  };
}

/** The ops of a new row: one per field. */
export function row(d: Device, tbl: string, gid: string, fields: Record<string, SyncOp['value']>): SyncOp[] {
  return Object.entries(fields).map(([f, v]) => op(d, tbl, gid, f, v));
}

export async function push(api: TestServer, d: Device, ops: SyncOp[]): Promise<{ results: OpResult[]; seq: number }> {
  const r = await api.call('POST', '/v1/push', { token: d.token, body: { ops } });
  expect(r.status, JSON.stringify(r.body).slice(0, 2000)).toBe(200);
  return r.body.value as { results: OpResult[]; seq: number };
}

export async function pullPage(
  api: TestServer,
  d: Device,
  query: { since?: number; limit?: number; wait?: number; base?: number } = {},
): Promise<PullOutput> {
  const q = new URLSearchParams({ since: String(query.since ?? d.cursor) });
  const base = query.base ?? (query.since === undefined ? d.base : undefined);
  if (base !== undefined) q.set('base', String(base));
  if (query.limit !== undefined) q.set('limit', String(query.limit));
  if (query.wait !== undefined) q.set('wait', String(query.wait));
  const r = await api.call('GET', `/v1/pull?${q}`, { token: d.token });
  expect(r.status, JSON.stringify(r.body).slice(0, 2000)).toBe(200);
  return r.body.value as PullOutput;
}

/** Pulls every page from the device's cursor, moving it; rows by tbl/gid (latest wins), removed, conflicts. */
export async function pullAll(api: TestServer, d: Device, limit = 1000) {
  const rows: PullOutput['rows'] = [];
  const removed: string[] = [];
  const conflicts: PullOutput['conflicts'] = [];
  for (;;) {
    const page = await pullPage(api, d, { limit });
    rows.push(...page.rows);
    removed.push(...page.removed);
    conflicts.push(...page.conflicts);
    d.cursor = page.seq;
    if (!page.more) {
      d.base = page.seq;
      break;
    }
  }
  return { rows, removed, conflicts, gids: new Set(rows.map((r) => r.gid)) };
}

export const newGid = (): string => uuidv7();
