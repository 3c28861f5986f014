/**
 * The laptop's side of a team (issue #19, item 5): joining, the background sync and the conflict
 * list. One TeamSync per engine; it works on the book being served (never the sample).
 *
 * Joining: the server's certificate is probed and must have the fingerprint the user confirmed;
 * login (/v1/login) gives this device a token, kept in the secret store (TeamHost.secrets: the OS
 * keychain through Electron's safeStorage in the app, asked through the engine worker's owner; a
 * plain file beside the book in the CLI and tests; never in the book), while sync_state keeps the
 * server, the fingerprint, the device id and the user; the node id of the clocks is the last 16
 * hex digits of the device id; capture
 * is enabled; then the FIRST SYNC, resumable (sync_state.first_sync): download the team's book
 * page by page (applied as it arrives, the app usable meanwhile), merge this book's customers that
 * match the team's (first-sync.ts), queue this book's rows as '*' ops and push them in batches of
 * up to 5,000 ops.
 *
 * In the background while joined (EngineOptions.team.background; the app's worker turns it on,
 * the CLI and most tests do not): a push ~200 ms after local writes (the engine calls localChange
 * after every write channel), a long-poll pull loop (wait=25 s) applying each page with last_seq
 * moved in the same transaction (pull-apply.ts), exponential backoff while the server cannot be
 * reached (status offline, offlineSince; its port tried every second meanwhile, so a laptop back on
 * the network syncs at once), a stop on a refusal that waiting will not cure (a
 * revoked device: UNAUTHENTICATED; another certificate: FINGERPRINT_MISMATCH). Every change of
 * the status is emitted as a `team.status` event, applied pages as `data.changed`. stop() aborts
 * the requests in flight, clears the timers and closes the connections.
 *
 * Pushed ops answered applied (or duplicate of an applied one) leave the outbox, their clock (the
 * server's clamped one when it clamped) becoming their field's; refused ones leave it for the
 * conflict list with their code, never silently, and when the server says what the field holds
 * there, the book takes that value back (sync/acknowledge.ts: a claim someone else won).
 */
