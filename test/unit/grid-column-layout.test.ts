import { describe, expect, it } from 'vitest';
import { savedViewStateSchema } from '../../src/shared/domain/classification';
import { customerFilterSchema } from '../../src/shared/domain/customer';
import { DEFAULT_VISIBLE_COLUMNS, GRID_COLUMN_IDS, type GridColumnId } from '../../src/renderer/src/features/customers/grid-column-ids';
import {
  clampWidth,
  COLUMN_WIDTHS,
  DEFAULT_ORDER,
  defaultLayout,
  layoutToStore,
  MAX_COLUMN_WIDTH,
  moveColumn,
  sameLayout,
  sanitizeOrder,
  sanitizeWidths,
  shownColumns,
  stepColumn,
  storedLayout,
  withWidth,
} from '../../src/renderer/src/features/customers/grid-column-layout';
import { EMPTY_FILTER } from '../../src/renderer/src/features/customers/grid-filter';
import { sameViewState, savedStateOf, viewStateOf, type GridViewState } from '../../src/renderer/src/features/customers/grid-view-state';

/** The default order with `id` moved to just after `after`. */
function orderWith(id: GridColumnId, after: GridColumnId): GridColumnId[] {
  const order = DEFAULT_ORDER.filter((c) => c !== id);
  order.splice(order.indexOf(after) + 1, 0, id);
  return order;
}

describe('grid column order', () => {
  it('keeps each known column once, the company first, and puts the columns a list does not name after their neighbour', () => {
    expect(sanitizeOrder(undefined)).toEqual(DEFAULT_ORDER);
    expect(sanitizeOrder('company')).toEqual(DEFAULT_ORDER);
    const order = sanitizeOrder(['revenue', 'nope', 7, 'company', 'revenue', ...GRID_COLUMN_IDS.filter((c) => c !== 'city')]);
    expect(order[0]).toBe('company');
    expect(order[1]).toBe('revenue');
    expect(new Set(order).size).toBe(GRID_COLUMN_IDS.length);
    // A column the list did not know (added to the grid since) goes after the one before it in the grid's own order.
    expect(order.indexOf('city')).toBe(order.indexOf('country') + 1);
    expect(sanitizeOrder(['tags', 'country']).slice(0, 6)).toEqual(['company', 'tags', 'createdAt', 'updatedAt', 'country', 'city']);
    expect(sanitizeOrder(['tags'])).toEqual(DEFAULT_ORDER);
  });

  it('moves a column before or after another, never before the company, and never the company', () => {
    expect(moveColumn(DEFAULT_ORDER, 'owner', 'country', false).slice(0, 3)).toEqual(['company', 'owner', 'country']);
    expect(moveColumn(DEFAULT_ORDER, 'owner', 'country', true).slice(0, 3)).toEqual(['company', 'country', 'owner']);
    expect(moveColumn(DEFAULT_ORDER, 'owner', 'company', false).slice(0, 2)).toEqual(['company', 'owner']);
    expect(moveColumn(DEFAULT_ORDER, 'company', 'tags', true)).toEqual(DEFAULT_ORDER);
    expect(moveColumn(DEFAULT_ORDER, 'owner', 'owner', true)).toEqual(DEFAULT_ORDER);
  });

  it('steps a column past its shown neighbour, and not past the company or the end', () => {
    const shown: GridColumnId[] = ['company', 'country', 'owner', 'revenue'];
    // industry, segment… (hidden) lie between country and owner: one step passes the shown neighbour.
    expect(shownColumns({ columns: shown, order: stepColumn(DEFAULT_ORDER, shown, 'owner', -1) })).toEqual([
      'company',
      'owner',
      'country',
      'revenue',
    ]);
    expect(stepColumn(DEFAULT_ORDER, shown, 'country', -1)).toEqual(DEFAULT_ORDER);
    expect(stepColumn(DEFAULT_ORDER, shown, 'revenue', 1)).toEqual(DEFAULT_ORDER);
    expect(stepColumn(DEFAULT_ORDER, shown, 'company', 1)).toEqual(DEFAULT_ORDER);
    // Among all the columns (the column chooser): one place.
    expect(stepColumn(DEFAULT_ORDER, DEFAULT_ORDER, 'city', 1).slice(0, 4)).toEqual(['company', 'country', 'localTime', 'city']);
  });

  it('shows the visible columns in the order, for the grid and the export', () => {
    expect(shownColumns(defaultLayout())).toEqual(DEFAULT_VISIBLE_COLUMNS);
    expect(shownColumns({ columns: ['company', 'country', 'revenue'], order: orderWith('revenue', 'company') })).toEqual([
      'company',
      'revenue',
      'country',
    ]);
  });
});

