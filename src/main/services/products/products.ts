/**
 * The product catalogue (#21 item 1): list, read, create, edit (optimistic version), archive, photo.
 * A SKU is unique on this book case-insensitively (the column is COLLATE NOCASE, kept trimmed): a
 * create or an edit to a SKU another product has is refused with PRODUCT_SKU_TAKEN.
 */
import { sql } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { MAX_PRODUCT_PHOTO_BYTES, type Product, type ProductListInput } from '../../../shared/domain/products';
import { AppError } from '../../../shared/errors';
import type { ReadDb, WriteTx } from '../../db/sql';
import { expectVersion } from '../../db/versioned-row';
import { isoNow, type ServiceContext } from '../context';
import { patchColumns, productColumns, productRows, toProduct } from './product-rows';

/** `%text%` for LIKE with its wildcards taken literally (ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The list's filter (search, category, archived) on a products query. */
export function filteredProducts(db: ReadDb, input: Pick<ProductListInput, 'search' | 'category' | 'archived'>) {
  let q = productRows(db);
  if (input.archived === 'active') q = q.where('archived_at', 'is', null);
  else if (input.archived === 'archived') q = q.where('archived_at', 'is not', null);
  if (input.category !== undefined && input.category !== '') q = q.where('category', '=', input.category);
  if (input.search) {
    const like = likePattern(input.search);
    q = q.where((eb) =>
      eb.or(
        (['sku', 'name_en', 'name_zh', 'category', 'hs_code', 'alibaba_product_id'] as const).map((c) =>
          eb(sql`${sql.ref(c)}`, 'like', sql`${like} ESCAPE '\\'`),
        ),
      ),
    );
  }
  return q;
}

export function listProducts(ctx: ServiceContext, input: ChannelParsedInput<'products.list'>): ChannelOutput<'products.list'> {
  const q = filteredProducts(ctx.read, input);
  const total = ctx.read.first(ctx.read.selectFrom(q.as('f')).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const rows = ctx.read.all(q.orderBy('sku').orderBy('id').limit(input.limit).offset(input.offset)).map(toProduct);
  const categories = ctx.read
    .all(ctx.read.selectFrom('products').select('category').distinct().where('category', 'is not', null).orderBy('category'))
    .map((r) => r.category as string);
  return { rows, total, categories };
}

function readProduct(db: ReadDb | WriteTx, id: number): Product {
  const row = db.first(productRows(db).where('id', '=', id));
  if (!row) throw new AppError('NOT_FOUND', `product ${id} does not exist`, { id });
  return toProduct(row);
}

export function getProduct(ctx: ServiceContext, id: number): Product {
  return readProduct(ctx.read, id);
}

/** The product of this book with the SKU (case-insensitively; the lowest id when a sync brought two), or undefined. */
export function productBySku(db: ReadDb | WriteTx, sku: string) {
  return db.first(db.selectFrom('products').select(['id', 'archived_at']).where('sku', '=', sku.trim()).orderBy('id').limit(1));
}

function assertSkuFree(tx: WriteTx, sku: string, exceptId?: number): void {
  const other = tx.first(
    tx
      .selectFrom('products')
      .select(['id', 'archived_at'])
      .where('sku', '=', sku)
      .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId as number))
      .limit(1),
  );
  if (other) {
    throw new AppError('PRODUCT_SKU_TAKEN', `a product with SKU ${sku} exists already`, {
      sku,
      productId: other.id,
      archived: other.archived_at !== null,
    });
  }
}

export async function createProduct(ctx: ServiceContext, input: ChannelParsedInput<'products.create'>): Promise<Product> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    assertSkuFree(tx, input.sku);
    const id = tx.run(tx.insertInto('products').values({ ...productColumns(input), created_at: now, updated_at: now })).lastInsertRowid;
    return readProduct(tx, id);
  });
}

export async function updateProduct(ctx: ServiceContext, input: ChannelParsedInput<'products.update'>): Promise<Product> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    expectVersion(tx.first(tx.selectFrom('products').select('version').where('id', '=', input.id)), 'product', input.id, input.version);
    if (input.patch.sku !== undefined) assertSkuFree(tx, input.patch.sku, input.id);
    tx.run(
      tx
        .updateTable('products')
        .set({ ...patchColumns(input.patch), updated_at: now, version: (eb) => eb('version', '+', 1) })
        .where('id', '=', input.id),
    );
    return readProduct(tx, input.id);
  });
}

export async function setProductArchived(ctx: ServiceContext, input: ChannelParsedInput<'products.setArchived'>): Promise<Product> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const row = expectVersion(
      tx.first(tx.selectFrom('products').select(['version', 'archived_at']).where('id', '=', input.id)),
      'product',
      input.id,
      input.version,
    );
    if ((row.archived_at !== null) === input.archived) return readProduct(tx, input.id);
    tx.run(
      tx
        .updateTable('products')
        .set({ archived_at: input.archived ? now : null, updated_at: now, version: (eb) => eb('version', '+', 1) })
        .where('id', '=', input.id),
    );
    return readProduct(tx, input.id);
  });
}

/** The image type of a photo's first bytes: JPEG, PNG or WebP; null for anything else. */
export function photoMime(bytes: Uint8Array): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export async function setProductPhoto(ctx: ServiceContext, input: ChannelParsedInput<'products.setPhoto'>): Promise<Product> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length > MAX_PRODUCT_PHOTO_BYTES) {
    throw new AppError('PRODUCT_PHOTO_TOO_LARGE', `the photo is ${bytes.length} bytes; at most ${MAX_PRODUCT_PHOTO_BYTES}`, {
      bytes: bytes.length,
      max: MAX_PRODUCT_PHOTO_BYTES,
    });
  }
  const mime = photoMime(bytes);
  if (!mime) throw new AppError('PRODUCT_PHOTO_NOT_IMAGE', 'the photo is not a JPEG, PNG or WebP image');
  return writePhoto(ctx, input.id, input.version, bytes, mime);
}

export async function clearProductPhoto(ctx: ServiceContext, input: ChannelParsedInput<'products.clearPhoto'>): Promise<Product> {
  return writePhoto(ctx, input.id, input.version, null, null);
}

async function writePhoto(ctx: ServiceContext, id: number, version: number, photo: Buffer | null, mime: string | null): Promise<Product> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    expectVersion(tx.first(tx.selectFrom('products').select('version').where('id', '=', id)), 'product', id, version);
    tx.run(
      tx
        .updateTable('products')
        .set({ photo, photo_mime: mime, updated_at: now, version: (eb) => eb('version', '+', 1) })
        .where('id', '=', id),
    );
    return readProduct(tx, id);
  });
}

export function productPhoto(ctx: ServiceContext, id: number): ChannelOutput<'products.photo'> {
  const row = ctx.read.first(ctx.read.selectFrom('products').select(['photo', 'photo_mime']).where('id', '=', id));
  if (!row) throw new AppError('NOT_FOUND', `product ${id} does not exist`, { id });
  if (!row.photo || !row.photo_mime) return null;
  return { mime: row.photo_mime, contentBase64: Buffer.from(row.photo).toString('base64') };
}
