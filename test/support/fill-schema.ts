import type { SqliteDb } from '../../src/main/db/connection';

/**
 * Fills every table of a database at any schema version with a few rows (only the columns that
 * exist at that version), so that a migration test can check no row is lost. A table this
 * filler does not know fails the check that every table was filled: add it here with its migration.
 */
const N = 4;
const T = '2024-05-06T07:08:09.000Z';

type Row = Record<string, unknown>;
const rows = (make: (i: number) => Row): Row[] => Array.from({ length: N }, (_, k) => make(k + 1));

/** Tables in insertion order (parents first), with rows covering their columns at any version. */
const TABLES: [string, () => Row[]][] = [
  [
    'import_batches',
    () =>
      rows((i) => ({
        id: i,
        kind: 'customers',
        file_name: `file-${i}.csv`,
        file_hash: `h${i}`,
        started_at: T,
        finished_at: T,
        status: 'committed',
        rows_read: 10 * i,
        rows_imported: 9 * i,
        rows_merged: i,
        rows_skipped: 1,
        report: '{}',
        undone_at: null,
        mapping: '{"kind":"customers","mapping":[]}',
        duration_ms: 5 * i,
        failed_csv: i % 2 ? 'a,b\n' : null,
      })),
  ],
  [
    'customers',
    () =>
      rows((i) => ({
        id: i,
        company: `Before Upgrade ${i} Ltd`,
        company_key: `before upgrade ${i}`,
        country: ['DE', 'FR', 'CN', ''][i % 4],
        city: `City ${i}`,
        website: `https://c${i}.example`,
        website_domain: `c${i}.example`,
        industry: 'Lighting',
        business_type: 'wholesaler',
        scale: 'small',
        source: 'alibaba',
        owner: 'Lily',
        lifecycle_stage: 'repeat',
        lifecycle_override: i === 2 ? 'key_account' : null,
        priority: i === 3 ? 'high' : null,
        notes: `note ${i}`,
        created_at: T,
        updated_at: T,
        archived_at: i === 4 ? T : null,
        import_batch_id: i,
        version: i,
        external_ref: `R${i}`,
        buyer_level: 'L2',
        recency_days: 10 * i,
        frequency: i,
        monetary_minor: 1000 * i,
        revenue_minor: 1000 * i,
        r_score: 3,
        f_score: 2,
        m_score: 4,
        rfm_segment: 'loyal',
        value_tier: 'A',
        potential_score: 50,
        potential_override: i === 1 ? 80 : null,
        value_matrix: 'high',
        churn_status: 'ok',
        rhythm_days: 30,
        order_count: i,
        median_gap: 30.5,
        gap_key: 'x',
        last_order_at: T,
        suggested_priority: 'medium',
        classified_at: T,
        recent_inquiry_at: i % 2 ? T : null,
        owner_since: T,
      })),
  ],
  ['customer_tags', () => rows((i) => ({ customer_id: i, tag: `tag${i}` }))],
  [
    'contacts',
    () =>
      rows((i) => ({
        id: i,
        customer_id: i,
        name: `Anna ${i}`,
        title: 'Buyer',
        email: `anna${i}@before.example`,
        phone: `+49 30 1234 56${i}`,
        mobile: '',
        whatsapp: '',
        wechat: `wx${i}`,
        skype: '',
        language: 'de',
        is_primary: 1,
        created_at: T,
        updated_at: T,
        import_batch_id: i,
      })),
  ],
  [
    'inquiries',
    () =>
      rows((i) => ({
        id: i,
        external_id: `INQ-${i}`,
        customer_id: i,
        contact_id: i,
        received_at: T,
        subject: `Quote ${i}`,
        product: 'LED panel',
        product_ref: `P${i}`,
        quantity: 100 * i,
        unit: 'pcs',
        message: 'Please quote',
        status: 'replied',
        source: 'alibaba',
        owner: 'Lily',
        created_at: T,
        import_batch_id: i,
      })),
  ],
  [
    'orders',
    () =>
      rows((i) => ({
        id: i,
        external_no: `SO-${i}`,
        customer_id: i,
        ordered_at: T,
        amount_minor: 12345 * i,
        currency: 'USD',
        product: i === 1 ? 'Sample kit' : 'LED panel',
        quantity: 10,
        status: 'shipped',
        cancelled: 0,
        created_at: T,
        import_batch_id: i,
      })),
  ],
  [
    'order_lines',
    () =>
      rows((i) => ({
        id: i,
        order_id: i,
        product: 'LED panel',
        product_ref: `P${i}`,
        quantity: 10,
        unit_price_minor: 1234,
        amount_minor: 12345 * i,
      })),
  ],
  [
    'follow_ups',
    () =>
      rows((i) => ({
        id: i,
        customer_id: i,
        contact_id: i,
        inquiry_id: i,
        order_id: i,
        type: 'call',
        due_at: T,
        owner: 'Lily',
        note: `Call ${i}`,
        status: i === 2 ? 'done' : 'open',
        outcome: i === 2 ? 'Reached' : '',
        done_at: i === 2 ? T : null,
        created_at: T,
        updated_at: T,
        version: i,
        source: 'manual',
      })),
  ],
  [
    'activities',
    () =>
      rows((i) => ({
        id: i,
        customer_id: i,
        kind: 'note',
        occurred_at: T,
        summary: `Met at fair ${i}`,
        ref_table: 'orders',
        ref_id: i,
        data: '{}',
        created_at: T,
      })),
  ],
  ['settings', () => rows((i) => ({ key: `test.setting.${i}`, value: JSON.stringify({ i }), updated_at: T }))],
  [
    'import_changes',
    () => rows((i) => ({ id: i, batch_id: i, table_name: 'customers', row_key: String(i), action: 'update', before: '{}' })),
  ],
  ['classification_rule_sets', () => rows((i) => ({ version: i, rules: '{}', created_at: T }))],
  [
    'classification_runs',
    () =>
      rows((i) => ({
        id: i,
        trigger: 'manual',
        started_at: T,
        duration_ms: 12,
        rules_version: i,
        as_of: T,
        customers: 4,
        counts: '{}',
        moves: '{}',
        moved: 0,
        missing_rates: '{}',
        basis: i % 2 ? null : '{"scope":"full"}',
      })),
  ],
  [
    'saved_views',
    () => rows((i) => ({ id: i, kind: i % 2 ? 'grid' : 'board', name: `View ${i}`, state: '{}', created_at: T, updated_at: T })),
  ],
  [
    'needs',
    () =>
      rows((i) => ({
        id: i,
        customer_id: i,
        category: 'packaging',
        description: `Need ${i}`,
        priority: 'high',
        status: 'new',
        created_at: T,
        updated_at: T,
        version: 1,
      })),
  ],
  [
    'complaints',
    () =>
      rows((i) => ({
        id: i,
        customer_id: i,
        category: 'quality',
        severity: 'low',
        description: `Complaint ${i}`,
        status: 'open',
        owner: 'Lily',
        due_by: T,
        resolution: '',
        resolved_at: null,
        created_at: T,
        updated_at: T,
        version: 1,
        order_id: i % 2 ? i : null,
        claim_minor: i % 2 ? 5000 * i : null,
        claim_currency: i % 2 ? 'USD' : null,
      })),
  ],
  [
    'complaint_photos',
    () =>
      rows((i) => ({
        id: i,
        complaint_id: i,
        file_name: `photo-${i}.png`,
        mime: 'image/png',
        size_bytes: 8,
        bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, i]),
        created_at: T,
      })),
  ],
  // The migration adds ready-made templates with the first ids.
  [
    'survey_templates',
    () =>
      rows((i) => ({
        id: 100 + i,
        builtin: null,
        name_en: `Template ${i}`,
        name_zh: `模板 ${i}`,
        questions: '[]',
        created_at: T,
        updated_at: T,
        version: 1,
      })),
  ],
  [
    'survey_campaigns',
    () =>
      rows((i) => ({
        id: i,
        name: `Campaign ${i}`,
        template_id: 100 + i,
        template_name_en: `Template ${i}`,
        template_name_zh: `模板 ${i}`,
        questions: '[]',
        source_label: '',
        source_filter: '{}',
        created_at: T,
        updated_at: T,
        version: 1,
      })),
  ],
  [
    'survey_recipients',
    () =>
      rows((i) => ({
        campaign_id: i,
        customer_id: i,
        code: `CODE${i}`,
        language: 'en',
        state: 'answered',
        sent_at: T,
        answered_at: T,
        declined_at: null,
        updated_at: T,
      })),
  ],
  [
    'survey_responses',
    () =>
      rows((i) => ({
        id: i,
        campaign_id: i,
        customer_id: i,
        answered_at: T,
        channel: 'manual',
        nps: 9,
        csat: 4,
        detractor: 0,
        country: 'DE',
        industry: 'Lighting',
        tier: 'A',
        segment: 'loyal',
        owner: 'Lily',
        complaint_id: i,
        follow_up_id: i,
        created_at: T,
      })),
  ],
  ['survey_answers', () => rows((i) => ({ response_id: i, question_id: 'nps', value_num: 9, value_text: null }))],
  [
    'customer_files',
    () =>
      rows((i) => ({
        id: i,
        customer_id: i,
        kind: 'business_card',
        file_name: `card-${i}.jpg`,
        mime: 'image/jpeg',
        size: 4,
        bytes: Buffer.from([0xff, 0xd8, 0xff, i]),
        created_at: T,
      })),
  ],
  [
    'leads',
    () =>
      rows((i) => ({
        id: i,
        customer_id: i,
        contact_id: i,
        inquiry_id: i,
        follow_up_id: i,
        file_id: i,
        fair: `Fair ${i}`,
        rating: ['hot', 'warm', 'cold'][i % 3],
        product_interest: 'LED panel',
        owner: 'Lily',
        new_customer: i % 2,
        captured_at: T,
      })),
  ],
  [
    'possible_duplicates',
    () =>
      rows((i) => ({
        id: i,
        customer_id: i,
        other_id: (i % N) + 1,
        reason: 'name',
        import_batch_id: i,
        created_at: T,
        resolved_at: i === 2 ? T : null,
        resolution: i === 2 ? 'distinct' : null,
      })),
  ],
  // Team sync (0013). sync_state's one row is made by the migration.
  ['sync_state', () => []],
  [
    'sync_outbox',
    () =>
      rows((i) => ({
        op_id: `op-${i}`,
        hlc: `171800000000${i}-00000-00000000000000aa`,
        tbl: 'customers',
        gid: `g${i}`,
        field: i === 1 ? '*' : 'city',
        value: i === 1 ? '{"company":"A"}' : '"Oslo"',
        base_seq: i,
        created_at: T,
      })),
  ],
  [
    'sync_field_clock',
    () => rows((i) => ({ tbl: 'customers', gid: `g${i}`, field: 'city', hlc: `171800000000${i}-00000-00000000000000bb` })),
  ],
  [
    'sync_pending',
    () =>
      rows((i) => ({
        op_id: `p-${i}`,
        hlc: `171800000000${i}-00000-00000000000000bb`,
        tbl: 'contacts',
        gid: `c${i}`,
        field: 'name',
        value: '"Anna"',
      })),
  ],
  [
    'sync_conflicts',
    () =>
      rows((i) => ({
        id: i,
        tbl: 'customers',
        gid: `g${i}`,
        field: 'city',
        local_value: '"Lyon"',
        remote_value: '"Paris"',
        local_hlc: `171800000000${i}-00000-00000000000000aa`,
        remote_hlc: `171800000000${i}-00000-00000000000000bb`,
        remote_op_id: `r-${i}`,
        winner: i % 2 ? 'local' : 'remote',
        created_at: T,
        resolved_at: i === 2 ? T : null,
        resolution: i === 2 ? 'kept_mine' : null,
      })),
  ],
  // The pool (0016): one row in a book; any number here, each with its own gid.
  [
    'pool_rules',
    () =>
      rows((i) => ({
        id: i,
        gid: `00000000-0000-7000-8000-00000000010${i}`,
        return_followup_days: i === 1 ? null : 30 * i,
        return_order_days: 180,
        cap: i === 2 ? 50 : null,
        won_outside_cap: i % 2,
        cooling_days: i,
        updated_at: T,
      })),
  ],
  // The manager's monthly targets (0017): this laptop's own.
  [
    'sales_targets',
    () =>
      rows((i) => ({
        owner: i % 2 ? 'Lily' : '李娜',
        month: `2024-0${i}`,
        revenue_minor: i === 3 ? null : 1_000_000 * i,
        new_customers: i === 2 ? null : i,
        updated_at: T,
      })),
  ],
];

