/**
 * An import reads, plans, matches and writes a chunk of rows at a time. Where the chunks fall
 * must not change what it does: the same files imported a few rows at a time and in one chunk
 * leave the same customers, contacts, inquiries and orders, with the same counts, and the
 * preview (a dry run of the same pass) says what the commit then does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../src/shared/ipc/contract';
import { openTestEngine, type TestEngine } from '../support/temp-db';

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');
const OWN = join(import.meta.dirname, '..', 'fixtures');
const FILES = [
  ...readdirSync(SHARED)
    .filter((n) => /\.(csv|xlsx)$/.test(n))
    .map((n) => join(SHARED, n)),
  ...readdirSync(OWN)
    .filter((n) => /\.(csv|xlsx)$/.test(n))
    .map((n) => join(OWN, n)),
];

type Counts = ChannelOutput<'import.commit'>;
const COUNTED = [
  'rows',
  'imported',
  'merged',
  'duplicates',
  'failed',
  'customersCreated',
  'customersMerged',
  'contactsCreated',
  'inquiries',
  'orders',
] as const;
const pick = (c: Pick<Counts, (typeof COUNTED)[number]>) => Object.fromEntries(COUNTED.map((k) => [k, c[k]]));

async function importAll(t: TestEngine, files: readonly string[]) {
  const reports: {
    file: string;
    preview: Record<string, number>;
    commit: Record<string, number>;
    possible: string[];
    duplicates: number[];
  }[] = [];
  for (const path of files) {
    const a = await t.call('import.analyze', {
      fileName: path.split('/').pop() as string,
      contentBase64: readFileSync(path).toString('base64'),
    });
    const plan = { fileId: a.fileId, kind: a.kind, mapping: a.mapping };
    const preview = await t.call('import.preview', plan);
    const report = await t.call('import.commit', plan);
    reports.push({
      file: path.split('/').pop() as string,
      preview: pick(preview.counts),
      commit: pick(report),
      possible: report.possibleDuplicates.map((p) => p.key).sort(),
      duplicates: report.duplicateRows.map((d) => d.row),
    });
  }
  return reports;
}

/** The book as a user sees it: customers with their country, contacts, inquiries and orders (amounts and lines), by company. */
function book(t: TestEngine): unknown {
  const db = t.engine.database.readSqlite;
  return db
    .prepare(
      `SELECT c.company, c.country, c.country_text, c.website_domain, c.city,
         (SELECT group_concat(x, ',') FROM (SELECT email || '/' || name || '/' || phone AS x FROM contacts WHERE customer_id = c.id ORDER BY x)) AS contacts,
         (SELECT group_concat(x, ',') FROM (SELECT coalesce(external_id, subject) || '@' || received_at AS x FROM inquiries WHERE customer_id = c.id ORDER BY x)) AS inquiries,
         (SELECT group_concat(x, ',') FROM (SELECT coalesce(o.external_no, o.product) || ':' || o.amount_minor || ':' || o.currency || ':' || o.ordered_at || ':' || ifnull(o.quantity, '-') || ':' || o.product
             || ':' || (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS x FROM orders o WHERE o.customer_id = c.id ORDER BY x)) AS orders,
         (SELECT group_concat(tag, ',') FROM (SELECT tag FROM customer_tags WHERE customer_id = c.id ORDER BY tag)) AS tags
       FROM customers c ORDER BY c.company, contacts, inquiries, orders`,
    )
    .all();
}

describe('an import a chunk at a time', () => {
  it.each([1, 2, 7])(
    'every sample file, imported one after another %i rows at a time, leaves the book and the counts one chunk leaves',
    async (rows) => {
      const whole = await openTestEngine({ importChunkRows: 1_000_000 });
      const chunked = await openTestEngine({ importChunkRows: rows });
      try {
        const a = await importAll(whole, FILES);
        const b = await importAll(chunked, FILES);
        for (const r of b) expect(r.preview, `${r.file}: the preview is the commit`).toEqual(r.commit);
        expect(b.map((r) => r.commit)).toEqual(a.map((r) => r.commit));
        expect(b.map((r) => r.duplicates)).toEqual(a.map((r) => r.duplicates));
        expect(
          b.map((r) => r.possible),
          'the same possible duplicates, by the same keys',
        ).toEqual(a.map((r) => r.possible));
        expect(book(chunked)).toEqual(book(whole));
      } finally {
        await whole.close();
        await chunked.close();
      }
    },
    120_000,
  );
});

describe('possible duplicates across chunks', () => {
  it('are offered under the same keys and, once accepted, merge as they do within one chunk', async () => {
    const path = join(OWN, 'near-name-companies.csv');
    const books: unknown[] = [];
    for (const rows of [1_000_000, 1]) {
      const t = await openTestEngine({ importChunkRows: rows });
      try {
        const a = await t.call('import.analyze', {
          fileName: 'near-name-companies.csv',
          contentBase64: readFileSync(path).toString('base64'),
        });
        const plan = { fileId: a.fileId, kind: a.kind, mapping: a.mapping };
        const offered = (await t.call('import.preview', plan)).possibleDuplicates.map((p) => p.key);
        expect(offered.length).toBeGreaterThan(0);
        const accepted = await t.call('import.preview', { ...plan, acceptedMerges: offered });
        const report = await t.call('import.commit', { ...plan, acceptedMerges: offered });
        expect(pick(accepted.counts)).toEqual(pick(report));
        books.push({ offered: offered.sort(), counts: pick(report), book: book(t) });
      } finally {
        await t.close();
      }
    }
    expect(books[1]).toEqual(books[0]);
  });
});
