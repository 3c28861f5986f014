import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFilterInput, CustomerSort } from '../../../../shared/domain/customer';
import { MAX_BULK_IDS } from '../../../../shared/domain/customer-bulk';
import { useNotices } from '../../app/notice-context';
import { call } from '../../lib/ipc';

/** The customers selected in the grid for a bulk action. */
export interface GridSelection {
  /** The selected customers' ids: rows of the current filter, loaded or not. */
  ids: ReadonlySet<number>;
  /** Every customer of the filter is selected. */
  all: boolean;
  /** Selects or unselects one row; it becomes the anchor of a following range. */
  toggle: (id: number, index: number) => void;
  /**
   * Selects the rows from the anchor (the row last toggled) to `index`: Shift+Space, Shift+click.
   * `loadedId` gives a loaded row's customer; rows not loaded are asked of the engine.
   */
  selectRange: (index: number, loadedId: (index: number) => number | undefined) => Promise<void>;
  /** Every customer of the filter (Ctrl/Cmd+A, the header's box), not only the rows loaded. */
  selectAll: () => Promise<void>;
  clear: () => void;
  /** Keeps exactly these selected (after an archive took some out of the list). */
  replace: (ids: readonly number[]) => void;
}

/**
 * The grid's selection, kept by the page (the grid shows it, the selection bar acts on it). It holds
 * ids, not row positions, so it survives scrolling and a new sort; a new filter starts it afresh
 * (what is selected is always in the list).
 */
export function useGridSelection(filter: CustomerFilterInput, sort: CustomerSort, total: number | undefined): GridSelection {
  const { t } = useTranslation();
  const notices = useNotices();
  const [ids, setIds] = useState<ReadonlySet<number>>(() => new Set());
  const anchor = useRef<number | null>(null);

  useEffect(() => {
    setIds(new Set());
    anchor.current = null;
  }, [filter]);
  useEffect(() => {
    anchor.current = null;
  }, [sort]);

  const toggle = useCallback((id: number, index: number) => {
    anchor.current = index;
    setIds((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const selectRange = useCallback(
    async (index: number, loadedId: (index: number) => number | undefined) => {
      const from = anchor.current ?? index;
      const lo = Math.min(from, index);
      const hi = Math.max(from, index);
      if (hi - lo + 1 > MAX_BULK_IDS) {
        notices.announce(t('bulk.tooMany', { max: MAX_BULK_IDS }));
        return;
      }
      let range: number[] = [];
      for (let i = lo; i <= hi; i++) {
        const id = loadedId(i);
        if (id === undefined) {
          range = [];
          break;
        }
        range.push(id);
      }
      try {
        // Some rows of the range are not loaded (a long jump): the engine lists them in grid order.
        if (range.length !== hi - lo + 1) range = (await call('customers.ids', { filter, sort, offset: lo, limit: hi - lo + 1 })).ids;
      } catch (err) {
        notices.showError(err);
        return;
      }
      anchor.current = index;
      setIds((prev) => new Set([...prev, ...range]));
    },
    [filter, sort, notices, t],
  );

  const selectAll = useCallback(async () => {
    if (total !== undefined && total > MAX_BULK_IDS) {
      notices.announce(t('bulk.tooMany', { max: MAX_BULK_IDS }));
      return;
    }
    try {
      const all = await call('customers.ids', { filter, sort });
      setIds(new Set(all.ids));
    } catch (err) {
      notices.showError(err);
    }
  }, [filter, sort, total, notices, t]);

  const clear = useCallback(() => {
    anchor.current = null;
    setIds(new Set());
  }, []);

  const replace = useCallback((next: readonly number[]) => setIds(new Set(next)), []);

  const all = total !== undefined && total > 0 && ids.size >= total;
  return useMemo(
    () => ({ ids, all, toggle, selectRange, selectAll, clear, replace }),
    [ids, all, toggle, selectRange, selectAll, clear, replace],
  );
}
