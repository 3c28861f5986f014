import type { TFunction } from 'i18next';
import { IMPORT_FIELDS, IMPORT_KINDS, type ImportField, type ImportKind } from '../../../../shared/domain/import';
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
export const FIELD_GROUPS: readonly { group: FieldGroup; fields: readonly ImportField[] }[] = (
  ['customer', 'contact', 'inquiry', 'order'] as const
).map((group) => ({ group, fields: IMPORT_FIELDS.filter((f) => groupOf(f) === group) }));

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
