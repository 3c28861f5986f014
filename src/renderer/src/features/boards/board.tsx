import { Button } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import type { BoardCard } from '../../../../shared/domain/classification';
import type { BoardDimension } from '../../../../shared/domain/classification-enums';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import type { CustomerFilterInput } from '../../../../shared/domain/customer';
import { useNotices } from '../../app/notice-context';
import { errorText } from '../../i18n/error-text';
import { classLabel } from '../../lib/class-labels';
import { IpcError, toIpcError } from '../../lib/ipc';
import { BoardColumn } from './board-column';
import { BoardDragProvider, type DragSource } from './board-drag';
import { hasBoardFilter, type BoardFilter } from './board-filter';
import type { MoveTarget } from './move-target';
import { useCardMove } from './use-card-move';

interface Props {
  dimension: BoardDimension;
  boardFilter: BoardFilter;
  filter: CustomerFilterInput;
  /** The columns of `dimension` (undefined while they load). */
  data: ChannelOutput<'boards.columns'> | undefined;
  error: unknown;
  onRetry: () => void;
  onClearFilters: () => void;
}

const NO_TARGETS: readonly MoveTarget[] = [];

/** The columns side by side (scrolling sideways), with drag and drop between them. */
export function Board({ dimension, boardFilter, filter, data, error, onRetry, onClearFilters }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notices = useNotices();
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const { move, moving } = useCardMove(dimension, filter);
  const manual = data?.manual ?? false;

  const labelled = useMemo(
    () => (data?.columns ?? []).map((column) => ({ column, label: classLabel(t, lang, dimension, column.key, column.name) })),
    [data, t, lang, dimension],
  );
  const targets = useMemo<readonly MoveTarget[]>(
    () => (manual ? labelled.map(({ column, label }) => ({ key: column.key, label })) : NO_TARGETS),
    [manual, labelled],
  );

  const onMenuMove = useCallback((card: BoardCard, from: string, target: MoveTarget) => void move(card, from, target), [move]);
  const onDropMove = useCallback(
    (source: DragSource, to: string) => {
      const target = targets.find((c) => c.key === to);
      if (target) void move(source.card, source.from, target);
    },
    [move, targets],
  );
  const onRefused = useCallback(() => {
    notices.showError(
      new IpcError({ code: 'CLASS_NOT_MANUAL', message: `${dimension} is computed by classification`, details: { dimension } }),
    );
  }, [notices, dimension]);

  if (error) {
    return (
      // Not an alert region: the app's notices already announce a failed read.
      <div className="board-message">
        <p>{errorText(t, toIpcError(error))}</p>
        <Button onClick={onRetry}>{t('boards.retry')}</Button>
      </div>
    );
  }
  if (!data) {
    return <p className="board-message muted">{t('common.loading')}</p>;
  }
  const total = data.columns.reduce((n, c) => n + c.count, 0);
  if (total === 0) {
    return hasBoardFilter(boardFilter) ? (
      <EmptyState text={t('boards.empty.noMatch')}>
        <Button onClick={onClearFilters}>{t('boards.filters.clear')}</Button>
      </EmptyState>
    ) : (
      <EmptyState title={t('boards.empty.title')} text={t('boards.empty.body')}>
        <Button type="primary" href="#/import">
          {t('boards.empty.import')}
        </Button>
      </EmptyState>
    );
  }

  return (
    <BoardDragProvider manual={manual} onMove={onDropMove} onRefused={onRefused}>
      <div
        ref={setScroller}
        className="board"
        data-testid="board"
        data-dimension={dimension}
        data-manual={manual}
        aria-label={t('boards.boardLabel', { dimension: t(`enums.dimension.${dimension}`) })}
        role="region"
      >
        {labelled.map(({ column, label }) => (
          <BoardColumn
            key={`${dimension}:${column.key}`}
            dimension={dimension}
            boardFilter={boardFilter}
            filter={filter}
            column={column}
            label={label}
            currency={data.currency}
            targets={targets}
            scroller={scroller}
            moving={moving}
            onMove={onMenuMove}
          />
        ))}
      </div>
    </BoardDragProvider>
  );
}
