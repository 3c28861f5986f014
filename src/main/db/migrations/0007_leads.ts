import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/** A phone as digits: the separators people type (spaces, dashes, brackets, dots, plus, slash) removed. */
const digits = (column: string) =>
  `replace(replace(replace(replace(replace(replace(replace(${column}, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''), '/', '')`;

/**
 * Booth quick capture. A customer's files (the photo of a business card, kept in the database so
 * it is in every backup; at most 8 MB, an image type recognised by its bytes), one row per
 * captured lead (its fair, rating and what the capture created: the "Leads today" count and the
 * capture's history), and the indexes that let a lead be checked against every customer while it
 * is typed: a contact's e-mail domain and the last nine digits of its phone and mobile (so
 * "+86 138 1234 5678" and "13812345678" agree), as virtual columns with partial indexes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE customer_files (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('business_card')),
      file_name TEXT NOT NULL DEFAULT '',
      mime TEXT NOT NULL CHECK (mime IN ('image/jpeg','image/png','image/webp','image/heic')),
      size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 8388608),
      bytes BLOB NOT NULL,
      created_at TEXT NOT NULL
    )`,
    `CREATE INDEX customer_files_customer ON customer_files (customer_id, id)`,
    `CREATE TABLE leads (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      inquiry_id INTEGER REFERENCES inquiries(id) ON DELETE SET NULL,
      follow_up_id INTEGER REFERENCES follow_ups(id) ON DELETE SET NULL,
      file_id INTEGER REFERENCES customer_files(id) ON DELETE SET NULL,
      fair TEXT NOT NULL DEFAULT '',
      rating TEXT NOT NULL CHECK (rating IN ('hot','warm','cold')),
      product_interest TEXT NOT NULL DEFAULT '',
      owner TEXT NOT NULL DEFAULT '',
      new_customer INTEGER NOT NULL CHECK (new_customer IN (0,1)),
      captured_at TEXT NOT NULL
    )`,
    `CREATE INDEX leads_captured ON leads (captured_at)`,
    `CREATE INDEX leads_customer ON leads (customer_id)`,
    `ALTER TABLE contacts ADD COLUMN email_domain TEXT GENERATED ALWAYS AS (substr(email, instr(email, '@') + 1)) VIRTUAL`,
    `ALTER TABLE contacts ADD COLUMN phone_key TEXT GENERATED ALWAYS AS (substr(${digits('phone')}, -9)) VIRTUAL`,
    `ALTER TABLE contacts ADD COLUMN mobile_key TEXT GENERATED ALWAYS AS (substr(${digits('mobile')}, -9)) VIRTUAL`,
    `CREATE INDEX contacts_email_domain ON contacts (email_domain, customer_id) WHERE email <> ''`,
    `CREATE INDEX contacts_phone_key ON contacts (phone_key, customer_id) WHERE phone <> ''`,
    `CREATE INDEX contacts_mobile_key ON contacts (mobile_key, customer_id) WHERE mobile <> ''`,
  ]);
}
