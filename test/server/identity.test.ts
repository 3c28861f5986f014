import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../src/server/db/schema';
import { addUser } from '../../src/server/identity';
import { migratedDatabase, startTestPostgres, startTestServer, type TestPostgres, type TestServer } from './helpers';

let pgServer: TestPostgres;
let db: Kysely<ServerDatabase>;
let api: TestServer;
let adminToken: string;

const PASSWORD = 'correct horse battery';
let logins = 0;
/** A new user with a unique login, straight in the database (as `server users add` makes them). */
async function user(role: 'salesperson' | 'manager' | 'admin' = 'salesperson') {
  const login = `${role}${++logins}`;
  return addUser(db, { name: `Test ${login}`, login, password: PASSWORD, role });
}

async function signIn(login: string, deviceName = 'laptop', server: TestServer = api): Promise<string> {
  const r = await server.call('POST', '/v1/login', { body: { login, password: PASSWORD, deviceName } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body.value as { token: string }).token;
}

beforeAll(async () => {
  pgServer = await startTestPostgres();
  ({ db } = await migratedDatabase(pgServer));
  api = await startTestServer(db);
  const admin = await user('admin');
  adminToken = await signIn(admin.login, 'admin desk');
});

afterAll(async () => {
  await api?.close();
  await db?.destroy();
  await pgServer?.stop();
});

describe('login', () => {
  it('a right password signs a device in: its token works, the user and the server time come back', async () => {
    const u = await user('manager');
    const before = Date.now();
    const r = await api.call('POST', '/v1/login', {
      body: { login: u.login.toUpperCase(), password: PASSWORD, deviceName: 'Fair laptop' },
    });
    expect(r.status).toBe(200);
    const value = r.body.value as { token: string; deviceId: string; user: { id: string; role: string }; serverTime: string };
    expect(value.user).toMatchObject({ id: u.id, login: u.login, role: 'manager', removedAt: null });
    expect(Date.parse(value.serverTime)).toBeGreaterThanOrEqual(before - 1000);
    const me = await api.call('GET', '/v1/me', { token: value.token });
    expect(me.status).toBe(200);
    expect(me.body.value).toMatchObject({ user: { id: u.id }, deviceId: value.deviceId });
  });

  it('a wrong password and an unknown login fail alike with 401 and create no device', async () => {
    const u = await user();
    const devicesBefore = await db.selectFrom('devices').select('id').execute();
    const wrong = await api.call('POST', '/v1/login', { body: { login: u.login, password: 'not the password', deviceName: 'x' } });
    const unknown = await api.call('POST', '/v1/login', { body: { login: 'nobody-here', password: PASSWORD, deviceName: 'x' } });
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'wrong login or password' } });
    }
    expect(await db.selectFrom('devices').select('id').execute()).toHaveLength(devicesBefore.length);
  });

  it('stores the password as argon2id and the token only as its SHA-256', async () => {
    const u = await user();
    const token = await signIn(u.login);
    const row = await db.selectFrom('users').selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    const devices = await db.selectFrom('devices').selectAll().where('user_id', '=', u.id).execute();
    expect(devices).toHaveLength(1);
    expect(devices[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(devices)).not.toContain(token);
  });

  it('requests without a token, or with a made-up one, get 401', async () => {
    for (const token of [undefined, 'edt_made-up', adminToken.slice(0, -2) + 'xx']) {
      const r = await api.call('GET', '/v1/me', token === undefined ? {} : { token });
      expect(r.status).toBe(401);
      expect(r.body.error?.code).toBe('UNAUTHENTICATED');
      expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('checks its input against the contract', async () => {
    const r = await api.call('POST', '/v1/login', { body: { login: 'a b', password: '', deviceName: 'x', extra: 1 } });
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('INVALID_INPUT');
    const paths = (r.body.error?.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['login', 'password']));
    expect((await api.call('POST', '/v1/login', { raw: '{not json' })).body.error?.code).toBe('INVALID_INPUT');
    expect((await api.call('POST', '/v1/login', { raw: 'login=a', contentType: 'text/plain' })).status).toBe(415);
    expect((await api.call('POST', '/v1/login', { raw: JSON.stringify({ login: 'x'.repeat(70_000) }) })).status).toBe(413);
    expect((await api.call('GET', '/v1/nothing-here')).status).toBe(404);
    const wrongMethod = await api.call('PUT', '/v1/users', { token: adminToken });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('POST, GET');
    const health = await api.call('GET', '/v1/health');
    expect(health.body.value).toMatchObject({ api: 1 });
  });
});

describe('login rate limit', () => {
  it('after 5 failures for one login, the 6th attempt gets 429 with Retry-After, even with the right password; other logins go on', async () => {
    const u = await user();
    const other = await user();
    for (let i = 0; i < 5; i++) {
      expect((await api.call('POST', '/v1/login', { body: { login: u.login, password: `guess ${i}`, deviceName: 'x' } })).status).toBe(401);
    }
    const blocked = await api.call('POST', '/v1/login', { body: { login: u.login, password: PASSWORD, deviceName: 'x' } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error?.code).toBe('RATE_LIMITED');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Case does not get around it.
    expect(
      (await api.call('POST', '/v1/login', { body: { login: u.login.toUpperCase(), password: PASSWORD, deviceName: 'x' } })).status,
    ).toBe(429);
    await signIn(other.login);
  });

  it('counts failures per address too, and lets the login in again once the window has passed', async () => {
    const limited = await startTestServer(db, { perLogin: 3, perAddress: 4, windowMs: 2000 });
    try {
      const a = await user();
      const b = await user();
      const fail = (login: string) => limited.call('POST', '/v1/login', { body: { login, password: 'wrong password', deviceName: 'x' } });
      for (let i = 0; i < 3; i++) expect((await fail(a.login)).status).toBe(401);
      expect((await limited.call('POST', '/v1/login', { body: { login: a.login, password: PASSWORD, deviceName: 'x' } })).status).toBe(429);
      expect((await fail(b.login)).status).toBe(401); // 4th failure from this address
      const fromAddress = await limited.call('POST', '/v1/login', { body: { login: b.login, password: PASSWORD, deviceName: 'x' } });
      expect(fromAddress.status).toBe(429);
      expect(Number(fromAddress.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, 2100));
      await signIn(a.login, 'laptop', limited);
    } finally {
      await limited.close();
    }
  });
});

describe('revoked devices and removed users', () => {
  it('a revoked device gets 401 on every request; the user’s other devices go on', async () => {
    const u = await user();
    const phone = await signIn(u.login, 'phone');
    const laptop = await signIn(u.login, 'laptop');
    const me = await api.call('GET', '/v1/me', { token: phone });
    const phoneId = (me.body.value as { deviceId: string }).deviceId;
    const revoked = await api.call('DELETE', `/v1/devices/${phoneId}`, { token: adminToken });
    expect(revoked.status).toBe(200);
    expect(revoked.body.value).toMatchObject({ id: phoneId, userId: u.id, name: 'phone', revokedAt: expect.any(String) });
    for (const [method, path] of [
      ['GET', '/v1/me'],
      ['GET', '/v1/me'],
    ] as const) {
      expect((await api.call(method, path, { token: phone })).status).toBe(401);
    }
    expect((await api.call('GET', '/v1/me', { token: laptop })).status).toBe(200);
    // Revoking again changes nothing; an unknown device is 404, a malformed id 400.
    const again = await api.call('DELETE', `/v1/devices/${phoneId}`, { token: adminToken });
    expect((again.body.value as { revokedAt: string }).revokedAt).toBe((revoked.body.value as { revokedAt: string }).revokedAt);
    expect((await api.call('DELETE', '/v1/devices/01a24ed8-d8a2-70af-9d53-87a27b4a694a', { token: adminToken })).status).toBe(404);
    expect((await api.call('DELETE', '/v1/devices/42', { token: adminToken })).status).toBe(400);
  });

  it('a revoked admin device cannot administer either', async () => {
    const admin2 = await user('admin');
    const token = await signIn(admin2.login);
    const id = ((await api.call('GET', '/v1/me', { token })).body.value as { deviceId: string }).deviceId;
    await api.call('DELETE', `/v1/devices/${id}`, { token: adminToken });
    const r = await api.call('POST', '/v1/users', { token, body: { name: 'X', login: 'x-by-revoked', password: PASSWORD, role: 'admin' } });
    expect(r.status).toBe(401);
  });

  it('a removed user gets 401 on all their devices and cannot sign in; nothing of theirs is deleted', async () => {
    const u = await user('manager');
    const tokens = [await signIn(u.login, 'one'), await signIn(u.login, 'two')];
    const removed = await api.call('DELETE', `/v1/users/${u.id}`, { token: adminToken });
    expect(removed.status).toBe(200);
    expect(removed.body.value).toMatchObject({ id: u.id, removedAt: expect.any(String) });
    for (const token of tokens) expect((await api.call('GET', '/v1/me', { token })).status).toBe(401);
    expect((await api.call('POST', '/v1/login', { body: { login: u.login, password: PASSWORD, deviceName: 'x' } })).status).toBe(401);

    const row = await db.selectFrom('users').selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ login: u.login, name: u.name, role: 'manager' });
    expect(row.removed_at).toBeInstanceOf(Date);
    const devices = await db.selectFrom('devices').selectAll().where('user_id', '=', u.id).execute();
    expect(devices).toHaveLength(2);
    expect(devices.every((d) => d.revoked_at !== null)).toBe(true);

    const listed = await api.call('GET', '/v1/users', { token: adminToken });
    expect((listed.body.value as { users: { id: string; removedAt: string | null }[] }).users.find((x) => x.id === u.id)?.removedAt).toBe(
      (removed.body.value as { removedAt: string }).removedAt,
    );
    const active = await api.call('GET', '/v1/users?active=true', { token: adminToken });
    expect((active.body.value as { users: { id: string }[] }).users.map((x) => x.id)).not.toContain(u.id);

    // The login is free for a new user, who is someone else.
    const again = await api.call('POST', '/v1/users', {
      token: adminToken,
      body: { name: 'New person', login: u.login, password: PASSWORD, role: 'salesperson' },
    });
    expect(again.status).toBe(200);
    expect((again.body.value as { id: string }).id).not.toBe(u.id);
    expect((await db.selectFrom('users').select('id').where('login', '=', u.login).execute()).length).toBe(2);
  });
});

