import { describe, expect, it } from 'vitest';
import { customerFilterSchema } from '../../src/shared/domain/customer';
import { parsePotential } from '../../src/renderer/src/features/customers/customer-form-values';
import { filterFrom, sanitizeFilter } from '../../src/renderer/src/features/customers/filter-sanitize';
import {
  columnChoiceToStore,
  DEFAULT_VISIBLE_COLUMNS,
  GRID_COLUMN_IDS,
  sanitizeColumns,
  sanitizeSort,
  storedColumnChoice,
} from '../../src/renderer/src/features/customers/grid-column-ids';
import {
  clearedFilter,
  EMPTY_FILTER,
  hasNarrowingFilter,
  moreFilterCount,
  sameFilter,
  toggleFilterValue,
} from '../../src/renderer/src/features/customers/grid-filter';
import { defaultLayout } from '../../src/renderer/src/features/customers/grid-column-layout';
import { sameViewState, savedStateOf, viewStateOf } from '../../src/renderer/src/features/customers/grid-view-state';
import { linkFilter } from '../../src/renderer/src/features/customers/link-filter';
import { currencyDigits, formatMoney } from '../../src/renderer/src/lib/money-format';
import { customersHash } from '../../src/renderer/src/app/route-filter';

describe('filters from links and saved views', () => {
  it('keeps the known fields and values and drops the rest', () => {
    const raw = {
      continents: ['150', '150', 'europe', 7, ''],
      regions: '154',
      countries: ['de', 'DEU', ' fr '],
      tiers: ['A', 'Z', 'none'],
      segments: ['champions', 'vip'],
      matrix: ['key', 'KEY'],
      churn: ['warning'],
      businessTypes: ['factory', ''],
      scales: ['huge'],
      lifecycleStages: ['repeat'],
      priorities: ['high', 'urgent'],
      industries: ['  Lighting ', 'x'.repeat(121)],
      search: '  lamp ',
      tag: 'VIP',
      archived: 'everything',
      bogus: { nested: true },
    };
    expect(sanitizeFilter(raw)).toEqual({
      continents: ['150', ''],
      regions: ['154'],
      countries: ['DE', 'FR'],
      tiers: ['A', 'none'],
      segments: ['champions'],
      matrix: ['key'],
      churn: ['warning'],
      businessTypes: ['factory', ''],
      scales: [],
      lifecycleStages: ['repeat'],
      priorities: ['high'],
      industries: ['Lighting'],
      search: 'lamp',
      tag: 'VIP',
    });
  });

  it('caps lists at what the engine accepts', () => {
    const regions = Array.from({ length: 60 }, (_, i) => String(100 + i));
    expect(sanitizeFilter({ regions }).regions).toHaveLength(40);
  });

  it('ignores what is not a filter at all', () => {
    for (const raw of [null, undefined, 1, 'x', [], [1, 2], true]) expect(sanitizeFilter(raw)).toEqual({});
  });

  it('always yields a filter the engine accepts', () => {
    const junk: unknown[] = [
      { continents: ['999', '1234', 'abc'], countries: ['zz', '1', ''], tag: 'y'.repeat(41), search: 'é'.repeat(300) },
      { segments: ['champions', 'none', 'none'], tiers: 'A', matrix: null, churn: [null], archived: 'archived' },
      { industries: Array.from({ length: 500 }, (_, i) => `industry ${i}`), owners: [' ', 'Wang Fang'] },
      { search: '😀'.repeat(150), tag: '标签'.repeat(30), owners: ['王'.repeat(121)] },
      JSON.parse('{"__proto__": {"continents": ["150"]}, "regions": ["155"]}'),
    ];
    for (const raw of junk) {
      const parsed = customerFilterSchema.safeParse(filterFrom(raw));
      expect(parsed.success, JSON.stringify(raw).slice(0, 80)).toBe(true);
    }
  });

  it('reads a customers link over the default filter', () => {
    expect(linkFilter(customersHash({ continents: ['150'] }))).toEqual({ ...EMPTY_FILTER, continents: ['150'] });
    expect(linkFilter('#/customers?filter=%7Bnot-json')).toBeNull();
    expect(linkFilter('#/customers')).toBeNull();
    expect(linkFilter(`#/boards?filter=${encodeURIComponent('{"tiers":["A"]}')}`)).toBeNull();
  });
});

describe('grid filter state', () => {
  it('toggles classes, counts "more" filters and clears all but the archived choice', () => {
    let f = toggleFilterValue(EMPTY_FILTER, 'tiers', 'A', true);
    f = toggleFilterValue(f, 'tiers', 'A', true);
    f = toggleFilterValue(f, 'segments', 'loyal', true);
    f = { ...f, countries: ['DE'], archived: 'all' };
    expect(f.tiers).toEqual(['A']);
    expect(moreFilterCount(f)).toBe(2);
    expect(hasNarrowingFilter(f)).toBe(true);
    expect(toggleFilterValue(f, 'tiers', 'A', false).tiers).toEqual([]);
    const cleared = clearedFilter(f);
    expect(hasNarrowingFilter(cleared)).toBe(false);
    expect(cleared.archived).toBe('all');
  });

  it('compares filters regardless of list order and search padding', () => {
    const a = { ...EMPTY_FILTER, tiers: ['A', 'B'] as ('A' | 'B')[], search: 'lamp ' };
    const b = { ...EMPTY_FILTER, tiers: ['B', 'A'] as ('A' | 'B')[], search: 'lamp' };
    expect(sameFilter(a, b)).toBe(true);
    expect(sameFilter(a, { ...b, tiers: ['A'] })).toBe(false);
  });
});

