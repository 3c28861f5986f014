import type { TFunction } from 'i18next';
import { IMPORT_FIELDS, IMPORT_KINDS, PRODUCT_FIELDS, type ImportField, type ImportKind } from '../../../../shared/domain/import';
import type { AnalyzedColumn } from './import-types';

export type FieldGroup = 'customer' | 'contact' | 'inquiry' | 'order' | 'product';

/** The first field of each group, in IMPORT_FIELDS order (customer fields come first). */
const GROUP_STARTS: readonly [FieldGroup, ImportField][] = [
  ['contact', 'contactName'],
  ['inquiry', 'inquiryId'],
  ['order', 'orderNo'],
  ['product', 'sku'],
];

function groupOf(field: ImportField): FieldGroup {
  const index = IMPORT_FIELDS.indexOf(field);
  let group: FieldGroup = 'customer';
  for (const [name, first] of GROUP_STARTS) if (index >= IMPORT_FIELDS.indexOf(first)) group = name;
  return group;
}

/** Every field, grouped as the column selects show them (customer, contact person, inquiry, order, catalogue product). */
export const FIELD_GROUPS: readonly { group: FieldGroup; fields: readonly ImportField[] }[] = (
  ['customer', 'contact', 'inquiry', 'order', 'product'] as const
).map((group) => ({ group, fields: IMPORT_FIELDS.filter((f) => groupOf(f) === group) }));

/** The groups a file of this kind offers: a catalogue its product fields only; the others all but the catalogue's. */
export function fieldGroupsFor(kind: ImportKind): readonly { group: FieldGroup; fields: readonly ImportField[] }[] {
  if (kind === 'products') return [{ group: 'product', fields: PRODUCT_FIELDS }];
  return FIELD_GROUPS.filter((g) => g.group !== 'product');
}

export function isImportField(value: string): value is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(value);
}

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/** A column's name as the user sees it; a column without a header is called by its position. */
export function columnLabel(t: TFunction, column: Pick<AnalyzedColumn, 'index' | 'header'>): string {
  return column.header.trim() || t('import.unnamedColumn', { number: column.index + 1 });
}
