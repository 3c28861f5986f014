import type { CustomerRow } from '../../shared/domain/customer';
import type { GridColumnId } from '../../shared/domain/grid-columns';
import type { Language } from '../../shared/language';
import { buyerClockText } from '../../shared/text/buyer-clock';
import { classLabelText } from '../../shared/text/class-labels';
import { countryName } from '../../shared/text/country-names';
import { gridColumnLabel } from '../../shared/text/grid-column-labels';
import { phoneWhatsAppText } from '../../shared/text/phone-whatsapp';
import { mainText } from '../text/catalog';
import { localDateTime } from './local-time';
import type { ColumnKind, ExportCell } from './write-table';

/** What a customer's cells are written with: the user's language and zone, the base currency, the rules' segment names. */
export interface CustomerCellContext {
  language: Language;
  timeZone: string;
  /** The base currency revenue is counted in, and its decimals. */
  currency: string;
  currencyDigits: number;
  /** A segment's custom name from the classification rules, or null for the built-in one. */
  segmentName: (segment: string) => { en: string; zh: string } | null;
  /** The export's time (the buyers' local time is written as it was then). */
  nowMs: number;
}

interface CustomerColumn {
  kind: ColumnKind;
  cell: (r: CustomerRow, x: CustomerCellContext) => ExportCell;
  heading?: (x: CustomerCellContext) => string;
}

/** As the grid's CountryCell names it: the country in the export's language, or the unrecognised text as imported. */
export function countryCell(code: string, text: string, language: Language): string {
  return code ? countryName(code, language) : text;
}

function segmentCell(r: CustomerRow, x: CustomerCellContext): string {
  // The grid's SegmentCell: a custom name in the user's language first, then the built-in name.
  const custom = x.segmentName(r.classes.segment);
  const own = custom ? (x.language === 'zh-CN' ? custom.zh : custom.en) : '';
  return own || classLabelText(x.language, 'segment', r.classes.segment);
}

/**
 * Every grid column as the export writes it, with the value the grid's cell shows
 * (renderer/src/features/customers/customer-cells.tsx): names for codes, country names, local
 * times, money in the base currency as a number (the currency named in the heading). Keyed by the
 * grid's column ids, so a new grid column does not compile until the export writes it too.
 */
export const CUSTOMER_COLUMNS: Record<GridColumnId, CustomerColumn> = {
  company: { kind: 'text', cell: (r) => r.company },
  country: { kind: 'text', cell: (r, x) => countryCell(r.country, r.countryText, x.language) },
  city: { kind: 'text', cell: (r) => r.city },
  // The buyer's clock when the file was written, as the grid showed it then.
  localTime: { kind: 'text', cell: (r, x) => buyerClockText(x.nowMs, r.localZone, x.language) },
  mainContact: { kind: 'text', cell: (r) => r.mainContact.name },
  phone: { kind: 'code', cell: (r) => phoneWhatsAppText(r.mainContact) },
  // The due time in the user's zone (the grid marks an overdue one; a time cell holds no marker).
  nextFollowUp: { kind: 'datetime', cell: (r, x) => localDateTime(r.nextFollowUpAt, x.timeZone) },
  // The day it was received in the user's zone, as the grid shows it.
  lastInquiry: { kind: 'date', cell: (r, x) => localDateTime(r.lastInquiryAt, x.timeZone).slice(0, 10) },
  industry: { kind: 'text', cell: (r) => r.industry },
  businessType: { kind: 'text', cell: (r, x) => classLabelText(x.language, 'businessType', r.businessType) },
  scale: { kind: 'text', cell: (r, x) => classLabelText(x.language, 'scale', r.scale) },
  source: { kind: 'text', cell: (r) => r.source },
  owner: { kind: 'text', cell: (r) => r.owner },
  segment: { kind: 'text', cell: segmentCell },
  tier: { kind: 'text', cell: (r, x) => classLabelText(x.language, 'tier', r.classes.tier) },
  lifecycle: { kind: 'text', cell: (r, x) => classLabelText(x.language, 'lifecycle', r.lifecycleOverride ?? r.lifecycleStage) },
  churn: { kind: 'text', cell: (r, x) => classLabelText(x.language, 'churn', r.classes.churn) },
  priority: { kind: 'text', cell: (r, x) => classLabelText(x.language, 'priority', r.priority) },
  potential: { kind: 'number', cell: (r) => r.classes.potential },
  revenue: {
    kind: 'money',
    cell: (r, x) => ({ amount: r.classes.revenueMinor / 10 ** x.currencyDigits, digits: x.currencyDigits }),
    heading: (x) => mainText(x.language).export.inCurrency(gridColumnLabel(x.language, 'revenue'), x.currency),
  },
  // The day of the last order as classification counts days (stored as that day's 00:00 UTC).
  lastOrder: { kind: 'date', cell: (r) => r.classes.lastOrderAt?.slice(0, 10) ?? '' },
  rfm: {
    kind: 'text',
    cell: ({ classes: c }) => (c.rScore === null || c.fScore === null || c.mScore === null ? '' : `R${c.rScore} F${c.fScore} M${c.mScore}`),
  },
  recencyDays: { kind: 'number', cell: (r) => r.classes.recencyDays },
  primaryEmail: { kind: 'text', cell: (r) => r.primaryEmail },
  tags: { kind: 'text', cell: (r) => r.tags.join(', ') },
  createdAt: { kind: 'datetime', cell: (r, x) => localDateTime(r.createdAt, x.timeZone) },
  updatedAt: { kind: 'datetime', cell: (r, x) => localDateTime(r.updatedAt, x.timeZone) },
};

export function customerColumnHeading(id: GridColumnId, x: CustomerCellContext): string {
  return CUSTOMER_COLUMNS[id].heading?.(x) ?? gridColumnLabel(x.language, id);
}
