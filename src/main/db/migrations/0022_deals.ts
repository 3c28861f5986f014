import type { Kysely } from 'kysely';
import { NOW_MS_SQL, UUIDV7_SQL } from './0013_sync_capture';
import { runStatements } from './run-statements';

/**
 * Deals and sales documents (#21): the product catalogue, opportunities (商机), quotations and
 * proforma invoices with their lines. All four are team tables of the sync
 * (src/shared/sync/tables.ts): products are the firm's (everyone reads them, managers write them),
 * opportunities and documents belong to their customer, document lines to their document.
 *
 * - products: a SKU (matched case-insensitively; not unique in the schema, since two laptops of a
 *   team may add one SKU offline and the sync must still apply both rows: the service refuses a
 *   duplicate on its own book and the import matches by SKU), names in English and Chinese, price
 *   tiers as JSON ([{minQty, unitPriceMinor}], ascending by minQty, in `currency`), cost (managers
 *   only, once roles are known), HS code, packing, lead time, Alibaba product id (an inquiry's
 *   product_ref matches it), a photo; the import that created it (import_batch_id, not shared: an
 *   import's undo removes what it created on this book).
 * - opportunities: stage inquiry → quoted → sample → negotiation → won | lost (lost with a reason);
 *   amount in minor units of `currency`; expected close day; the order a won deal created;
 *   last_activity_at drives "stale deals" on Today. Open deals (closed_at NULL) are read by stage
 *   through opportunities_open_stage, which holds what the pipeline totals need.
 * - quotations: kind 'quotation' (Q-2026-0012) or 'proforma' (PI-2026-0003); each revision is a
 *   row (revision 1, 2, …) with the same number; numbered per kind and year without gaps on this
 *   book (document_numbers, not shared); a PI names the quotation it was copied from (source_id).
 * - quotation_lines: quantity × unit price = amount, in the document's currency; the product it
 *   came from when it came from the catalogue.
 */
