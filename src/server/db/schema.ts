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

export interface ServerDatabase {
  users: UsersTable;
  devices: DevicesTable;
}
