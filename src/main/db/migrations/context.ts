import type { Migration } from 'kysely';
import type { SecretStore } from '../../secrets/secret-store';

/** What a migration may need besides the database (migrate.ts gives it). */
export interface MigrationContext {
  /** Where secrets leaving the book go (0021: the team token); null for an in-memory database. */
  secrets: SecretStore | null;
}

/** A migration that needs the context: migrate.ts runs `withContext(context)` instead of `up`. */
export interface ContextMigration extends Migration {
  withContext(context: MigrationContext): Migration;
}

export function needsContext(m: Migration): m is ContextMigration {
  return typeof (m as Partial<ContextMigration>).withContext === 'function';
}
