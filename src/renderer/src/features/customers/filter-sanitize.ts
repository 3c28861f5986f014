import { CHURN_STATUSES, RFM_SEGMENTS, VALUE_MATRIX, VALUE_TIERS } from '../../../../shared/domain/classification-enums';
import { BUSINESS_TYPES, LIFECYCLE_STAGES, PRIORITIES, SCALES } from '../../../../shared/domain/customer-enums';
import { EMPTY_FILTER, type FilterListKey, type GridFilterState } from './grid-filter';

/** One list field: which values the engine accepts and how many. */
interface ListRule {
  max: number;
  /** The value as the engine stores it, or null when it is not one it accepts. */
  accept: (value: string) => string | null;
}

const oneOf =
  (values: readonly string[]) =>
  (v: string): string | null =>
    values.includes(v) ? v : null;

/** Free text up to maxLength; '' stands for customers where the field is not set. */
const text =
  (maxLength: number) =>
  (v: string): string | null => {
    const s = v.trim();
    return s.length <= maxLength ? s : null;
  };

/** UN M49 area code, or '' for customers without a known country. */
const areaCode = (v: string): string | null => (/^(\d{3})?$/.test(v.trim()) ? v.trim() : null);

/** ISO 3166-1 alpha-2 in any case, or '' for customers without a country. */
const country = (v: string): string | null => {
  const s = v.trim().toUpperCase();
  return s === '' || /^[A-Z]{2}$/.test(s) ? s : null;
};

/** The limits of customerFilterSchema (src/shared/domain/customer.ts), checked here so a bad link never reaches the engine. */
const LIST_RULES: Record<FilterListKey, ListRule> = {
  countries: { max: 300, accept: country },
  industries: { max: 200, accept: text(120) },
  owners: { max: 200, accept: text(120) },
  lifecycleStages: { max: 10, accept: oneOf(LIFECYCLE_STAGES) },
  priorities: { max: 3, accept: oneOf(PRIORITIES) },
  continents: { max: 10, accept: areaCode },
  regions: { max: 40, accept: areaCode },
  businessTypes: { max: 10, accept: oneOf([...BUSINESS_TYPES, '']) },
  scales: { max: 10, accept: oneOf([...SCALES, '']) },
  segments: { max: 11, accept: oneOf([...RFM_SEGMENTS, 'none']) },
  tiers: { max: 4, accept: oneOf([...VALUE_TIERS, 'none']) },
  matrix: { max: 4, accept: oneOf(VALUE_MATRIX) },
  churn: { max: 4, accept: oneOf([...CHURN_STATUSES, 'none']) },
};

function sanitizeList(raw: unknown, rule: ListRule): string[] | undefined {
  const items: unknown[] | null = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : null;
  if (!items) return undefined;
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const v = rule.accept(item);
    if (v !== null && !out.includes(v)) out.push(v);
    if (out.length === rule.max) break;
  }
  return out;
}

/**
 * The parts of an untrusted filter (a link, an old saved view) that the engine would accept:
 * unknown fields and values are dropped, lists are de-duplicated and capped. Fields absent or
 * unusable in `raw` are absent from the result.
 */
export function sanitizeFilter(raw: unknown): Partial<GridFilterState> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const source = raw as Record<string, unknown>;
  const out: Partial<Record<keyof GridFilterState, unknown>> = {};
  for (const key of Object.keys(LIST_RULES) as FilterListKey[]) {
    const list = sanitizeList(source[key], LIST_RULES[key]);
    if (list) out[key] = list;
  }
  if (typeof source.search === 'string') {
    // The engine counts UTF-16 units; never cut a character (an emoji) in half.
    let search = source.search.trim().slice(0, 200);
    if (/[\uD800-\uDBFF]$/.test(search)) search = search.slice(0, -1);
    out.search = search.trim();
  }
  if (typeof source.tag === 'string') {
    const tag = source.tag.trim();
    if (tag.length <= 40) out.tag = tag;
  }
  if (source.archived === 'active' || source.archived === 'archived' || source.archived === 'all') out.archived = source.archived;
  if (typeof source.countryUnrecognised === 'boolean') out.countryUnrecognised = source.countryUnrecognised;
  if (typeof source.workingHoursNow === 'boolean') out.workingHoursNow = source.workingHoursNow;
  return out as Partial<GridFilterState>;
}

/** A whole filter from an untrusted one: its usable parts over the default filter. */
export function filterFrom(raw: unknown, base: GridFilterState = EMPTY_FILTER): GridFilterState {
  return { ...base, ...sanitizeFilter(raw) };
}
