import type { BoardDimension } from '../../../../shared/domain/classification-enums';
import type { CustomerFilterInput } from '../../../../shared/domain/customer';

/**
 * What the board toolbar filters by. Each list holds at most one value (one select per field);
 * '' inside a list is a real class ("unknown area", "no industry"), an empty list means all.
 */
export interface BoardFilter {
  continents: string[];
  regions: string[];
  industries: string[];
  owners: string[];
  /** '' = any tag. */
  tag: string;
}

export const EMPTY_BOARD_FILTER: BoardFilter = { continents: [], regions: [], industries: [], owners: [], tag: '' };

export function hasBoardFilter(f: BoardFilter): boolean {
  return f.continents.length > 0 || f.regions.length > 0 || f.industries.length > 0 || f.owners.length > 0 || f.tag !== '';
}

/** The engine filter for the board: active customers, narrowed by the toolbar. */
export function toCustomerFilter(f: BoardFilter): CustomerFilterInput {
  return {
    continents: f.continents,
    regions: f.regions,
    industries: f.industries,
    owners: f.owners,
    tag: f.tag,
    archived: 'active',
  };
}

const first = (list: readonly string[] | undefined): string[] => (list && list.length > 0 ? [list[0] ?? ''] : []);

/** The toolbar's part of a saved filter (the fields the board shows; one value each). */
export function fromCustomerFilter(filter: CustomerFilterInput): BoardFilter {
  return {
    continents: first(filter.continents),
    regions: first(filter.regions),
    industries: first(filter.industries),
    owners: first(filter.owners),
    tag: filter.tag ?? '',
  };
}

export function sameBoardFilter(a: BoardFilter, b: BoardFilter): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The customers-grid filter for one column: the board's filter narrowed to the column's class, or
 * null when the grid cannot express exactly that set (untagged customers; a second tag; priority,
 * which the board groups by manual-or-suggested while the grid filters manual priority only).
 */
export function columnFilter(dimension: BoardDimension, key: string, board: BoardFilter): CustomerFilterInput | null {
  const filter = classFilter(dimension, key, board);
  if (!filter) return null;
  // Only the fields that narrow, for a short link.
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== ''))) as CustomerFilterInput;
}

function classFilter(dimension: BoardDimension, key: string, board: BoardFilter): CustomerFilterInput | null {
  const base = toCustomerFilter(board);
  switch (dimension) {
    case 'continent':
      return { ...base, continents: [key] };
    case 'region':
      return { ...base, regions: [key] };
    case 'country':
      return { ...base, countries: [key] };
    case 'industry':
      return { ...base, industries: [key] };
    case 'owner':
      return { ...base, owners: [key] };
    case 'tag':
      return key !== '' && (board.tag === '' || board.tag === key) ? { ...base, tag: key } : null;
    case 'businessType':
      return { ...base, businessTypes: [key as NonNullable<CustomerFilterInput['businessTypes']>[number]] };
    case 'scale':
      return { ...base, scales: [key as NonNullable<CustomerFilterInput['scales']>[number]] };
    case 'segment':
      return { ...base, segments: [key as NonNullable<CustomerFilterInput['segments']>[number]] };
    case 'tier':
      return { ...base, tiers: [key as NonNullable<CustomerFilterInput['tiers']>[number]] };
    case 'matrix':
      return { ...base, matrix: [key as NonNullable<CustomerFilterInput['matrix']>[number]] };
    case 'churn':
      return { ...base, churn: [key as NonNullable<CustomerFilterInput['churn']>[number]] };
    case 'lifecycle':
      return { ...base, lifecycleStages: [key as NonNullable<CustomerFilterInput['lifecycleStages']>[number]] };
    case 'priority':
      return null;
  }
}
