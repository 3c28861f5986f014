import { CUSTOMER_EXPORT_COLUMNS, type CustomerExportColumn } from '../../../../shared/domain/export';
import { customerColumns } from './customer-columns';

function isExportColumn(id: string | undefined): id is CustomerExportColumn {
  return id !== undefined && (CUSTOMER_EXPORT_COLUMNS as readonly string[]).includes(id);
}

/** The grid's visible columns, in grid order, as the customer export names them. */
export function gridExportColumns(): CustomerExportColumn[] {
  return customerColumns.map((c) => c.id).filter(isExportColumn);
}