describe('columns, sort and saved views', () => {
  it('keeps known columns in grid order, always with the company', () => {
    expect(sanitizeColumns(['revenue', 'nope', 'country', 3])).toEqual(['company', 'country', 'revenue']);
    expect(sanitizeColumns('company')).toBeNull();
    expect(DEFAULT_VISIBLE_COLUMNS.every((c) => GRID_COLUMN_IDS.includes(c))).toBe(true);
  });

  it("shows a salesperson's columns by default, and adds them to a column choice stored before they existed", () => {
    expect(DEFAULT_VISIBLE_COLUMNS).toEqual(expect.arrayContaining(['mainContact', 'phone', 'nextFollowUp', 'lastInquiry']));
    expect(DEFAULT_VISIBLE_COLUMNS).not.toContain('createdAt');
    // A bare list: stored before the grid had these columns.
    expect(storedColumnChoice(['company', 'revenue'])).toEqual([
      'company',
      'mainContact',
      'phone',
      'nextFollowUp',
      'lastInquiry',
      'revenue',
    ]);
    // A choice stored since: a column hidden by the user stays hidden.
    const stored = JSON.parse(JSON.stringify(columnChoiceToStore(['company', 'phone', 'revenue']))) as unknown;
    expect(storedColumnChoice(stored)).toEqual(['company', 'phone', 'revenue']);
    // A column the stored choice did not know yet shows as it does by default.
    expect(storedColumnChoice({ columns: ['company'], known: ['company', 'phone'] })).toEqual(
      DEFAULT_VISIBLE_COLUMNS.filter((id) => id !== 'phone'),
    );
    expect(storedColumnChoice(null)).toBeNull();
    expect(storedColumnChoice({ columns: 'company' })).toBeNull();
  });

  it('accepts only the engine sort keys', () => {
    expect(sanitizeSort({ key: 'revenue', dir: 'desc' })).toEqual({ key: 'revenue', dir: 'desc' });
    expect(sanitizeSort({ key: 'tier', dir: 'desc' })).toBeNull();
    expect(sanitizeSort({ key: 'company', dir: 'up' })).toBeNull();
    expect(sanitizeSort(undefined)).toBeNull();
  });

  it('round-trips the grid state through a saved view, and falls back for stale parts', () => {
    const state = {
      filter: { ...EMPTY_FILTER, continents: ['150'] },
      ...defaultLayout(),
      columns: sanitizeColumns(['company', 'tier', 'revenue']) ?? [],
      sort: { key: 'revenue', dir: 'desc' } as const,
    };
    const stored = customerFilterSchema.parse(savedStateOf(state).filter);
    const view = { state: { ...savedStateOf(state), filter: stored } };
    expect(sameViewState(viewStateOf(view), state)).toBe(true);
    const stale = viewStateOf({ state: { filter: stored, columns: undefined, sort: { key: 'gone', dir: 'asc' } } });
    expect(stale.columns).toEqual(DEFAULT_VISIBLE_COLUMNS);
    expect(stale.sort).toEqual({ key: 'company', dir: 'asc' });
  });
});

describe('potential override as typed', () => {
  it('is a whole number 0–100, empty for computed', () => {
    expect(parsePotential('')).toBeNull();
    expect(parsePotential(' 0 ')).toBe(0);
    expect(parsePotential('100')).toBe(100);
    expect(parsePotential('101')).toBeUndefined();
    expect(parsePotential('4.5')).toBeUndefined();
    expect(parsePotential('-1')).toBeUndefined();
    expect(parsePotential('abc')).toBeUndefined();
  });
});

describe('money in the base currency', () => {
  it('writes every amount one way: symbol and grouping, whole units for totals, never shortened', () => {
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
    expect(formatMoney(4_735_000, 'EUR', 'en')).toBe('€47,350.00');
    expect(formatMoney(123456, 'USD', 'en', true)).toBe('$1,235');
    expect(formatMoney(12_345_678, 'USD', 'en', true)).toBe('$123,457');
    expect(formatMoney(14_235_000, 'USD', 'zh-CN', true)).toBe('US$142,350');
    expect(formatMoney(9_266_800, 'USD', 'zh-CN', true)).toBe('US$92,668');
    expect(formatMoney(5000, 'JPY', 'en')).toBe('¥5,000');
    expect(currencyDigits('KWD')).toBe(3);
  });
});
