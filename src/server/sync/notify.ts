import pg from 'pg';
import { SYNC_CHANNEL } from './session';

/**
 * Long-polls wait here: one dedicated PostgreSQL connection LISTENs on the sync channel (a pushing
 * transaction NOTIFYs its last seq, delivered at its commit) and wakes every waiter whose cursor
 * is behind. Without a database URL (or while the connection is down) waiters poll every second.
 */
export class SyncNotifier {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private latest = 0;
  private readonly waiters = new Set<{ after: number; wake: () => void }>();
  private closed = false;

  constructor(
    private readonly url: string | undefined,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Connects the listener (once); a pull reads its cursor after this, so no commit slips between. */
  async ready(): Promise<void> {
    if (!this.url || this.closed) return;
    if (this.client) return;
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    await this.connecting.catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
    client.on('notification', (n) => {
      const seq = Number(n.payload);
      if (Number.isFinite(seq) && seq > this.latest) this.latest = seq;
      this.wakeUp();
    });
    client.on('error', (err) => {
      this.log(`[server] sync listener: ${err.message}`);
      if (this.client === client) this.client = null;
      this.wakeAll();
      client.end().catch(() => undefined);
    });
    client.on('end', () => {
      if (this.client === client) this.client = null;
      this.wakeAll();
    });
    await client.connect();
    await client.query(`LISTEN ${SYNC_CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
  }

  /**
   * Resolves when a commit past `after` is announced, after `ms`, or at once if one was already
   * announced; true when woken by a commit.
   */
  wait(after: number, ms: number): Promise<boolean> {
    if (this.latest > after) return Promise.resolve(true);
    if (this.closed || ms <= 0) return Promise.resolve(false);
    const listening = this.client !== null;
    return new Promise((done) => {
      const entry = {
        after,
        wake: () => {
          clearTimeout(timer);
          this.waiters.delete(entry);
          done(true);
        },
      };
      // Not listening: come back in a second and look again (polling).
      const timer = setTimeout(
        () => {
          this.waiters.delete(entry);
          done(!listening);
        },
        listening ? ms : Math.min(ms, 1000),
      );
      this.waiters.add(entry);
    });
  }

  private wakeUp(): void {
    for (const w of [...this.waiters]) if (this.latest > w.after) w.wake();
  }

  private wakeAll(): void {
    for (const w of [...this.waiters]) w.wake();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeAll();
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
