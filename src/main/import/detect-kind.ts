import { REPEATABLE_FIELDS, type ColumnMapping, type ImportField, type ImportKind } from '../../shared/domain/import';
import { AppError } from '../../shared/errors';
import { fieldForHeader, fieldForHeaderInKind, productFieldForHeader } from './header-aliases';
import type { Recognition } from './types';

/** The fields a typical file of each kind has; the share found sets the confidence. */
const TYPICAL: Record<ImportKind, readonly (readonly ImportField[])[]> = {
  inquiries: [
    ['inquiryId'],
    ['subject'],
    ['message'],
    ['receivedAt'],
    ['company'],
    ['country'],
    ['email', 'phone', 'mobile'],
    ['contactName'],
    ['product'],
  ],
  orders: [
    ['orderNo'],
    ['orderedAt'],
    ['amount', 'unitPrice'],
    ['quantity'],
    ['currency'],
    ['company', 'customerNo'],
    ['country'],
    ['product', 'productRef'],
  ],
  leads: [['firstName', 'lastName'], ['rating'], ['email'], ['company'], ['title'], ['mobile', 'phone'], ['country'], ['notes']],
  customers: [
    ['company'],
    ['contactName'],
    ['email'],
    ['country'],
    ['owner'],
    ['customerGroup'],
    ['importance'],
    ['customerCreatedAt'],
    ['source'],
    ['businessType'],
  ],
  products: [
    ['sku'],
    ['nameEn', 'nameZh'],
    ['unitPrice', 'tierPrice', 'priceTiers'],
    ['moq'],
    ['unit'],
    ['category'],
    ['hsCode'],
    ['unitsPerCarton', 'cartonSize', 'cartonWeight'],
  ],
};

/** Catalogue fields no inquiry, order or customer file has: two of them and a SKU make a catalogue. */
const CATALOGUE_ONLY: readonly ImportField[] = [
  'moq',
  'priceTiers',
  'tierPrice',
  'cost',
  'hsCode',
  'unitsPerCarton',
  'cartonSize',
  'cartonWeight',
  'leadTime',
  'alibabaProductId',
  'category',
  'nameZh',
  'nameEn',
];

/** Fields only a customer list (not a bare list of companies) has. */
const CUSTOMER_LIST_FIELDS: readonly ImportField[] = ['customerGroup', 'importance', 'customerCreatedAt', 'source', 'businessType'];

/**
 * Recognises a file by its headers: maps each header to a field (each field once, the first
 * column wins) and decides the kind from the fields present. Throws IMPORT_UNKNOWN_KIND when
 * the headers say nothing we can import.
 */
export function recognise(headers: readonly string[]): Recognition {
  const first = dedupe(headers.map(fieldForHeader));
  const has = new Set(first.filter((f): f is ImportField => f !== null));
  const any = (...fields: ImportField[]) => fields.some((f) => has.has(f));

  const catalogue = new Set(headers.map(productFieldForHeader).filter((f): f is ImportField => f !== null));
  const catalogueOnly = CATALOGUE_ONLY.filter((f) => catalogue.has(f)).length;

  let kind: ImportKind;
  let cap = 1;
  if (catalogue.has('sku') && catalogueOnly >= 2 && !any('company', 'email', 'orderNo', 'inquiryId', 'customerNo')) kind = 'products';
  else if (has.has('orderNo') && any('amount', 'unitPrice') && !has.has('inquiryId')) kind = 'orders';
  else if (any('inquiryId', 'subject', 'message')) kind = 'inquiries';
  else if (any('firstName', 'lastName') && has.has('rating')) kind = 'leads';
  else if (any('company', 'contactName') && any(...CUSTOMER_LIST_FIELDS)) kind = 'customers';
  else if (has.has('orderNo') && has.has('orderedAt')) {
    kind = 'orders';
    cap = 0.6;
  } else if (any('company', 'contactName', 'email', 'customerNo')) {
    kind = 'customers';
    cap = 0.6;
  } else {
    throw new AppError('IMPORT_UNKNOWN_KIND', 'The columns do not look like inquiries, customers, orders, leads or a product catalogue.', {
      headers: [...headers],
    });
  }

  const mapping = dedupe(headers.map((h) => fieldForHeaderInKind(h, kind)));
  const mapped = new Set(mapping);
  const typical = TYPICAL[kind];
  const found = typical.filter((alternatives) => alternatives.some((f) => mapped.has(f))).length;
  const confidence = Math.min(cap, 0.5 + 0.5 * (found / typical.length));
  return { kind, mapping, confidence: Math.round(confidence * 100) / 100 };
}

/** The mapping of a file whose kind the user chose (the headers read as that kind's). */
export function recogniseAs(headers: readonly string[], kind: ImportKind): Recognition {
  const mapping = dedupe(headers.map((h) => fieldForHeaderInKind(h, kind)));
  const mapped = new Set(mapping);
  const found = TYPICAL[kind].filter((alternatives) => alternatives.some((f) => mapped.has(f))).length;
  return { kind, mapping, confidence: Math.round(Math.min(1, 0.5 + 0.5 * (found / TYPICAL[kind].length)) * 100) / 100 };
}

/** Each field once (but a repeatable one): a later column naming the same field is left unmapped. */
function dedupe(fields: (ImportField | null)[]): ColumnMapping {
  const seen = new Set<ImportField>();
  return fields.map((f) => {
    if (f !== null && REPEATABLE_FIELDS.includes(f)) return f;
    if (f === null || seen.has(f)) return null;
    seen.add(f);
    return f;
  });
}
