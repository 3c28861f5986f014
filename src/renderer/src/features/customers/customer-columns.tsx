import {
  columnOrderingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import { ColumnHeaderLabel } from './column-header-label';
import {
  ChurnCell,
  ClassTextCell,
  CompanyCell,
  CountryCell,
  DateCell,
  LifecycleCell,
  LocalTimeCell,
  NextFollowUpCell,
  NumberCell,
  OptionalDateCell,
  PhoneCell,
  PotentialCell,
  PriorityCell,
  RevenueCell,
  RfmCell,
  SegmentCell,
  TagsCell,
  TierCell,
} from './customer-cells';
import type { GridColumnId } from './grid-column-ids';
import { COLUMN_WIDTHS, MAX_COLUMN_WIDTH } from './grid-column-layout';
import type { GridRow } from './use-customer-blocks';

/** The grid's table features: sorting state only (the engine sorts: manualSorting), column sizes, order and visibility. */
export const gridFeatures = tableFeatures({ rowSortingFeature, columnSizingFeature, columnOrderingFeature, columnVisibilityFeature });

const helper = createColumnHelper<typeof gridFeatures, GridRow>();

const header = (id: GridColumnId) => () => <ColumnHeaderLabel id={id} />;

/** A column's default, least and greatest width (grid-column-layout.ts). */
const widths = (id: GridColumnId) => ({ size: COLUMN_WIDTHS[id].size, minSize: COLUMN_WIDTHS[id].min, maxSize: MAX_COLUMN_WIDTH });

/** Columns, in the order of GRID_COLUMN_IDS (the default order); the ids of sortable ones are the engine's sort keys (CUSTOMER_SORT_KEYS). */
export const customerColumns = helper.columns([
  helper.accessor((r) => r.customer.company, {
    id: 'company',
    header: header('company'),
    cell: (c) => <CompanyCell customer={c.row.original.customer} />,
    enableHiding: false,
    ...widths('company'),
  }),
  helper.accessor((r) => r.customer.country, {
    id: 'country',
    header: header('country'),
    cell: (c) => <CountryCell code={c.getValue()} text={c.row.original.customer.countryText} />,
    ...widths('country'),
  }),
  helper.accessor((r) => r.customer.city, {
    id: 'city',
    header: header('city'),
    cell: (c) => <span className="cell-text">{c.getValue()}</span>,
    enableSorting: false,
    ...widths('city'),
  }),
  // Sorted by the good time to call now (the engine's localTime sort: in working hours first).
  helper.accessor((r) => r.customer.localZone, {
    id: 'localTime',
    header: header('localTime'),
    cell: (c) => <LocalTimeCell zone={c.getValue()} />,
    // The best time to call first (the value is an object, which the table would sort descending first).
    sortDescFirst: false,
    ...widths('localTime'),
  }),
  helper.accessor((r) => r.customer.mainContact.name, {
    id: 'mainContact',
    header: header('mainContact'),
    cell: (c) => <span className="cell-text">{c.getValue()}</span>,
    enableSorting: false,
    ...widths('mainContact'),
  }),
  helper.accessor((r) => r.customer.mainContact, {
    id: 'phone',
    header: header('phone'),
    cell: (c) => <PhoneCell contact={c.getValue()} />,
    enableSorting: false,
    ...widths('phone'),
  }),
  // Not sortable, like last inquiry: no index orders customers by their next follow-up (it is read per
  // row from follow_ups_customer), so the engine would compute it for every customer of the filter first.
  helper.accessor((r) => r.customer.nextFollowUpAt, {
    id: 'nextFollowUp',
    header: header('nextFollowUp'),
    cell: (c) => <NextFollowUpCell iso={c.getValue()} />,
    enableSorting: false,
    ...widths('nextFollowUp'),
  }),
  helper.accessor((r) => r.customer.lastInquiryAt, {
    id: 'lastInquiry',
    header: header('lastInquiry'),
    cell: (c) => <OptionalDateCell iso={c.getValue()} />,
    enableSorting: false,
    ...widths('lastInquiry'),
  }),
  helper.accessor((r) => r.customer.industry, {
    id: 'industry',
    header: header('industry'),
    cell: (c) => <span className="cell-text">{c.getValue()}</span>,
    ...widths('industry'),
  }),
  helper.accessor((r) => r.customer.businessType, {
    id: 'businessType',
    header: header('businessType'),
    cell: (c) => <ClassTextCell dimension="businessType" code={c.getValue()} />,
    enableSorting: false,
    ...widths('businessType'),
  }),
  helper.accessor((r) => r.customer.scale, {
    id: 'scale',
    header: header('scale'),
    cell: (c) => <ClassTextCell dimension="scale" code={c.getValue()} />,
    enableSorting: false,
    ...widths('scale'),
  }),
  helper.accessor((r) => r.customer.source, {
    id: 'source',
    header: header('source'),
    cell: (c) => <span className="cell-text">{c.getValue()}</span>,
    enableSorting: false,
    ...widths('source'),
  }),
  helper.accessor((r) => r.customer.owner, {
    id: 'owner',
    header: header('owner'),
    cell: (c) => <span className="cell-text">{c.getValue()}</span>,
    ...widths('owner'),
  }),
  helper.accessor((r) => r.customer.classes.segment, {
    id: 'segment',
    header: header('segment'),
    cell: (c) => <SegmentCell segment={c.getValue()} />,
    enableSorting: false,
    ...widths('segment'),
  }),
  helper.accessor((r) => r.customer.classes.tier, {
    id: 'tier',
    header: header('tier'),
    cell: (c) => <TierCell tier={c.getValue()} />,
    enableSorting: false,
    ...widths('tier'),
  }),
  helper.accessor((r) => r.customer.lifecycleOverride ?? r.customer.lifecycleStage, {
    id: 'lifecycle',
    header: header('lifecycle'),
    cell: (c) => <LifecycleCell stage={c.row.original.customer.lifecycleStage} override={c.row.original.customer.lifecycleOverride} />,
    enableSorting: false,
    ...widths('lifecycle'),
  }),
  helper.accessor((r) => r.customer.classes.churn, {
    id: 'churn',
    header: header('churn'),
    cell: (c) => <ChurnCell churn={c.getValue()} />,
    enableSorting: false,
    ...widths('churn'),
  }),
  helper.accessor((r) => r.customer.priority, {
    id: 'priority',
    header: header('priority'),
    cell: (c) => <PriorityCell priority={c.getValue()} />,
    enableSorting: false,
    ...widths('priority'),
  }),
  helper.accessor((r) => r.customer.classes.potential, {
    id: 'potential',
    header: header('potential'),
    cell: (c) => <PotentialCell potential={c.getValue()} overridden={c.row.original.customer.classes.potentialOverridden} />,
    enableSorting: false,
    ...widths('potential'),
  }),
  helper.accessor((r) => r.customer.classes.revenueMinor, {
    id: 'revenue',
    header: header('revenue'),
    cell: (c) => <RevenueCell minor={c.getValue()} />,
    sortDescFirst: true,
    ...widths('revenue'),
  }),
  helper.accessor((r) => r.customer.classes.lastOrderAt, {
    id: 'lastOrder',
    header: header('lastOrder'),
    cell: (c) => <OptionalDateCell iso={c.getValue()} />,
    sortDescFirst: true,
    ...widths('lastOrder'),
  }),
  helper.accessor((r) => r.customer.classes, {
    id: 'rfm',
    header: header('rfm'),
    cell: (c) => <RfmCell classes={c.getValue()} />,
    enableSorting: false,
    ...widths('rfm'),
  }),
  helper.accessor((r) => r.customer.classes.recencyDays, {
    id: 'recencyDays',
    header: header('recencyDays'),
    cell: (c) => <NumberCell value={c.getValue()} />,
    enableSorting: false,
    ...widths('recencyDays'),
  }),
  helper.accessor((r) => r.customer.primaryEmail, {
    id: 'primaryEmail',
    header: header('primaryEmail'),
    cell: (c) => <span className="cell-text">{c.getValue()}</span>,
    enableSorting: false,
    ...widths('primaryEmail'),
  }),
  helper.accessor((r) => r.customer.tags, {
    id: 'tags',
    header: header('tags'),
    cell: (c) => <TagsCell tags={c.getValue()} />,
    enableSorting: false,
    ...widths('tags'),
  }),
  helper.accessor((r) => r.customer.createdAt, {
    id: 'createdAt',
    header: header('createdAt'),
    cell: (c) => <DateCell iso={c.getValue()} />,
    ...widths('createdAt'),
  }),
  helper.accessor((r) => r.customer.updatedAt, {
    id: 'updatedAt',
    header: header('updatedAt'),
    cell: (c) => <DateCell iso={c.getValue()} />,
    ...widths('updatedAt'),
  }),
]);