describe('grid column widths', () => {
  it('keeps widths within each column’s least and the greatest, whole pixels, and leaves defaults out', () => {
    expect(clampWidth('owner', 10)).toBe(COLUMN_WIDTHS.owner.min);
    expect(clampWidth('owner', 1e6)).toBe(MAX_COLUMN_WIDTH);
    expect(clampWidth('owner', 150.6)).toBe(151);
    expect(sanitizeWidths({ owner: 200, company: 260, nope: 300, tags: 'wide', revenue: Number.NaN, tier: 3 })).toEqual({
      owner: 200,
      tier: COLUMN_WIDTHS.tier.min,
    });
    for (const raw of [null, undefined, 5, 'x', [1, 2]]) expect(sanitizeWidths(raw)).toEqual({});
    expect(withWidth({ owner: 200 }, 'owner', null)).toEqual({});
    expect(withWidth({}, 'owner', COLUMN_WIDTHS.owner.size)).toEqual({});
    expect(withWidth({}, 'owner', 216)).toEqual({ owner: 216 });
  });

  it('has a least width no greater than the default for every column', () => {
    for (const id of GRID_COLUMN_IDS) expect(COLUMN_WIDTHS[id].min, id).toBeLessThanOrEqual(COLUMN_WIDTHS[id].size);
  });
});

describe('the column layout remembered on this computer', () => {
  it('round-trips, and a choice stored before order and widths were kept has the default ones', () => {
    const layout = {
      columns: ['company', 'owner', 'revenue'] as GridColumnId[],
      order: orderWith('revenue', 'company'),
      widths: { owner: 232 },
    };
    const back = storedLayout(JSON.parse(JSON.stringify(layoutToStore(layout))));
    expect(back && sameLayout(back, layout)).toBe(true);
    expect(storedLayout({ columns: ['company', 'owner'], known: [...GRID_COLUMN_IDS] })).toEqual({
      columns: ['company', 'owner'],
      order: DEFAULT_ORDER,
      widths: {},
    });
    expect(storedLayout(['company', 'revenue'])?.order).toEqual(DEFAULT_ORDER);
    expect(storedLayout(null)).toBeNull();
  });
});

describe('saved views with column order and widths', () => {
  const state: GridViewState = {
    filter: { ...EMPTY_FILTER, continents: ['150'] },
    columns: ['company', 'country', 'owner', 'revenue'],
    order: orderWith('revenue', 'company'),
    widths: { company: 320, owner: 180 },
    sort: { key: 'revenue', dir: 'desc' },
  };

  it('stores them in the view and reads them back', () => {
    // As the engine stores and answers it: parsed by the contract's schema.
    const saved = savedViewStateSchema.parse(JSON.parse(JSON.stringify(savedStateOf(state))));
    expect(saved.order?.slice(0, 2)).toEqual(['company', 'revenue']);
    expect(saved.widths).toEqual({ company: 320, owner: 180 });
    const back = viewStateOf({ state: saved });
    expect(sameViewState(back, state)).toBe(true);
    expect(shownColumns(back)).toEqual(['company', 'revenue', 'country', 'owner']);
    // A width or order changed is a change of the view ("Modified").
    expect(sameViewState({ ...back, widths: { ...back.widths, owner: 196 } }, state)).toBe(false);
    expect(sameViewState({ ...back, order: [...DEFAULT_ORDER] }, state)).toBe(false);
  });

  it('reads a view saved before they were kept with the default order and widths', () => {
    // The JSON an older version stored: filter, columns and sort only.
    const old = {
      filter: customerFilterSchema.parse({ continents: ['150'] }),
      columns: ['company', 'owner', 'revenue'],
      sort: { key: 'revenue', dir: 'desc' },
    };
    const parsed = savedViewStateSchema.safeParse(JSON.parse(JSON.stringify(old)));
    expect(parsed.success).toBe(true);
    const view = viewStateOf({ state: parsed.data ?? ({} as never) });
    expect(view.columns).toEqual(['company', 'owner', 'revenue']);
    expect(view.order).toEqual(DEFAULT_ORDER);
    expect(view.widths).toEqual({});
    expect(view.sort).toEqual({ key: 'revenue', dir: 'desc' });
    expect(shownColumns(view)).toEqual(['company', 'owner', 'revenue']);
  });

  it('falls back for stale order and widths, and the schema refuses widths that are not pixels', () => {
    const stale = viewStateOf({
      state: savedViewStateSchema.parse({ order: ['gone', 'tags', 'tags'], widths: { gone: 100, tags: 2000, owner: 12 } }),
    });
    expect(stale.order).toEqual(DEFAULT_ORDER);
    expect(stale.widths).toEqual({ tags: MAX_COLUMN_WIDTH, owner: COLUMN_WIDTHS.owner.min });
    expect(savedViewStateSchema.safeParse({ widths: { owner: 1.5 } }).success).toBe(false);
    expect(savedViewStateSchema.safeParse({ widths: { owner: -4 } }).success).toBe(false);
    expect(savedViewStateSchema.safeParse({ widths: [200] }).success).toBe(false);
  });
});