describe('admin only', () => {
  it('a salesperson and a manager get 403 on every admin endpoint; nothing changes', async () => {
    const victim = await user();
    for (const role of ['salesperson', 'manager'] as const) {
      const token = await signIn((await user(role)).login);
      const add = await api.call('POST', '/v1/users', {
        token,
        body: { name: 'Sneaky', login: `sneaky-${role}`, password: PASSWORD, role: 'admin' },
      });
      expect(add.status).toBe(403);
      expect(add.body.error?.code).toBe('FORBIDDEN');
      expect((await api.call('GET', '/v1/users', { token })).status).toBe(403);
      expect((await api.call('DELETE', `/v1/users/${victim.id}`, { token })).status).toBe(403);
      expect((await api.call('GET', '/v1/devices', { token })).status).toBe(403);
      expect((await api.call('DELETE', `/v1/devices/${victim.id}`, { token })).status).toBe(403);
    }
    expect(await db.selectFrom('users').select('id').where('login', 'like', 'sneaky%').execute()).toEqual([]);
    expect((await db.selectFrom('users').select('removed_at').where('id', '=', victim.id).executeTakeFirstOrThrow()).removed_at).toBeNull();
  });

  it('an admin adds users (a taken login is 409 whatever its case, a short password 400) and lists devices', async () => {
    const r = await api.call('POST', '/v1/users', {
      token: adminToken,
      body: { name: '王芳', login: 'wang.fang', password: PASSWORD, role: 'salesperson' },
    });
    expect(r.status).toBe(200);
    expect(r.body.value).toMatchObject({ name: '王芳', login: 'wang.fang', role: 'salesperson', removedAt: null });
    expect((r.body.value as { id: string }).id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const taken = await api.call('POST', '/v1/users', {
      token: adminToken,
      body: { name: 'Other', login: 'WANG.FANG', password: PASSWORD, role: 'salesperson' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error?.code).toBe('CONFLICT');
    const short = await api.call('POST', '/v1/users', {
      token: adminToken,
      body: { name: 'S', login: 'short', password: 'short', role: 'manager' },
    });
    expect(short.status).toBe(400);
    const badRole = await api.call('POST', '/v1/users', {
      token: adminToken,
      body: { name: 'S', login: 'boss', password: PASSWORD, role: 'owner' },
    });
    expect(badRole.status).toBe(400);

    const token = await signIn('wang.fang', '王芳的电脑');
    expect(token).toMatch(/^edt_/);
    const devices = await api.call('GET', '/v1/devices', { token: adminToken });
    expect(devices.status).toBe(200);
    expect((devices.body.value as { devices: { userLogin: string; name: string; lastSeenAt: string | null }[] }).devices).toContainEqual(
      expect.objectContaining({ userLogin: 'wang.fang', name: '王芳的电脑', lastSeenAt: expect.any(String), revokedAt: null }),
    );
  });

  it('the last admin cannot be removed', async () => {
    const admins = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('removed_at', 'is', null).execute();
    const me = ((await api.call('GET', '/v1/me', { token: adminToken })).body.value as { user: { id: string } }).user.id;
    for (const a of admins.filter((x) => x.id !== me)) {
      expect((await api.call('DELETE', `/v1/users/${a.id}`, { token: adminToken })).status).toBe(200);
    }
    const last = await api.call('DELETE', `/v1/users/${me}`, { token: adminToken });
    expect(last.status).toBe(409);
    expect(last.body.error?.message).toMatch(/last admin/);
    expect((await api.call('GET', '/v1/me', { token: adminToken })).status).toBe(200);
  });
});
