import { useQueries, useQueryClient, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { CustomerFilterInput, CustomerRow, CustomerSort, Cursor } from '../../../../shared/domain/customer';
import { call } from '../../lib/ipc';
import { customerKeys } from '../../lib/customer-keys';

export const BLOCK_SIZE = 200;
/** Blocks leave the cache soon after they scroll out of view, so the renderer never holds the whole list. */
const BLOCK_GC_MS = 15_000;

/** One grid row: a customer and its position in the engine's sorted, filtered list. */
export interface GridRow {
  index: number;
  customer: CustomerRow;
}

interface Block {
  rows: GridRow[];
  nextCursor: Cursor | null;
}

/**
 * Loads block k. When block k-1 is loaded and current, continue from the cursor of its last row
 * (keyset paging: exact and cheap); otherwise (a scrollbar jump, or a reload in progress) use the offset.
 */
async function fetchBlock(client: QueryClient, filter: CustomerFilterInput, sort: CustomerSort, k: number): Promise<Block> {
  let position: { after: Cursor } | { offset: number } | Record<string, never> = {};
  if (k > 0) {
    const prevKey = customerKeys.block(filter, sort, k - 1);
    const prev = client.getQueryData<Block>(prevKey);
    const state = client.getQueryState(prevKey);
    const current = state !== undefined && !state.isInvalidated && state.fetchStatus === 'idle';
    position = prev?.nextCursor && current ? { after: prev.nextCursor } : { offset: k * BLOCK_SIZE };
  }
  const page = await call('customers.list', { filter, sort, limit: BLOCK_SIZE, ...position });
  const start = k * BLOCK_SIZE;
  return { rows: page.rows.map((customer, j) => ({ index: start + j, customer })), nextCursor: page.nextCursor };
}

/** The block indexes that cover rows first..last. */
export function blocksFor(first: number, last: number): number[] {
  if (last < first || last < 0) return [];
  const out: number[] = [];
  for (let k = Math.floor(Math.max(0, first) / BLOCK_SIZE); k <= Math.floor(last / BLOCK_SIZE); k++) out.push(k);
  return out;
}

/**
 * Loads the blocks that cover the visible rows and returns their rows in order. The returned array
 * keeps its identity until a block's data actually changes, so the table model is not rebuilt per scroll frame.
 */
export function useCustomerBlocks(
  filter: CustomerFilterInput,
  sort: CustomerSort,
  blocks: number[],
): { rows: GridRow[]; fetching: boolean } {
  const client = useQueryClient();
  const combine = useCallback(
    (results: UseQueryResult<Block>[]) => ({
      data: results.map((r) => r.data),
      fetching: results.some((r) => r.isFetching),
    }),
    [],
  );
  const result = useQueries({
    queries: blocks.map((k) => ({
      queryKey: customerKeys.block(filter, sort, k),
      queryFn: () => fetchBlock(client, filter, sort, k),
      gcTime: BLOCK_GC_MS,
    })),
    combine,
  });

  const previous = useRef<{ parts: (Block | undefined)[]; rows: GridRow[] }>({ parts: [], rows: [] });
  const parts = result.data;
  const same = parts.length === previous.current.parts.length && parts.every((p, i) => p === previous.current.parts[i]);
  if (!same) {
    previous.current = { parts, rows: parts.flatMap((p) => p?.rows ?? []) };
  }
  return { rows: previous.current.rows, fetching: result.fetching };
}
