import type { TFunction } from 'i18next';
import { IMPORT_FIELDS, IMPORT_KINDS, type ColumnMapping, type ImportField, type ImportKind } from '../../../../shared/domain/import';
import type { AnalyzedColumn } from './import-types';

export type FieldGroup = 'customer' | 'contact' | 'inquiry' | 'order';

/** The first field of each group, in IMPORT_FIELDS order (customer fields come first). */
const GROUP_STARTS: readonly [FieldGroup, ImportField][] = [
  ['contact', 'contactName'],
  ['inquiry', 'inquiryId'],
  ['order', 'orderNo'],
];

function groupOf(field: ImportField): FieldGroup {
  const index = IMPORT_FIELDS.indexOf(field);
  let group: FieldGroup = 'customer';
  for (const [name, first] of GROUP_STARTS) if (index >= IMPORT_FIELDS.indexOf(first)) group = name;
  return group;
}

/** Every field, grouped as the column selects show them (customer, contact person, inquiry, order). */
export const FIELD_GROUPS: readonly { group: FieldGroup; fields: readonly ImportField[] }[] = (['customer', 'contact', 'inquiry', 'order'] as const).map(
  (group) => ({ group, fields: IMPORT_FIELDS.filter((f) => groupOf(f) === group) }),
);

export function isImportField(value: string): value is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(value);
}

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/**
 * What the mapping still lacks for this kind of file, as alternatives (any one of them will do).
 * The same rules the engine applies, checked here so the wizard can say so before asking it.
 */
export function missingFields(kind: ImportKind, mapping: ColumnMapping): ImportField[][] {
  const used = new Set(mapping.filter((f): f is ImportField => f !== null));
  const needs: ImportField[][] = [['company', 'customerNo']];
  if (kind === 'inquiries') needs.push(['receivedAt']);
  if (kind === 'orders') needs.push(['orderedAt'], ['amount', 'unitPrice']);
  return needs.filter((alternatives) => !alternatives.some((f) => used.has(f)));
}

/** A column's name as the user sees it; a column without a header is called by its position. */
export function columnLabel(t: TFunction, column: Pick<AnalyzedColumn, 'index' | 'header'>): string {
  return column.header.trim() || t('import.unnamedColumn', { number: column.index + 1 });
}
