import type { ColumnType } from 'kysely';

/**
 * The team server's PostgreSQL schema as Kysely sees it, written by hand beside the migrations that
 * make it (migrations/). Change both together: a new migration, then this type.
 *
 * Timestamps are timestamptz (read as Date, written as Date or left to the default now()).
 */
type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Instant = ColumnType<Date | null, Date | null | undefined, Date | null>;

export type UserRole = 'salesperson' | 'manager' | 'admin';

export interface UsersTable {
  /** UUIDv7, made in app code (src/server/uuid.ts). */
  id: string;
  name: string;
  /** As typed; unique, case-insensitively, among users not removed. */
  login: string;
  role: UserRole;
  /** argon2id, PHC string ($argon2id$v=19$m=…). */
  password_hash: string;
  created_at: CreatedAt;
  /** Set when an admin removes the user: they and their devices get nothing more; nothing is deleted. */
  removed_at: Instant;
}

export interface DevicesTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 (hex) of the device's token; the token itself is shown once, at login, and never stored. */
  token_hash: string;
  created_at: CreatedAt;
  last_seen_at: Instant;
  revoked_at: Instant;
}

/** bigint columns: pg reads int8 as a string; write numbers. */
type Int8 = ColumnType<string, number | string, number | string>;
type Json = ColumnType<unknown, string, string>;

/** The one-row sequence every sync writer locks (0002_sync). */
export interface SyncCounterTable {
  id: number;
  seq: Int8;
}

/** The ownership registry: a customer's owning user (null: public, the pool). */
export interface SyncCustomersTable {
  gid: string;
  owner_user_id: string | null;
  /** When its owner got it (0004): the pool's return rules count from it. */
  owned_since: ColumnType<Date, Date | string | undefined, Date | string>;
  /** The latest follow-up done and order not cancelled, and whether it is archived or deleted (0004, kept by pushes). */
  last_done_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_order_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  archived: ColumnType<boolean, boolean | undefined, boolean>;
}

/** One change of a customer's owner (0004): claim, release, rule or transfer. */
export interface OwnerEventsTable {
  id: string;
  seq: Int8;
  customer_gid: string;
  from_user: string | null;
  to_user: string | null;
  by_user: string | null;
  reason: 'claim' | 'release' | 'rule' | 'transfer';
  rule: Json | null;
  at: ColumnType<Date, Date | string, Date | string>;
}

/** A pair of customers of different owners that share a collision key (migration 0006). */
export interface CollisionReportsTable {
  id: string;
  customer_gid: string;
  other_gid: string;
  customer_owner: string | null;
  other_owner: string | null;
  kinds: string[];
  found_at: ColumnType<Date, Date | string, Date | string>;
  handled_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  handled_by: string | null;
}

export interface CollisionRequestsTable {
  id: string;
  customer_gid: string;
  kind: 'share' | 'lead';
  by_user: string;
  lead: ColumnType<Record<string, string> | null, string | null, never>;
  created_at: ColumnType<Date, Date | string, never>;
  answered_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  answered_by: string | null;
  answer: 'shared_read' | 'shared_write' | 'added' | 'declined' | null;
}

export interface CustomerSharesTable {
  customer_gid: string;
  user_id: string;
  can_write: boolean;
  created_at: CreatedAt;
}

/** One laptop row, field by field (see 0002_sync for writers' shape). */
export interface SyncRowsTable {
  tbl: string;
  gid: string;
  customer_gid: string | null;
  owner_user_id: string | null;
  team: boolean;
  fields: Json;
  clocks: Json;
  writers: Json;
  seq: Int8;
  /** The seq at which the row last went whole to its audience (0003): a pull from below it gets every field. */
  full_seq: ColumnType<string, number | string | undefined, number | string>;
}

export interface SyncOpsTable {
  op_id: string;
  seq: Int8;
  device_id: string;
  user_id: string;
  tbl: string;
  gid: string;
  field: string;
  hlc: string;
  status: 'applied' | 'rejected';
  code: string | null;
  won: boolean | null;
  clamped: ColumnType<boolean, boolean | undefined, boolean>;
  received_at: CreatedAt;
}

export interface SyncConflictsTable {
  id: string;
  seq: Int8;
  tbl: string;
  gid: string;
  customer_gid: string | null;
  field: string;
  kept_value: Json | null;
  kept_hlc: string;
  kept_device_id: string | null;
  kept_user_id: string | null;
  kept_op_id: string | null;
  lost_value: Json | null;
  lost_hlc: string;
  lost_device_id: string | null;
  lost_user_id: string | null;
  lost_op_id: string | null;
  created_at: CreatedAt;
}

/** Who lost sight of which customer at which seq (a pull's `removed`). */
export interface SyncAccessLogTable {
  seq: Int8;
  user_id: string;
  customer_gid: string;
}

export interface ServerDatabase {
  users: UsersTable;
  devices: DevicesTable;
  sync_counter: SyncCounterTable;
  sync_customers: SyncCustomersTable;
  customer_shares: CustomerSharesTable;
  sync_rows: SyncRowsTable;
  sync_ops: SyncOpsTable;
  sync_conflicts: SyncConflictsTable;
  sync_access_log: SyncAccessLogTable;
  owner_events: OwnerEventsTable;
  collision_reports: CollisionReportsTable;
  collision_requests: CollisionRequestsTable;
}