import { sql } from 'kysely';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { EngineEvent } from '../../../shared/ipc/contract';
import type { TeamConflict, TeamJoinPreview, TeamMember, TeamProbe, TeamProblem, TeamStatus, TeamUser } from '../../../shared/domain/team';
import { parseHlc } from '../../../shared/sync/hlc';
import { DELETED_FIELD, levelOf, ROW_FIELD, syncTable, TAG_FIELD_PREFIX, type SyncTable } from '../../../shared/sync/tables';
import type {
  CollisionAnswer,
  CollisionMatch,
  CollisionQuery,
  CollisionReport,
  CollisionRequest,
  CollisionRequestInput,
} from '../../../shared/team/collisions';
import { MAX_PUSH_OPS, type OpResult, type PullOutput, type SyncOp } from '../../../shared/team/sync';
import type { ReadDb, WriteTx } from '../../db/sql';
import { enableCaptureIn, outboxSize, readOutbox, type OutboxOp } from '../../sync/capture';
import { probeServer, TeamClient, TeamClientError, type TeamProblemCode } from '../../sync/client';
import { mergeMatched, planUpload, PulledCustomers, queueBook, TeamIndex, bookCustomers } from '../../sync/first-sync';
import { acknowledgeResults } from '../../sync/acknowledge';
import { applyPage } from '../../sync/pull-apply';
import { passClock } from '../../sync/clock';
import { noJobControl, type JobControl, type ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings';
import type { SecretStore } from '../../secrets/secret-store';
import { decodeTeamToken, encodeTeamToken, TEAM_TOKEN_SECRET } from '../../secrets/team-token';

export interface TeamSyncOptions {
  /** Sync in the background while joined (the app); otherwise only when asked (CLI, tests). */
  background?: boolean;
  /** Seconds a background pull waits for something new (default 25). */
  pollWaitS?: number;
  /** Milliseconds between a local write and its push (default 200). */
  debounceMs?: number;
  /** The first and the longest wait between attempts while the server cannot be reached (default 1 s, 60 s). */
  backoffMs?: { min: number; max: number };
  /**
   * While waiting after the server could not be reached, how often its port is tried (a TCP connect,
   * nothing sent; default 1 s): the wait ends as soon as it answers, so a laptop back on the office
   * network syncs within seconds, not at the end of a minute's backoff.
   */
  probeMs?: number;
  /** Rows a pull asks for at once (default 5,000; the first sync's download 2,000): tests use small pages. */
  pageRows?: number;
}

export interface TeamHost {
  /** The book being served, when it may sync (the main one); null otherwise. */
  ctx(): ServiceContext | null;
  emit(event: EngineEvent): void;
  now(): Date;
  /** Where the device token is kept (never the book): see secrets/secret-store.ts. */
  secrets: SecretStore;
}

export interface Credentials {
  server: string;
  login: string;
  password: string;
  fingerprint: string;
  deviceName: string;
}

interface TeamState {
  server: string;
  fingerprint: string;
  /** This device's id at the server; '' when the book is not in a team. */
  deviceId: string;
  deviceName: string;
  user: TeamUser | null;
  lastSeq: number;
  /** Where the last complete pull ended (the pull's `base`). */
  pullBase: number;
  lastSyncAt: string | null;
  firstSync: '' | 'download' | 'upload' | 'done';
}

function readTeam(read: ReadDb | WriteTx): TeamState {
  const r = read.first(read.selectFrom('sync_state').selectAll().where('id', '=', 1));
  let user: TeamUser | null;
  try {
    user = r?.team_user ? (JSON.parse(r.team_user) as TeamUser) : null;
  } catch {
    user = null;
  }
  return {
    server: r?.team_server ?? '',
    fingerprint: r?.team_fingerprint ?? '',
    deviceId: r?.team_device_id ?? '',
    deviceName: r?.team_device_name ?? '',
    user,
    lastSeq: r?.last_seq ?? 0,
    pullBase: r?.pull_base ?? 0,
    lastSyncAt: r?.last_sync_at ?? null,
    firstSync: r?.first_sync ?? '',
  };
}

/**
 * Whether this book is in a team, and as whom (the user the server named at login; null when the
 * stored user does not read): who "me" is for the pool (services/pool), whatever the sync is doing.
 */
export function teamMembership(read: ReadDb | WriteTx): { joined: boolean; user: TeamUser | null } {
  const t = readTeam(read);
  return { joined: t.deviceId !== '', user: t.deviceId !== '' ? t.user : null };
}

/** The settings key of the collisions found at sync, as last fetched (shown offline too). */
const REPORTS_KEY = 'team.collisionReports';
/** The team's active members (name, role) as last fetched with the collision lists. */
const MEMBERS_KEY = 'team.members';
/** Fetched after a push or pull that moved something, else at least this often while the loop runs. */
const REPORTS_EVERY_MS = 5 * 60_000;
interface StoredReports {
  fetchedAt: string | null;
  reports: CollisionReport[];
  /** The requests made about collisions (ask to share, a lead for the owner), fetched with the reports. */
  requests?: CollisionRequest[];
}

/** Rows a pull asks for at once (the server's most). */
const PULL_PAGE_ROWS = 5000;
/**
 * The first sync's pages: every row is new and whole (all its fields and clocks), so a page weighs
 * several times a changed-fields page; smaller pages keep the engine's peak memory down.
 */
const FIRST_SYNC_PAGE_ROWS = 2000;

/** Problems waiting cures (the loop retries with backoff) and those it does not (the loop stops). */
const TRANSIENT: ReadonlySet<TeamProblemCode> = new Set(['UNREACHABLE', 'SERVER_ERROR', 'RATE_LIMITED']);

function problemOf(err: unknown): TeamProblem {
  if (err instanceof TeamClientError) return { code: err.code, message: err.message };
  if (err instanceof AppError && err.code.startsWith('TEAM_')) return { code: err.code.slice(5) as TeamProblemCode, message: err.message };
  return { code: 'PROTOCOL', message: err instanceof Error ? err.message : String(err) };
}

/** A client error as the app's error (the channels' callers see TEAM_… codes). */
function appError(err: unknown): unknown {
  if (err instanceof TeamClientError) return new AppError(`TEAM_${err.code}` as ErrorCode, err.message);
  return err;
}

/** A request's refusal as the app's error: the server's NOT_FOUND and CONFLICT keep their meaning (a pool customer, answered already). */
function requestError(err: unknown): unknown {
  if (err instanceof TeamClientError && (err.serverCode === 'NOT_FOUND' || err.serverCode === 'CONFLICT')) {
    return new AppError(err.serverCode, err.message);
  }
  return appError(err);
}

const hlcIso = (hlc: string): string | null => {
  const h = parseHlc(hlc);
  return h ? new Date(h.wall).toISOString() : null;
};

/** Outbox ops as the push sends them (a batch stays well under the server's 32 MiB body). */
function pushBatch(ops: OutboxOp[]): SyncOp[] {
  const out: SyncOp[] = [];
  let bytes = 0;
  for (const o of ops) {
    const op = {
      opId: o.opId,
      hlc: o.hlc,
      tbl: o.tbl,
      gid: o.gid,
      field: o.field,
      value: (o.value ?? null) as SyncOp['value'],
      baseSeq: o.baseSeq,
    };
    bytes += JSON.stringify(op.value).length + 200;
    if (out.length > 0 && bytes > 16 * 1024 * 1024) break;
    out.push(op);
  }
  return out;
}

export class TeamSync {
  private readonly background: boolean;
  private readonly pollWaitS: number;
  private readonly debounceMs: number;
  private readonly backoff: { min: number; max: number };
  private readonly probeMs: number;
  private readonly pageRows: number | undefined;
  private client: TeamClient | null = null;
  private loop: Promise<void> | null = null;
  private running = false;
  private abort = new AbortController();
  /** The next page, asked for while the one before was applied (pullPage). */
  private ahead: { since: number; base: number; limit: number; client: TeamClient; page: Promise<PullOutput> } | null = null;
  private pushTimer: NodeJS.Timeout | null = null;
  private pushing: Promise<void> | null = null;
  private pushAgain = false;
  private problem: TeamProblem | null = null;
  private offlineSince: string | null = null;
  private busy = 0;
  private download: { rows: number; more: boolean } | null = null;
  private lastEmitted = '';
  private wake: (() => void) | null = null;
  /** Something was pushed or pulled since the collision reports were last fetched. */
  private reportsDirty = true;
  private reportsAt = 0;
  /** The device token as read from the secret store, for the membership it belongs to. */
  private token: { deviceId: string; token: string } | null = null;
  /** A preview's login, reused by the join that follows it (one device, not two). */
  private previewLogin: { key: string; at: number; login: { token: string; deviceId: string; user: TeamUser } } | null = null;

  constructor(
    private readonly host: TeamHost,
    options: TeamSyncOptions = {},
  ) {
    this.background = options.background ?? false;
    this.pollWaitS = options.pollWaitS ?? 25;
    this.debounceMs = options.debounceMs ?? 200;
    this.backoff = options.backoffMs ?? { min: 1000, max: 60_000 };
    this.probeMs = options.probeMs ?? 1000;
    this.pageRows = options.pageRows;
  }

  // ── status ────────────────────────────────────────────────────────────────────────────────

  status(): TeamStatus {
    const ctx = this.host.ctx();
    const t = ctx ? readTeam(ctx.read) : null;
    const joined = !!t?.deviceId;
    const waiting = ctx ? outboxSize(ctx.read) : 0;
    const conflicts = ctx
      ? Number(ctx.read.first(sql<{ n: number }>`SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL`)?.n ?? 0)
      : 0;
    const state: TeamStatus['state'] = !joined
      ? 'off'
      : this.problem && !TRANSIENT.has(this.problem.code)
        ? 'error'
        : this.offlineSince
          ? 'offline'
          : this.busy > 0 || (t?.firstSync ?? 'done') !== 'done'
            ? 'syncing'
            : waiting > 0
              ? 'waiting'
              : 'synced';
    return {
      state,
      server: joined ? t!.server : null,
      fingerprint: joined ? t!.fingerprint : null,
      user: joined ? t!.user : null,
      deviceName: joined ? t!.deviceName : null,
      waiting,
      conflicts,
      lastSyncAt: t?.lastSyncAt ?? null,
      offlineSince: joined ? this.offlineSince : null,
      problem: joined ? this.problem : null,
      download: joined ? this.download : null,
    };
  }

  /** Emits team.status when it changed. */
  private refresh(): void {
    try {
      const status = this.status();
      const text = JSON.stringify(status);
      if (text === this.lastEmitted) return;
      this.lastEmitted = text;
      this.host.emit({ type: 'team.status', status });
    } catch {
      // The book is closing or being replaced: the next refresh tells.
    }
  }

  private setProblem(problem: TeamProblem | null): void {
    this.problem = problem;
    if (problem && problem.code === 'UNREACHABLE') this.offlineSince ??= this.host.now().toISOString();
    if (!problem) this.offlineSince = null;
    this.refresh();
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────────────────────

  /** Starts the background sync when joined and allowed. */
  start(): void {
    if (!this.background || this.running) return;
    const ctx = this.host.ctx();
    if (!ctx || !readTeam(ctx.read).deviceId) return;
    this.running = true;
    this.abort = new AbortController();
    this.loop = this.run().finally(() => {
      this.running = false;
      this.loop = null;
    });
  }

  /** Stops everything: the loop, requests in flight, timers, connections. */
  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    this.ahead = null;
    this.wake?.();
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = null;
    await this.loop?.catch(() => undefined);
    await this.pushing?.catch(() => undefined);
    this.client?.close();
    this.client = null;
    // What is asked after the stop (a join after leaving, Sync now) is not born aborted.
    this.abort = new AbortController();
  }

  /** After the served book changed (a restore, the sample): stop, and start again for the new one. */
  async restart(): Promise<void> {
    await this.stop();
    this.token = null;
    this.problem = null;
    this.offlineSince = null;
    this.lastEmitted = '';
    this.start();
    this.refresh();
  }

  /** Local data changed: push soon (debounced). */
  localChange(): void {
    const ctx = this.host.ctx();
    if (!ctx || !readTeam(ctx.read).deviceId) return;
    this.refresh();
    if (!this.running || this.pushTimer) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      if (this.offlineSince) return; // the loop retries on its own schedule
      this.pushAll().catch(() => undefined);
    }, this.debounceMs);
  }

  private clientFor(t: TeamState, token: string): TeamClient {
    if (!this.client || this.client.server !== t.server.replace(/\/+$/, '') || this.client.fingerprint !== t.fingerprint) {
      this.client?.close();
      this.client = new TeamClient(t.server, t.fingerprint, token);
    } else {
      this.client.setToken(token);
    }
    return this.client;
  }

  /**
   * This device's token, from the secret store (read once per membership, then kept in memory).
   * A book in a team whose token the store does not have (the CLI joined it and the app's keychain
   * holds another, or the store was lost) cannot sync: TEAM_UNAUTHENTICATED, join again.
   */
  private async tokenOf(team: TeamState): Promise<string> {
    if (this.token?.deviceId === team.deviceId) return this.token.token;
    let stored: string | null;
    try {
      stored = await this.host.secrets.get(TEAM_TOKEN_SECRET);
    } catch (err) {
      throw new AppError('SECRETS_UNAVAILABLE', `the device token could not be read: ${err instanceof Error ? err.message : String(err)}`);
    }
    const token = decodeTeamToken(stored, team.deviceId);
    if (!token) {
      // As a revoked device: the status says so and the sync stops until the user joins again.
      throw new AppError(
        'TEAM_UNAUTHENTICATED',
        `this computer's secret store (${this.host.secrets.where}) has no token for this device; leave the team and join it again`,
      );
    }
    this.token = { deviceId: team.deviceId, token };
    return token;
  }

  /** The book in a team and its membership, without the token (what may be checked before any request). */
  private membership(): { ctx: ServiceContext; team: TeamState } {
    const ctx = this.host.ctx();
    if (!ctx) throw new AppError('TEAM_NOT_JOINED', 'this book does not sync (the sample is open)');
    const team = readTeam(ctx.read);
    if (!team.deviceId) throw new AppError('TEAM_NOT_JOINED', 'this book is not in a team; join one first');
    return { ctx, team };
  }

  private async joined(): Promise<{ ctx: ServiceContext; team: TeamState; client: TeamClient }> {
    const { ctx, team } = this.membership();
    const token = await this.tokenOf(team);
    return { ctx, team, client: this.clientFor(team, token) };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  /**
   * The backoff's wait; when the server could not be reached, its port is tried every probeMs
   * meanwhile and the wait ends once it answers (a refused or silent port changes nothing).
   */
  private async waitToRetry(ms: number, client: TeamClient | null): Promise<void> {
    if (!client || this.probeMs >= ms) return this.sleep(ms);
    let timer: NodeJS.Timeout | null = null;
    let waiting = true;
    const probe = () => {
      timer = setTimeout(() => {
        void client.reachable(Math.min(1500, this.probeMs)).then((ok) => {
          if (!waiting) return;
          if (ok) this.wake?.();
          else probe();
        });
      }, this.probeMs);
    };
    probe();
    try {
      await this.sleep(ms);
    } finally {
      waiting = false;
      if (timer) clearTimeout(timer);
    }
  }

  private async run(): Promise<void> {
    let delay = 0;
    let more = false;
    while (this.running) {
      try {
        const { team } = await this.joined();
        if (team.firstSync !== 'done') await this.firstSync(noJobControl);
        await this.pushAll();
        more = await this.pullPage(more ? 0 : this.pollWaitS);
        delay = 0;
        // The server answered: the status says so before anything else is asked of it.
        if (this.problem) this.setProblem(null);
        else this.refresh();
        if (!more && (this.reportsDirty || Date.now() - this.reportsAt > REPORTS_EVERY_MS)) await this.fetchCollisionReports();
      } catch (err) {
        if (!this.running) break;
        const problem = problemOf(err);
        this.setProblem(problem);
        if (!TRANSIENT.has(problem.code)) break;
        delay = Math.min(this.backoff.max, Math.max(this.backoff.min, delay * 2));
        await this.waitToRetry(delay, problem.code === 'UNREACHABLE' ? this.client : null);
      }
    }
  }

  // ── push and pull ─────────────────────────────────────────────────────────────────────────

  /** Pushes everything waiting, a batch at a time (one push at a time; a call meanwhile pushes again after). */
  pushAll(job: JobControl = noJobControl): Promise<void> {
    if (this.pushing) {
      this.pushAgain = true;
      return this.pushing;
    }
    this.pushing = (async () => {
      try {
        do {
          this.pushAgain = false;
          const total = outboxSize((await this.joined()).ctx.read);
          let done = 0;
          for (;;) {
            const n = await this.pushOnce();
            if (n === 0) break;
            done += n;
            job.progress(done, Math.max(total, done), 'upload');
            this.refresh();
          }
        } while (this.pushAgain);
      } finally {
        this.pushing = null;
      }
    })();
    return this.pushing;
  }

  private async pushOnce(): Promise<number> {
    const { ctx, client } = await this.joined();
    const ops = pushBatch(readOutbox(ctx.read, MAX_PUSH_OPS));
    if (ops.length === 0) return 0;
    this.reportsDirty = true;
    const out = await client.call('push', { ops }, { signal: this.abort.signal, timeoutMs: 180_000 });
    await this.acknowledge(ctx, ops, out.results);
    return ops.length;
  }

  /**
   * Applied ops leave the outbox (their clock becomes the field's); refused ones go to the conflict
   * list, and a field the server says holds another value is put back to it (sync/acknowledge.ts).
   */
  private async acknowledge(ctx: ServiceContext, ops: SyncOp[], results: OpResult[]): Promise<void> {
    const now = this.host.now().toISOString();
    const { reverted } = await ctx.db.transaction((tx) => acknowledgeResults(tx, ops, results, now));
    if (reverted.length > 0) this.host.emit({ type: 'data.changed', tables: [...reverted, 'team'] });
  }

  /**
   * Pulls one page (waiting up to `wait` s for something new) and applies it; whether more wait.
   * When more wait, the next page is asked for before this one is applied (the server reads it
   * while this laptop writes), and the next call takes it if it asks for the same (same cursor and
   * base, no wait); anything else (a failed apply, a push between, a stop) lets it go.
   */
  private async pullPage(wait: number, onPage?: (page: PullOutput) => void, pageRows = PULL_PAGE_ROWS): Promise<boolean> {
    const limit = this.pageRows ?? pageRows;
    const { ctx, team, client } = await this.joined();
    const ask = { since: team.lastSeq, base: team.pullBase, limit };
    const ahead = this.ahead;
    this.ahead = null;
    const same =
      ahead && wait === 0 && ahead.since === ask.since && ahead.base === ask.base && ahead.limit === ask.limit && ahead.client === client;
    const page = await (same
      ? ahead.page
      : client.call('pull', { ...ask, wait }, { signal: this.abort.signal, timeoutMs: (wait + 20) * 1000 }));
    if (page.more) {
      const next = { since: page.seq, base: ask.base, limit };
      const request = client.call('pull', { ...next, wait: 0 }, { signal: this.abort.signal, timeoutMs: 20_000 });
      request.catch(() => {}); // a page let go, or a failure the next call meets when it takes it
      this.ahead = { ...next, client, page: request };
    }
    const me = { deviceId: team.deviceId, userId: team.user?.id ?? '' };
    const now = this.host.now().toISOString();
    const r = await applyPage(ctx.db, ctx.read, page, me, now);
    onPage?.(page);
    if (r.rows > 0) this.reportsDirty = true;
    if (r.rows > 0 || r.removed > 0 || r.serverConflicts > 0) this.host.emit({ type: 'data.changed', tables: [...r.tables, 'team'] });
    return page.more;
  }

  /** Push what waits, then pull until nothing more (team.sync, `team sync`). */
  async syncNow(job: JobControl = noJobControl): Promise<TeamStatus> {
    this.busy += 1;
    this.refresh();
    try {
      const { team } = await this.joined();
      if (team.firstSync !== 'done') await this.firstSync(job);
      await this.pushAll(job);
      let pages = 0;
      while (await this.pullPage(0)) {
        job.progress(++pages, pages + 1, 'download');
        await job.checkpoint();
      }
      this.setProblem(null);
      await this.fetchCollisionReports();
    } catch (err) {
      // A refusal of the server, or no token for this device here (tokenOf): the status tells.
      if (!(err instanceof AppError) || err.code === 'TEAM_UNAUTHENTICATED') this.setProblem(problemOf(err));
      throw appError(err);
    } finally {
      this.busy -= 1;
      this.refresh();
    }
    if (this.background && !this.running) this.start();
    return this.status();
  }

  /**
   * The collision check on the team server (#20, services/team/collisions.ts), kept short: null
   * when this book is not in a team, the sync already knows the server cannot be reached, or the
   * server does not answer within `timeoutMs` or refuses (the caller then answers from the book).
   * The sync's own state is left as it is.
   */
  async collisions(query: CollisionQuery, timeoutMs: number): Promise<CollisionMatch[] | null> {
    const ctx = this.host.ctx();
    if (!ctx) return null;
    const team = readTeam(ctx.read);
    if (!team.deviceId || this.offlineSince) return null;
    let token: string;
    try {
      token = await this.tokenOf(team);
    } catch {
      return null;
    }
    // A client of its own, whose connection must be made within the time: a server that takes
    // connections and says nothing (a fair's captive Wi-Fi) holds neither this check nor the sync's
    // connections.
    const client = new TeamClient(team.server, team.fingerprint, token, timeoutMs);
    try {
      const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(timeoutMs)]);
      const out = await client.call('collisions', query, { signal, timeoutMs });
      return out.matches;
    } catch (err) {
      if (err instanceof TeamClientError) return null;
      throw err;
    } finally {
      client.close();
    }
  }

  // ── collisions found at sync ──────────────────────────────────────────────────────────────

  /**
   * Fetches the collisions the server found at sync that name this user (#20: a lead captured
   * offline for a colleague's customer is flagged when it arrives) and keeps them in the book's
   * settings, so the list shows offline too. A server that cannot answer leaves the last list.
   */
  private async fetchCollisionReports(): Promise<void> {
    const { ctx, client } = await this.joined();
    this.reportsDirty = false;
    this.reportsAt = Date.now();
    const options = { signal: this.abort.signal, timeoutMs: 15_000 };
    let fetched: { reports: CollisionReport[]; requests: CollisionRequest[] };
    try {
      fetched = await client.call('collisionReports', {}, options);
    } catch (err) {
      if (err instanceof TeamClientError) return;
      throw err;
    }
    await this.keepReports(ctx, fetched, {});
    // The members apart: a server that cannot answer them (an older one) still gives the lists.
    let members: TeamMember[];
    try {
      ({ members } = await client.call('members', {}, options));
    } catch (err) {
      if (err instanceof TeamClientError) return;
      throw err;
    }
    const before = readSetting<TeamMember[]>(ctx.read, MEMBERS_KEY);
    if (JSON.stringify(before) !== JSON.stringify(members)) {
      const now = this.host.now().toISOString();
      await ctx.db.transaction((tx) => writeSetting(tx, MEMBERS_KEY, members, now));
      this.host.emit({ type: 'data.changed', tables: ['team'] });
    }
  }

  /** The team's active members as last fetched (none when this book is not in a team). */
  members(): TeamMember[] {
    const ctx = this.host.ctx();
    if (!ctx || !readTeam(ctx.read).deviceId) return [];
    return readSetting<TeamMember[]>(ctx.read, MEMBERS_KEY) ?? [];
  }

  /** Stores the fetched lists, or puts one report or request in the kept ones; data.changed when they changed. */
  private async keepReports(
    ctx: ServiceContext,
    fetched: { reports: CollisionReport[]; requests: CollisionRequest[] } | null,
    one: { report?: CollisionReport; request?: CollisionRequest },
  ): Promise<void> {
    const now = this.host.now().toISOString();
    const before = readSetting<StoredReports>(ctx.read, REPORTS_KEY);
    const put = <T extends { id: string }>(list: T[], item: T | undefined): T[] =>
      !item ? list : list.some((r) => r.id === item.id) ? list.map((r) => (r.id === item.id ? item : r)) : [item, ...list];
    const list = put(fetched?.reports ?? before?.reports ?? [], one.report);
    const requests = put(fetched?.requests ?? before?.requests ?? [], one.request);
    const stored: StoredReports = { fetchedAt: fetched ? now : (before?.fetchedAt ?? null), reports: list, requests };
    await ctx.db.transaction((tx) => writeSetting(tx, REPORTS_KEY, stored, now));
    const changed =
      JSON.stringify(before?.reports ?? []) !== JSON.stringify(list) || JSON.stringify(before?.requests ?? []) !== JSON.stringify(requests);
    if (changed) this.host.emit({ type: 'data.changed', tables: ['team'] });
  }

  /** The collisions found at sync as last fetched, each side with this book's customer id when it has it. */
  collisionReports(): {
    fetchedAt: string | null;
    reports: (CollisionReport & { customerId: number | null; otherId: number | null })[];
    requests: (CollisionRequest & { customerId: number | null })[];
  } {
    const ctx = this.host.ctx();
    if (!ctx || !readTeam(ctx.read).deviceId) return { fetchedAt: null, reports: [], requests: [] };
    const stored = readSetting<StoredReports>(ctx.read, REPORTS_KEY);
    const reports = stored?.reports ?? [];
    const requests = stored?.requests ?? [];
    const gids = [
      ...new Set([
        ...reports.flatMap((r) => [r.customer.gid.toLowerCase(), r.other.gid.toLowerCase()]),
        ...requests.map((r) => r.gid.toLowerCase()),
      ]),
    ];
    const ids = new Map(
      gids.length
        ? ctx.read
            .all(ctx.read.selectFrom('customers').select(['id', 'gid']).where('gid', 'in', gids))
            .map((c) => [c.gid.toLowerCase(), c.id])
        : [],
    );
    return {
      fetchedAt: stored?.fetchedAt ?? null,
      reports: reports.map((r) => ({
        ...r,
        customerId: ids.get(r.customer.gid.toLowerCase()) ?? null,
        otherId: ids.get(r.other.gid.toLowerCase()) ?? null,
      })),
      requests: requests.map((r) => ({ ...r, customerId: ids.get(r.gid.toLowerCase()) ?? null })),
    };
  }

  /**
   * The pool's return rules applied now by the team server (a manager's "Apply the rules now"; the
   * server also runs them hourly), then a sync so this laptop shows the result at once.
   */
  async applyPoolRules(job: JobControl = noJobControl): Promise<{ returned: number }> {
    if (this.membership().team.user?.role === 'salesperson')
      throw new AppError('MANAGER_REQUIRED', 'only a manager or an administrator of the team may apply the pool rules now');
    const { client } = await this.joined();
    let returned: number;
    try {
      ({ returned } = await client.call('poolRun', {}, { signal: this.abort.signal, timeoutMs: 60_000 }));
    } catch (err) {
      throw appError(err);
    }
    await this.syncNow(job);
    return { returned };
  }

  /** Marks a collision handled on the server (one of its owners, or a manager), then in the kept list. */
  async collisionHandled(id: string): Promise<CollisionReport> {
    const { ctx, client } = await this.joined();
    try {
      const { report } = await client.call('collisionHandled', { id }, { signal: this.abort.signal, timeoutMs: 15_000 });
      await this.keepReports(ctx, null, { report });
      return report;
    } catch (err) {
      throw appError(err);
    }
  }

  // ── requests about collisions (collision-requests.ts) ────────────────────────────────────

  /** A request as last kept (the list shown offline), or undefined. */
  keptRequest(id: string): CollisionRequest | undefined {
    const ctx = this.host.ctx();
    if (!ctx) return undefined;
    return readSetting<StoredReports>(ctx.read, REPORTS_KEY)?.requests?.find((r) => r.id === id);
  }

  /** Asks the owner to share a customer, or passes them a lead; kept in the list. */
  async collisionRequest(input: CollisionRequestInput): Promise<CollisionRequest> {
    const { ctx, client } = await this.joined();
    try {
      const { request } = await client.call('collisionRequest', input, { signal: this.abort.signal, timeoutMs: 15_000 });
      await this.keepReports(ctx, null, { request });
      return request;
    } catch (err) {
      throw requestError(err);
    }
  }

  /** Answers a request on the server (the owner or a manager), then in the kept list. */
  async answerRequest(id: string, answer: CollisionAnswer): Promise<CollisionRequest> {
    const { ctx, client } = await this.joined();
    try {
      const { request } = await client.call('collisionAnswer', { id, answer }, { signal: this.abort.signal, timeoutMs: 15_000 });
      await this.keepReports(ctx, null, { request });
      return request;
    } catch (err) {
      throw requestError(err);
    }
  }

  // ── joining ───────────────────────────────────────────────────────────────────────────────

  async probe(server: string): Promise<TeamProbe> {
    try {
      return await probeServer(server);
    } catch (err) {
      throw appError(err);
    }
  }

  /** Probes the certificate (must be the confirmed one) and logs in (or takes the preview's login). */
  private async login(creds: Credentials): Promise<{ client: TeamClient; login: { token: string; deviceId: string; user: TeamUser } }> {
    const probe = await this.probe(creds.server);
    if (probe.fingerprint !== creds.fingerprint) {
      throw new AppError(
        'TEAM_FINGERPRINT_MISMATCH',
        `the server's certificate has the fingerprint ${probe.fingerprint}, not the one confirmed; nothing was sent`,
        { fingerprint: probe.fingerprint },
      );
    }
    const client = new TeamClient(creds.server, creds.fingerprint);
    const key = JSON.stringify([creds.server, creds.login, creds.fingerprint, creds.deviceName, creds.password]);
    if (this.previewLogin && this.previewLogin.key === key && Date.now() - this.previewLogin.at < 15 * 60_000) {
      const login = this.previewLogin.login;
      client.setToken(login.token);
      return { client, login };
    }
    try {
      const out = await client.call('login', { login: creds.login, password: creds.password, deviceName: creds.deviceName });
      client.setToken(out.token);
      const login = { token: out.token, deviceId: out.deviceId, user: out.user };
      this.previewLogin = { key, at: Date.now(), login };
      return { client, login };
    } catch (err) {
      client.close();
      throw appError(err);
    }
  }

  /** What joining would do: the team's customers are read (nothing written here) and this book's matched against them. */
  async preview(creds: Credentials, job: JobControl = noJobControl): Promise<TeamJoinPreview> {
    const ctx = this.host.ctx();
    if (!ctx) throw new AppError('TEAM_NOT_JOINED', 'the sample does not join a team');
    const { client } = await this.login(creds);
    try {
      const pulled = new PulledCustomers();
      let since = 0;
      let rows = 0;
      for (;;) {
        const page = await client.call('pull', { since, limit: 5000, wait: 0 }, { timeoutMs: 120_000 });
        pulled.add(page.rows);
        pulled.remove(page.removed);
        rows += page.rows.length;
        since = page.seq;
        job.progress(rows, rows + (page.more ? 5000 : 0), 'download');
        await job.checkpoint();
        if (!page.more) break;
      }
      const plan = planUpload(ctx.read, pulled.index());
      return { customers: plan.customers, matched: plan.matched, rows: plan.rows };
    } catch (err) {
      throw appError(err);
    } finally {
      client.close();
    }
  }

  /** Joins: login, capture on, the first sync (see the file's comment). */
  async join(creds: Credentials, job: JobControl = noJobControl): Promise<TeamStatus> {
    const ctx = this.host.ctx();
    if (!ctx) throw new AppError('TEAM_NOT_JOINED', 'the sample does not join a team');
    if (readTeam(ctx.read).deviceId) throw new AppError('TEAM_ALREADY_JOINED', 'this book is already in a team; leave it first');
    const { client, login } = await this.login(creds);
    client.close();
    this.previewLogin = null;
    const nodeId = login.deviceId.replace(/-/g, '').slice(-16).toLowerCase();
    const now = this.host.now().toISOString();
    // The token goes to the secret store first: a book that says it is in a team has its token.
    try {
      await this.host.secrets.set(TEAM_TOKEN_SECRET, encodeTeamToken(login.deviceId, login.token));
    } catch (err) {
      throw new AppError('SECRETS_UNAVAILABLE', `the device token could not be kept: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.token = { deviceId: login.deviceId, token: login.token };
    await ctx.db.transaction((tx) => {
      // Another team's server (another certificate) than the one this book was in: what that server
      // had (the field clocks) and what waited for it mean nothing here; every row goes up as new
      // (queueBook), edits made since leaving included. The same team again: the changes recorded
      // since leaving (capture stays on, see leave) go up as they are, and meet the team's at the server.
      const previous = readTeam(tx).fingerprint;
      if (previous && previous.toLowerCase() !== creds.fingerprint.toLowerCase()) {
        tx.run(sql`DELETE FROM sync_field_clock`);
        tx.run(sql`DELETE FROM sync_outbox`);
      }
      tx.run(
        tx
          .updateTable('sync_state')
          .set({
            team_server: creds.server.replace(/\/+$/, ''),
            team_fingerprint: creds.fingerprint,
            team_device_id: login.deviceId,
            team_device_name: creds.deviceName,
            team_user: JSON.stringify(login.user),
            joined_at: now,
            first_sync: 'download',
            // A new membership downloads the team's book from its start.
            last_seq: 0,
            pull_base: 0,
          })
          .where('id', '=', 1),
      );
      tx.run(sql`DELETE FROM sync_pending`);
      enableCaptureIn(tx, nodeId);
    });
    this.problem = null;
    this.offlineSince = null;
    this.refresh();
    try {
      await this.syncNow(job);
    } catch (err) {
      // Joined all the same: the background sync (or `team sync`) resumes the first sync.
      if (err instanceof AppError && err.code === 'CANCELLED') throw err;
      if (!(err instanceof AppError) || !err.code.startsWith('TEAM_UNREACHABLE')) throw err;
    }
    this.start();
    return this.status();
  }

  /** The first sync's steps, resumable: download, merge and queue, then the pushes follow. */
  private async firstSync(job: JobControl): Promise<void> {
    const { ctx } = await this.joined();
    if (readTeam(ctx.read).firstSync === 'download') {
      let rows = 0;
      this.download = { rows: 0, more: true };
      this.refresh();
      for (let more = true; more;) {
        more = await this.pullPage(
          0,
          (page) => {
            rows += page.rows.length;
            this.download = { rows, more: page.more };
          },
          FIRST_SYNC_PAGE_ROWS,
        );
        job.progress(rows, rows + (more ? (this.pageRows ?? FIRST_SYNC_PAGE_ROWS) : 0), 'download');
        this.refresh();
        await job.checkpoint();
      }
      this.download = null;
      await ctx.db.transaction((tx) => tx.run(tx.updateTable('sync_state').set({ first_sync: 'upload' }).where('id', '=', 1)));
    }
    if (readTeam(ctx.read).firstSync === 'upload') {
      job.progress(0, 1, 'merge');
      const index = new TeamIndex();
      for (const c of bookCustomers(ctx.read, 'team')) index.add(c);
      const plan = planUpload(ctx.read, index);
      const now = this.host.now().toISOString();
      await mergeMatched(ctx.db, plan, now);
      await queueBook(ctx.db, now);
      await ctx.db.transaction((tx) => tx.run(tx.updateTable('sync_state').set({ first_sync: 'done' }).where('id', '=', 1)));
      this.host.emit({ type: 'data.changed', tables: ['customers', 'team'] });
      this.refresh();
    }
  }

  /**
   * Leaves: the sync stops and the token is forgotten; the book and unsent changes stay. Capture
   * stays on: what the user changes while outside the team is recorded field by field, so a re-join
   * to the same team sends it (without it, an edit made meanwhile to a row the server has would never
   * go up, and the download would put the team's older value over it). Joining another team instead
   * starts that record afresh (join).
   */
  async leave(): Promise<TeamStatus> {
    const ctx = this.host.ctx();
    if (!ctx) throw new AppError('TEAM_NOT_JOINED', 'the sample is not in a team');
    await this.stop();
    await ctx.db.transaction((tx) =>
      tx.run(tx.updateTable('sync_state').set({ team_device_id: '', team_user: '', first_sync: '', joined_at: null }).where('id', '=', 1)),
    );
    // The token is forgotten: gone from the secret store (the keychain's file, or the plain one).
    this.token = null;
    try {
      await this.host.secrets.delete(TEAM_TOKEN_SECRET);
    } catch (err) {
      // The book has left all the same; the token names a device this book no longer uses.
      console.warn(
        `the device token could not be removed from ${this.host.secrets.where}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    this.problem = null;
    this.offlineSince = null;
    this.download = null;
    this.refresh();
    return this.status();
  }

  // ── conflicts ─────────────────────────────────────────────────────────────────────────────

  private customerOf(read: ReadDb, tbl: string, gid: string): { customerId: number | null; company: string | null } {
    const t = syncTable(tbl);
    if (!t) return { customerId: null, company: null };
    let q;
    if (t.table === 'customers') q = sql<{ id: number; company: string }>`SELECT id, company FROM customers WHERE gid = ${gid}`;
    else if (t.audience.kind !== 'child') return { customerId: null, company: null };
    else if (levelOf(t) === 1)
      q = sql<{ id: number; company: string }>`SELECT c.id, c.company FROM ${sql.table(t.table)} x JOIN customers c ON c.id = x.customer_id
        WHERE x.gid = ${gid}`;
    else
      q = sql<{ id: number; company: string }>`SELECT c.id, c.company FROM ${sql.table(t.table)} x
        JOIN ${sql.table(t.audience.parent)} p ON p.id = x.${sql.ref(t.audience.fk)} JOIN customers c ON c.id = p.customer_id
        WHERE x.gid = ${gid}`;
    const r = read.first(q);
    return { customerId: r?.id ?? null, company: r?.company ?? null };
  }

  private toConflict(read: ReadDb, r: ConflictRecord): TeamConflict {
    const parse = (v: string | null) => {
      if (v === null) return null;
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return v;
      }
    };
    return {
      id: r.id,
      tbl: r.tbl,
      gid: r.gid,
      field: r.field,
      ...withCompany(this.customerOf(read, r.tbl, r.gid), r.company),
      mine: parse(r.local_value),
      theirs: parse(r.remote_value),
      mineAt: hlcIso(r.local_hlc) ?? r.created_at,
      theirsAt: hlcIso(r.remote_hlc) ?? r.created_at,
      kept: r.winner === 'local' ? 'mine' : 'theirs',
      by: r.by_user,
      code: (r.code as TeamConflict['code']) ?? null,
      resolvedAt: r.resolved_at,
    };
  }

  conflicts(resolved = false): TeamConflict[] {
    const ctx = this.host.ctx();
    if (!ctx) return [];
    const rows = ctx.read.all(
      ctx.read
        .selectFrom('sync_conflicts')
        .selectAll()
        .where('resolved_at', resolved ? 'is not' : 'is', null)
        .orderBy('id', 'desc')
        .limit(1000),
    );
    return rows.map((r) => this.toConflict(ctx.read, r));
  }

  /**
   * Keep mine or theirs. The value chosen, when the book does not hold it, is written again through
   * the write transaction with capture on: it becomes a new change whose newer clock wins everywhere.
   */
  async resolve(id: number, keep: 'mine' | 'theirs'): Promise<TeamConflict> {
    const ctx = this.host.ctx();
    if (!ctx) throw new AppError('TEAM_NOT_JOINED', 'the sample has no conflicts');
    const now = this.host.now().toISOString();
    await ctx.db.transaction((tx) => {
      const c = tx.first(tx.selectFrom('sync_conflicts').selectAll().where('id', '=', id));
      if (!c) throw new AppError('NOT_FOUND', `conflict ${id} does not exist`, { id });
      if (c.resolved_at) throw new AppError('CONFLICT', 'this conflict was already resolved', { id });
      const held = c.winner === 'local' ? 'mine' : 'theirs';
      if (keep !== held) {
        if (c.code !== null) {
          throw new AppError('CONFLICT', `the server refused this change (${c.code}); it is kept here, and can only be dismissed`, { id });
        }
        const value = JSON.parse((keep === 'mine' ? c.local_value : c.remote_value) ?? 'null') as unknown;
        // Written after the value it replaces, whatever this laptop's clock says.
        if (keep === 'mine' && c.remote_hlc) passClock(tx, c.remote_hlc);
        writeField(tx, c.tbl, c.gid, c.field, value, now);
      }
      tx.run(
        tx
          .updateTable('sync_conflicts')
          .set({ resolved_at: now, resolution: keep === 'mine' ? 'kept_mine' : 'kept_theirs' })
          .where('id', '=', id),
      );
    });
    this.localChange();
    this.refresh();
    const row = ctx.read.first(ctx.read.selectFrom('sync_conflicts').selectAll().where('id', '=', id));
    return this.toConflict(ctx.read, row as ConflictRecord);
  }
}

