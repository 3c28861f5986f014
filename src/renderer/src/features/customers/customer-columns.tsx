import { columnSizingFeature, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import { ColumnHeaderLabel } from './column-header-label';
import { CompanyCell, CountryCell, DateCell, LifecycleCell, PriorityCell, TagsCell } from './customer-cells';
import type { GridRow } from './use-customer-blocks';

/** The grid's table features: sorting state only (the engine sorts: manualSorting) and column sizes. */
export const gridFeatures = tableFeatures({ rowSortingFeature, columnSizingFeature });

const helper = createColumnHelper<typeof gridFeatures, GridRow>();

/** Columns; the ids of sortable ones are the engine's sort keys (CUSTOMER_SORT_KEYS). */
export const customerColumns = helper.columns([
  helper.accessor((r) => r.customer.company, {
    id: 'company',
    header: () => <ColumnHeaderLabel id="company" />,
    cell: (c) => <CompanyCell customer={c.row.original.customer} />,
    size: 260,
  }),
  helper.accessor((r) => r.customer.country, {
    id: 'country',
    header: () => <ColumnHeaderLabel id="country" />,
    cell: (c) => <CountryCell code={c.getValue()} />,
    size: 170,
  }),
  helper.accessor((r) => r.customer.industry, {
    id: 'industry',
    header: () => <ColumnHeaderLabel id="industry" />,
    cell: (c) => <span className="cell-text">{c.getValue()}</span>,
    size: 150,
  }),
  helper.accessor((r) => r.customer.owner, {
    id: 'owner',
    header: () => <ColumnHeaderLabel id="owner" />,
    cell: (c) => <span className="cell-text">{c.getValue()}</span>,
    size: 120,
  }),
  helper.accessor((r) => r.customer.lifecycleOverride ?? r.customer.lifecycleStage, {
    id: 'lifecycle',
    header: () => <ColumnHeaderLabel id="lifecycle" />,
    cell: (c) => <LifecycleCell stage={c.row.original.customer.lifecycleStage} override={c.row.original.customer.lifecycleOverride} />,
    enableSorting: false,
    size: 130,
  }),
  helper.accessor((r) => r.customer.priority, {
    id: 'priority',
    header: () => <ColumnHeaderLabel id="priority" />,
    cell: (c) => <PriorityCell priority={c.getValue()} />,
    enableSorting: false,
    size: 90,
  }),
  helper.accessor((r) => r.customer.primaryEmail, {
    id: 'primaryEmail',
    header: () => <ColumnHeaderLabel id="primaryEmail" />,
    cell: (c) => <span className="cell-text">{c.getValue()}</span>,
    enableSorting: false,
    size: 220,
  }),
  helper.accessor((r) => r.customer.tags, {
    id: 'tags',
    header: () => <ColumnHeaderLabel id="tags" />,
    cell: (c) => <TagsCell tags={c.getValue()} />,
    enableSorting: false,
    size: 180,
  }),
  helper.accessor((r) => r.customer.createdAt, {
    id: 'createdAt',
    header: () => <ColumnHeaderLabel id="createdAt" />,
    cell: (c) => <DateCell iso={c.getValue()} />,
    size: 130,
  }),
  helper.accessor((r) => r.customer.updatedAt, {
    id: 'updatedAt',
    header: () => <ColumnHeaderLabel id="updatedAt" />,
    cell: (c) => <DateCell iso={c.getValue()} />,
    size: 130,
  }),
]);
