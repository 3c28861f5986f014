import { useCallback, useState } from 'react';
import { columnChoiceToStore, DEFAULT_VISIBLE_COLUMNS, sanitizeColumns, storedColumnChoice, type GridColumnId } from './grid-column-ids';

const STORAGE_KEY = 'exportdesk.customers.columns';

function storedColumns(): GridColumnId[] | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw ? storedColumnChoice(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

function store(columns: readonly GridColumnId[]): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(columnChoiceToStore(columns)));
  } catch {
    // storage unavailable (private mode): the choice lasts for this session only
  }
}

/** The grid's visible columns, remembered on this computer between sessions (columns added to the grid since show as by default). */
export function useGridColumns(): [GridColumnId[], (next: readonly string[]) => void] {
  const [columns, setColumns] = useState<GridColumnId[]>(() => storedColumns() ?? [...DEFAULT_VISIBLE_COLUMNS]);
  const update = useCallback((next: readonly string[]) => {
    const clean = sanitizeColumns(next) ?? [...DEFAULT_VISIBLE_COLUMNS];
    store(clean);
    setColumns(clean);
  }, []);
  return [columns, update];
}
