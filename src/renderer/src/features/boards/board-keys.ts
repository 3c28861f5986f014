import type { BoardDimension } from '../../../../shared/domain/classification-enums';
import type { CustomerFilterInput } from '../../../../shared/domain/customer';

/** Query-cache keys for board data; everything starts with 'boards' (saved views with 'views'). */
export const boardKeys = {
  all: ['boards'] as const,
  columnsAll: ['boards', 'columns'] as const,
  columns: (dimension: BoardDimension, filter: CustomerFilterInput) => ['boards', 'columns', dimension, filter] as const,
  cardsOf: (dimension: BoardDimension, filter: CustomerFilterInput) => ['boards', 'cards', dimension, filter] as const,
  cards: (dimension: BoardDimension, filter: CustomerFilterInput, key: string) => ['boards', 'cards', dimension, filter, key] as const,
  facets: ['boards', 'facets'] as const,
  views: ['views', 'board'] as const,
};
