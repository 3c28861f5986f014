import { useCallback, useState } from 'react';
import { sanitizeColumns } from './grid-column-ids';
import { defaultLayout, layoutToStore, sanitizeOrder, sanitizeWidths, storedLayout, type GridColumnLayout } from './grid-column-layout';

const STORAGE_KEY = 'exportdesk.customers.columns';

function stored(): GridColumnLayout | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw ? storedLayout(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

function store(layout: GridColumnLayout): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(layoutToStore(layout)));
  } catch {
    // storage unavailable (private mode): the choice lasts for this session only
  }
}

/**
 * The grid's columns (which are shown, their order and widths), remembered on this computer between
 * sessions (columns added to the grid since show as by default).
 */
export function useGridColumns(): [GridColumnLayout, (next: GridColumnLayout) => void] {
  const [layout, setLayout] = useState<GridColumnLayout>(() => stored() ?? defaultLayout());
  const update = useCallback((next: GridColumnLayout) => {
    const clean: GridColumnLayout = {
      columns: sanitizeColumns(next.columns) ?? defaultLayout().columns,
      order: sanitizeOrder(next.order),
      widths: sanitizeWidths(next.widths),
    };
    store(clean);
    setLayout(clean);
  }, []);
  return [layout, update];
}