/** The customer as the book has it, or the company logged with the conflict once it has left the book. */
function withCompany(found: { customerId: number | null; company: string | null }, logged: string | null) {
  return found.customerId === null ? { customerId: null, company: logged } : found;
}

type ConflictRecord = {
  id: number;
  tbl: string;
  gid: string;
  field: string;
  local_value: string | null;
  remote_value: string | null;
  local_hlc: string;
  remote_hlc: string;
  winner: 'local' | 'remote';
  created_at: string;
  resolved_at: string | null;
  code: string | null;
  by_user: string | null;
  company: string | null;
};

/** Writes one field of a row (as an op carries it) in a write transaction; the capture triggers record it. */
function writeField(tx: WriteTx, tbl: string, gid: string, field: string, value: unknown, now: string): void {
  const t = syncTable(tbl);
  if (!t) throw new AppError('NOT_FOUND', `${tbl} does not sync`);
  const row = tx.first<{ id: number }>(
    sql`SELECT ${sql.ref(t.key[0] === 'id' ? 'id' : 'rowid')} AS id FROM ${sql.table(tbl)} WHERE gid = ${gid}`,
  );
  if (!row) throw new AppError('NOT_FOUND', 'the row is no longer in this book', { tbl, gid });
  if (field.startsWith(TAG_FIELD_PREFIX)) {
    const tag = field.slice(TAG_FIELD_PREFIX.length);
    if (value === true) tx.run(sql`INSERT INTO customer_tags (customer_id, tag) VALUES (${row.id}, ${tag}) ON CONFLICT DO NOTHING`);
    else tx.run(sql`DELETE FROM customer_tags WHERE customer_id = ${row.id} AND tag = ${tag}`);
    return;
  }
  if (field === ROW_FIELD || field === DELETED_FIELD || !(field in t.fields)) {
    throw new AppError('CONFLICT', 'a whole row cannot be written back from here; it is kept in the list', { tbl, gid, field });
  }
  const kind = (t as SyncTable).fields[field]!;
  let v: unknown = value;
  if (kind.kind === 'ref') {
    v = value === null ? null : tx.first<{ id: number }>(sql`SELECT id FROM ${sql.table(kind.table)} WHERE gid = ${String(value)}`)?.id;
    if (v === undefined) throw new AppError('NOT_FOUND', 'the row it names is no longer in this book', { tbl, gid, field });
  } else if (kind.kind === 'blob') v = typeof value === 'string' ? Buffer.from(value, 'hex') : value;
  else if (kind.kind === 'polyRef') throw new AppError('CONFLICT', 'this reference cannot be written back from here', { tbl, field });
  const touch = [t.versioned ? 'version = version + 1' : '', t.touched ? `updated_at = '${now}'` : ''].filter(Boolean).join(', ');
  tx.run(sql`UPDATE ${sql.table(tbl)} SET ${sql.ref(field)} = ${v as never} ${sql.raw(touch ? `, ${touch}` : '')} WHERE gid = ${gid}`);
}