const GID = (table: string) => [
  `CREATE UNIQUE INDEX ${table}_gid ON ${table} (gid)`,
  `CREATE TRIGGER ${table}_gid AFTER INSERT ON ${table} WHEN new.gid IS NULL BEGIN
    UPDATE ${table} SET gid = ${UUIDV7_SQL(NOW_MS_SQL)} WHERE id = new.id AND gid IS NULL;
  END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE products (
      id INTEGER PRIMARY KEY,
      gid TEXT,
      sku TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(sku)) BETWEEN 1 AND 64),
      name_en TEXT NOT NULL DEFAULT '' CHECK (length(name_en) <= 300),
      name_zh TEXT NOT NULL DEFAULT '' CHECK (length(name_zh) <= 300),
      category TEXT CHECK (category IS NULL OR length(category) <= 120),
      unit TEXT NOT NULL DEFAULT 'pcs' CHECK (length(unit) BETWEEN 1 AND 20),
      moq INTEGER CHECK (moq IS NULL OR moq > 0),
      currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
      price_tiers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(price_tiers) AND json_type(price_tiers) = 'array'),
      cost_minor INTEGER CHECK (cost_minor IS NULL OR cost_minor >= 0),
      cost_currency TEXT CHECK (cost_currency IS NULL OR length(cost_currency) = 3),
      hs_code TEXT CHECK (hs_code IS NULL OR length(hs_code) <= 20),
      units_per_carton INTEGER CHECK (units_per_carton IS NULL OR units_per_carton > 0),
      carton_length_cm REAL CHECK (carton_length_cm IS NULL OR carton_length_cm > 0),
      carton_width_cm REAL CHECK (carton_width_cm IS NULL OR carton_width_cm > 0),
      carton_height_cm REAL CHECK (carton_height_cm IS NULL OR carton_height_cm > 0),
      carton_weight_kg REAL CHECK (carton_weight_kg IS NULL OR carton_weight_kg > 0),
      lead_time_days INTEGER CHECK (lead_time_days IS NULL OR lead_time_days >= 0),
      alibaba_product_id TEXT CHECK (alibaba_product_id IS NULL OR length(alibaba_product_id) <= 40),
      photo BLOB,
      photo_mime TEXT,
      notes TEXT,
      archived_at TEXT,
      import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    )`,
    ...GID('products'),
    `CREATE INDEX products_sku ON products (sku)`,
    `CREATE INDEX products_alibaba ON products (alibaba_product_id) WHERE alibaba_product_id IS NOT NULL`,
    `CREATE INDEX products_name_en ON products (name_en COLLATE NOCASE)`,
    `CREATE INDEX products_category ON products (category, sku)`,
    `CREATE INDEX products_import_batch ON products (import_batch_id) WHERE import_batch_id IS NOT NULL`,

    `CREATE TABLE opportunities (
      id INTEGER PRIMARY KEY,
      gid TEXT,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      inquiry_id INTEGER REFERENCES inquiries(id) ON DELETE SET NULL,
      order_id INTEGER REFERENCES orders(id) ON DELETE SET NULL,
      title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
      stage TEXT NOT NULL DEFAULT 'inquiry' CHECK (stage IN ('inquiry', 'quoted', 'sample', 'negotiation', 'won', 'lost')),
      amount_minor INTEGER NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
      currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
      expected_close TEXT CHECK (expected_close IS NULL OR expected_close GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
      lost_reason TEXT CHECK (lost_reason IS NULL OR lost_reason IN ('price', 'quality', 'lead_time', 'competitor', 'no_response', 'no_budget', 'requirements', 'other')),
      lost_note TEXT,
      owner TEXT COLLATE NOCASE,
      stage_changed_at TEXT NOT NULL,
      last_activity_at TEXT NOT NULL,
      closed_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      CHECK ((stage IN ('won', 'lost')) = (closed_at IS NOT NULL)),
      CHECK (stage = 'lost' OR lost_reason IS NULL)
    )`,
    ...GID('opportunities'),
    `CREATE INDEX opportunities_customer ON opportunities (customer_id, stage)`,
    `CREATE INDEX opportunities_inquiry ON opportunities (inquiry_id) WHERE inquiry_id IS NOT NULL`,
    `CREATE INDEX opportunities_open_stage ON opportunities (stage, currency, amount_minor, customer_id) WHERE closed_at IS NULL`,
    `CREATE INDEX opportunities_open_activity ON opportunities (last_activity_at, customer_id) WHERE closed_at IS NULL`,
    `CREATE INDEX opportunities_closed ON opportunities (closed_at, stage, currency, amount_minor) WHERE closed_at IS NOT NULL`,

    `CREATE TABLE quotations (
      id INTEGER PRIMARY KEY,
      gid TEXT,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      opportunity_id INTEGER REFERENCES opportunities(id) ON DELETE SET NULL,
      contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      kind TEXT NOT NULL CHECK (kind IN ('quotation', 'proforma')),
      number TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 40),
      revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'accepted', 'declined', 'superseded', 'cancelled')),
      language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'zh', 'both')),
      currency TEXT NOT NULL CHECK (length(currency) = 3),
      incoterm TEXT CHECK (incoterm IS NULL OR incoterm IN ('EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP')),
      named_place TEXT CHECK (named_place IS NULL OR length(named_place) <= 120),
      payment_terms TEXT CHECK (payment_terms IS NULL OR length(payment_terms) <= 300),
      valid_until TEXT CHECK (valid_until IS NULL OR valid_until GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
      issued_on TEXT NOT NULL CHECK (issued_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
      notes TEXT,
      source_id INTEGER REFERENCES quotations(id) ON DELETE SET NULL,
      total_minor INTEGER NOT NULL DEFAULT 0 CHECK (total_minor >= 0),
      sent_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    )`,
    ...GID('quotations'),
    `CREATE INDEX quotations_customer ON quotations (customer_id, issued_on)`,
    `CREATE INDEX quotations_opportunity ON quotations (opportunity_id) WHERE opportunity_id IS NOT NULL`,
    `CREATE INDEX quotations_number ON quotations (kind, number, revision)`,

    `CREATE TABLE quotation_lines (
      id INTEGER PRIMARY KEY,
      gid TEXT,
      quotation_id INTEGER NOT NULL REFERENCES quotations(id) ON DELETE CASCADE,
      position INTEGER NOT NULL CHECK (position >= 0),
      product_id INTEGER REFERENCES products(id) ON DELETE SET NULL,
      sku TEXT,
      description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
      unit TEXT NOT NULL DEFAULT 'pcs',
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
      amount_minor INTEGER NOT NULL CHECK (amount_minor = quantity * unit_price_minor)
    )`,
    ...GID('quotation_lines'),
    `CREATE INDEX quotation_lines_quotation ON quotation_lines (quotation_id, position)`,
    `CREATE INDEX quotation_lines_product ON quotation_lines (product_id) WHERE product_id IS NOT NULL`,

    // This book's last number per kind and year (Q-2026-0012): gapless because a number is taken in
    // the transaction that writes its document, and a document is cancelled, never deleted.
    `CREATE TABLE document_numbers (
      kind TEXT NOT NULL CHECK (kind IN ('quotation', 'proforma')),
      year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
      last INTEGER NOT NULL CHECK (last >= 0),
      PRIMARY KEY (kind, year)
    )`,
  ]);
}
