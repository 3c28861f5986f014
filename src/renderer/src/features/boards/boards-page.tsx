import { UncountedOrdersNote } from '../../components/uncounted-orders-note';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDimension } from '../../../../shared/domain/classification-enums';
import type { CustomerFilterInput } from '../../../../shared/domain/customer';
import { formatDateTime } from '../../i18n/format-date';
import { EMPTY_BOARD_FILTER, toCustomerFilter, type BoardFilter } from './board-filter';
import { Board } from './board';
import { BoardToolbar } from './board-toolbar';
import { useBoardColumns } from './use-board-data';

const CHOICES_DELAY_MS = 300;

function hintKey(manual: boolean, dimension: BoardDimension) {
  if (!manual) return 'boards.hint.derived' as const;
  return dimension === 'lifecycle'
    ? ('boards.hint.lifecycle' as const)
    : dimension === 'tag'
      ? ('boards.hint.tag' as const)
      : ('boards.hint.manual' as const);
}

/** Classification boards: customers as cards in one column per class of the chosen dimension. */
export function BoardsPage() {
  const { t, i18n } = useTranslation();
  const [dimension, setDimension] = useState<BoardDimension>('lifecycle');
  const [boardFilter, setBoardFilter] = useState<BoardFilter>(EMPTY_BOARD_FILTER);
  const filterJson = JSON.stringify(toCustomerFilter(boardFilter));
  // One filter object per distinct filter, so queries and memoized columns see a change only when there is one.
  const filter = useMemo(() => JSON.parse(filterJson) as CustomerFilterInput, [filterJson]);
  const columns = useBoardColumns(dimension, filter);
  const data = columns.data?.dimension === dimension ? columns.data : undefined;
  const dimensionName = t(`enums.dimension.${dimension}`);
  // The filter choices load just after the first board and its cards (the engine answers one
  // request at a time), so they never hold the board up.
  const [loadChoices, setLoadChoices] = useState(false);
  const boardShown = columns.isFetched;
  useEffect(() => {
    if (!boardShown) return undefined;
    const timer = window.setTimeout(() => setLoadChoices(true), CHOICES_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [boardShown]);

  return (
    <div className="boards-page">
      <div className="page-header">
        <h1 className="page-title">{t('boards.title')}</h1>
        <BoardToolbar
          dimension={dimension}
          onDimensionChange={setDimension}
          filter={boardFilter}
          onFilterChange={setBoardFilter}
          loadChoices={loadChoices}
        />
      </div>
      <UncountedOrdersNote />
      <div className="board-subbar">
        <p className={data?.manual ? 'board-hint' : 'board-hint is-derived'} data-testid="board-hint">
          {data ? t(hintKey(data.manual, dimension), { dimension: dimensionName }) : ''}
        </p>
        <p className="board-classified muted" data-testid="board-classified-at">
          {data
            ? data.classifiedAt
              ? t('boards.classifiedAt', { when: formatDateTime(data.classifiedAt, i18n.language) })
              : t('boards.neverClassified')
            : ''}
        </p>
      </div>
      <Board
        dimension={dimension}
        boardFilter={boardFilter}
        filter={filter}
        data={data}
        error={columns.isError && !data ? columns.error : null}
        onRetry={() => void columns.refetch()}
        onClearFilters={() => setBoardFilter(EMPTY_BOARD_FILTER)}
      />
    </div>
  );
}
