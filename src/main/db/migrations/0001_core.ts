import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * The core schema. Later features add tables and columns in new migrations; they do not
 * rewrite these. Text columns that the grid sorts or filters on are NOT NULL DEFAULT ''
 * so keyset pagination never meets NULL.
 */
/** The searchable text of a contact: name, email, phones and messaging IDs. */
const CONTACT_TEXT = (row: 'new' | 'old') =>
  `trim(${['name', 'email', 'phone', 'mobile', 'whatsapp', 'wechat', 'skype'].map((c) => `${row}.${c}`).join(" || ' ' || ")})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE import_batches (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      file_name TEXT NOT NULL DEFAULT '',
      file_hash TEXT NOT NULL DEFAULT '',
      started_at TEXT NOT NULL,
      finished_at TEXT,
      status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running','committed','failed','undone')),
      rows_read INTEGER NOT NULL DEFAULT 0,
      rows_imported INTEGER NOT NULL DEFAULT 0,
      rows_merged INTEGER NOT NULL DEFAULT 0,
      rows_skipped INTEGER NOT NULL DEFAULT 0,
      report TEXT,
      undone_at TEXT
    )`,
    `CREATE TABLE customers (
      id INTEGER PRIMARY KEY,
      company TEXT NOT NULL COLLATE NOCASE CHECK (length(company) BETWEEN 1 AND 300),
      company_key TEXT NOT NULL DEFAULT '',
      country TEXT NOT NULL DEFAULT '' CHECK (country = '' OR (length(country) = 2 AND country = upper(country))),
      city TEXT NOT NULL DEFAULT '',
      website TEXT NOT NULL DEFAULT '',
      website_domain TEXT NOT NULL DEFAULT '',
      industry TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
      business_type TEXT NOT NULL DEFAULT '',
      scale TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL DEFAULT '',
      owner TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
      lifecycle_stage TEXT NOT NULL DEFAULT 'inquiry',
      lifecycle_override TEXT,
      priority TEXT CHECK (priority IS NULL OR priority IN ('high','medium','low')),
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      archived_at TEXT,
      import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
      version INTEGER NOT NULL DEFAULT 1
    )`,
    // Grid sorts and filters run over active customers; each sort key has a partial index.
    `CREATE INDEX customers_active_company ON customers (company, id) WHERE archived_at IS NULL`,
    `CREATE INDEX customers_active_country ON customers (country, id) WHERE archived_at IS NULL`,
    `CREATE INDEX customers_active_industry ON customers (industry, id) WHERE archived_at IS NULL`,
    `CREATE INDEX customers_active_owner ON customers (owner, id) WHERE archived_at IS NULL`,
    `CREATE INDEX customers_active_created ON customers (created_at, id) WHERE archived_at IS NULL`,
    `CREATE INDEX customers_active_updated ON customers (updated_at, id) WHERE archived_at IS NULL`,
    `CREATE INDEX customers_archived ON customers (archived_at) WHERE archived_at IS NOT NULL`,
    `CREATE INDEX customers_company_key ON customers (company_key, country)`,
    `CREATE INDEX customers_website_domain ON customers (website_domain) WHERE website_domain <> ''`,
    `CREATE INDEX customers_import_batch ON customers (import_batch_id) WHERE import_batch_id IS NOT NULL`,

    `CREATE TABLE customer_tags (
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      tag TEXT NOT NULL COLLATE NOCASE,
      PRIMARY KEY (customer_id, tag)
    ) WITHOUT ROWID`,
    `CREATE INDEX customer_tags_tag ON customer_tags (tag, customer_id)`,

    `CREATE TABLE contacts (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      name TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '' CHECK (email = lower(email)),
      phone TEXT NOT NULL DEFAULT '',
      mobile TEXT NOT NULL DEFAULT '',
      whatsapp TEXT NOT NULL DEFAULT '',
      wechat TEXT NOT NULL DEFAULT '',
      skype TEXT NOT NULL DEFAULT '',
      language TEXT NOT NULL DEFAULT '',
      is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0,1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL
    )`,
    `CREATE INDEX contacts_customer ON contacts (customer_id, is_primary DESC, id)`,
    `CREATE INDEX contacts_email ON contacts (email) WHERE email <> ''`,

    `CREATE TABLE inquiries (
      id INTEGER PRIMARY KEY,
      external_id TEXT,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      received_at TEXT NOT NULL,
      subject TEXT NOT NULL DEFAULT '',
      product TEXT NOT NULL DEFAULT '',
      product_ref TEXT NOT NULL DEFAULT '',
      quantity REAL,
      unit TEXT NOT NULL DEFAULT '',
      message TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL DEFAULT '',
      owner TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL
    )`,
    `CREATE UNIQUE INDEX inquiries_external_id ON inquiries (external_id) WHERE external_id IS NOT NULL`,
    `CREATE INDEX inquiries_customer ON inquiries (customer_id, received_at)`,

    `CREATE TABLE orders (
      id INTEGER PRIMARY KEY,
      external_no TEXT,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      ordered_at TEXT NOT NULL,
      amount_minor INTEGER NOT NULL,
      currency TEXT NOT NULL CHECK (length(currency) = 3),
      product TEXT NOT NULL DEFAULT '',
      quantity REAL,
      status TEXT NOT NULL DEFAULT '',
      cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0,1)),
      created_at TEXT NOT NULL,
      import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL
    )`,
    `CREATE UNIQUE INDEX orders_external_no ON orders (external_no) WHERE external_no IS NOT NULL`,
    `CREATE INDEX orders_customer ON orders (customer_id, ordered_at)`,
    `CREATE INDEX orders_date ON orders (ordered_at)`,

    `CREATE TABLE order_lines (
      id INTEGER PRIMARY KEY,
      order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
      product TEXT NOT NULL DEFAULT '',
      product_ref TEXT NOT NULL DEFAULT '',
      quantity REAL,
      unit_price_minor INTEGER,
      amount_minor INTEGER NOT NULL
    )`,
    `CREATE INDEX order_lines_order ON order_lines (order_id)`,

    `CREATE TABLE follow_ups (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      inquiry_id INTEGER REFERENCES inquiries(id) ON DELETE SET NULL,
      order_id INTEGER REFERENCES orders(id) ON DELETE SET NULL,
      type TEXT NOT NULL,
      due_at TEXT NOT NULL,
      owner TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
      outcome TEXT NOT NULL DEFAULT '',
      done_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    `CREATE INDEX follow_ups_open_due ON follow_ups (due_at, id) WHERE status = 'open'`,
    `CREATE INDEX follow_ups_customer ON follow_ups (customer_id, due_at)`,

    `CREATE TABLE activities (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      summary TEXT NOT NULL DEFAULT '',
      ref_table TEXT,
      ref_id INTEGER,
      data TEXT,
      created_at TEXT NOT NULL
    )`,
    `CREATE INDEX activities_customer ON activities (customer_id, occurred_at DESC)`,

    `CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID`,

    // Search: one document per customer and per contact in search_docs (id = entity id * 8 + kind,
    // so triggers reach their document directly), indexed by an external-content FTS5 table with
    // the trigram tokenizer (any 3+ character fragment, Chinese included). Shorter fragments scan
    // search_docs with LIKE, which a plain table does far faster than the FTS table would.
    `CREATE TABLE search_docs (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, text TEXT NOT NULL)`,
    `CREATE VIRTUAL TABLE search_index USING fts5(text, content = 'search_docs', content_rowid = 'id', tokenize = 'trigram', columnsize = 0)`,
    `CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN
      INSERT INTO search_index (rowid, text) VALUES (new.id, new.text);
    END`,
    `CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
      INSERT INTO search_index (search_index, rowid, text) VALUES ('delete', old.id, old.text);
    END`,
    `CREATE TRIGGER search_docs_update AFTER UPDATE ON search_docs BEGIN
      INSERT INTO search_index (search_index, rowid, text) VALUES ('delete', old.id, old.text);
      INSERT INTO search_index (rowid, text) VALUES (new.id, new.text);
    END`,
    `CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN
      INSERT INTO search_docs (id, customer_id, text) VALUES (new.id * 8, new.id, new.company);
    END`,
    `CREATE TRIGGER customers_search_update AFTER UPDATE OF company ON customers BEGIN
      UPDATE search_docs SET text = new.company WHERE id = new.id * 8;
    END`,
    `CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN
      DELETE FROM search_docs WHERE id = old.id * 8;
    END`,
    `CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
      INSERT INTO search_docs (id, customer_id, text) VALUES (new.id * 8 + 1, new.customer_id, ${CONTACT_TEXT('new')});
    END`,
    `CREATE TRIGGER contacts_search_update AFTER UPDATE ON contacts BEGIN
      UPDATE search_docs SET text = ${CONTACT_TEXT('new')}, customer_id = new.customer_id WHERE id = new.id * 8 + 1;
    END`,
    `CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
      DELETE FROM search_docs WHERE id = old.id * 8 + 1;
    END`,
  ]);
}
