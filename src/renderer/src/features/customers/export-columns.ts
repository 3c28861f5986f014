import { CUSTOMER_EXPORT_COLUMNS, type CustomerExportColumn } from '../../../../shared/domain/export';
import type { GridColumnId } from './grid-column-ids';

function isExportColumn(id: string): id is CustomerExportColumn {
  return (CUSTOMER_EXPORT_COLUMNS as readonly string[]).includes(id);
}

/**
 * The grid's visible columns, in grid order, as the customer export names them. Class columns
 * (segment, tier, revenue…) have no export column yet and are left out.
 */
export function gridExportColumns(visible: readonly GridColumnId[]): CustomerExportColumn[] {
  return visible.flatMap((id) => (isExportColumn(id) ? [id] : []));
}