/** Tables filled by triggers or owned by SQLite and Kysely, not by this filler. */
export const DERIVED_TABLE = /^(sqlite_|search_index|search_docs$|kysely_migration)/;

/** The writable columns of a table (generated columns left out). */
export function writableColumns(db: SqliteDb, table: string): string[] {
  return (db.prepare(`SELECT name, hidden FROM pragma_table_xinfo(?)`).all(table) as { name: string; hidden: number }[])
    .filter((c) => c.hidden === 0)
    .map((c) => c.name);
}

export function tableNames(db: SqliteDb): string[] {
  return db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
}

/** Fills every known table present in the database; returns the tables it filled. */
export function fillEveryTable(db: SqliteDb): string[] {
  const present = new Set(tableNames(db));
  const filled: string[] = [];
  db.transaction(() => {
    for (const [table, make] of TABLES) {
      if (!present.has(table)) continue;
      const columns = new Set(writableColumns(db, table));
      for (const row of make()) {
        const cols = Object.keys(row).filter((c) => columns.has(c));
        db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
          ...cols.map((c) => row[c]),
        );
      }
      filled.push(table);
    }
  })();
  return filled;
}

/** Every row of a table, projected on the given columns, in a stable order. */
export function tableRows(db: SqliteDb, table: string, columns: readonly string[]): unknown[] {
  return db
    .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY ${columns.map((_, i) => i + 1).join(', ')}`)
    .raw()
    .all();
}
