import { Button } from 'antd';
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCard, BoardColumn as Column } from '../../../../shared/domain/classification';
import type { BoardDimension } from '../../../../shared/domain/classification-enums';
import type { CustomerFilterInput } from '../../../../shared/domain/customer';
import { customersHash } from '../../app/route-filter';
import { errorText } from '../../i18n/error-text';
import { formatRevenue } from '../../lib/class-labels';
import { toIpcError } from '../../lib/ipc';
import { newCampaignHash } from '../surveys';
import { BoardCardItem } from './board-card';
import { useBoardDragActions, useBoardDragState } from './board-drag';
import { columnFilter, type BoardFilter } from './board-filter';
import type { MoveTarget } from './move-target';
import { useBoardCards } from './use-board-data';

interface Props {
  dimension: BoardDimension;
  boardFilter: BoardFilter;
  filter: CustomerFilterInput;
  column: Column;
  label: string;
  currency: string;
  /** Every column of the board (the "Move to…" choices); empty when the board is derived. */
  targets: readonly MoveTarget[];
  /** The horizontally scrolling board: a column loads its cards once it comes near it. */
  scroller: HTMLElement | null;
  moving: ReadonlySet<number>;
  onMove: (card: BoardCard, from: string, target: MoveTarget) => void;
}

/** One class: its header (name, count linking to the customer list, revenue) and its cards, paged on scroll. */
export const BoardColumn = memo(function BoardColumn({
  dimension,
  boardFilter,
  filter,
  column,
  label,
  currency,
  targets,
  scroller,
  moving,
  onMove,
}: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const section = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const drag = useBoardDragActions();
  const { dragging, overKey } = useBoardDragState();
  const cards = useBoardCards(dimension, filter, column.key, near && column.count > 0);
  const pages = cards.data?.pages;
  const list = pages?.flatMap((p) => p.cards) ?? [];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = cards;

  // Load the first page only when the column is on screen or close to it (a country board has 200 columns).
  useEffect(() => {
    const el = section.current;
    if (near || !el || !scroller) return undefined;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { root: scroller, rootMargin: '0px 1200px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [near, scroller]);

  // Next page when the end of the list scrolls into view; observed afresh after each page, so a
  // short page that leaves the end visible loads the next one too.
  useEffect(() => {
    const el = sentinel.current;
    const root = body.current;
    if (!el || !root || !hasNextPage) return undefined;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { root, rootMargin: '0px 0px 240px 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, pages?.length]);

  const isSource = dragging?.from === column.key;
  const accepting = dragging !== null && drag.manual && !isSource;
  const refused = dragging !== null && !drag.manual && !isSource;
  const over = dragging !== null && overKey === column.key;
  const className = [
    'board-column',
    accepting ? 'is-drop-target' : '',
    refused ? 'is-drop-refused' : '',
    over && !isSource ? 'is-drag-over' : '',
  ]
    .filter(Boolean)
    .join(' ');

  const link = column.count > 0 ? columnFilter(dimension, column.key, boardFilter) : null;
  const countText = t('boards.column.count', { count: column.count });
  const moveTargets = useMemo(() => targets.filter((target) => target.key !== column.key), [targets, column.key]);

  return (
    <section
      ref={section}
      className={className}
      aria-labelledby={headingId}
      data-testid={`board-column-${column.key}`}
      data-column-key={column.key}
      data-count={column.count}
      onDragEnter={(e) => drag.dragOverColumn(column.key, e)}
      onDragOver={(e) => drag.dragOverColumn(column.key, e)}
      onDrop={(e) => drag.dropOnColumn(column.key, e)}
    >
      <header className="board-column-header">
        <h2 id={headingId} className="board-column-title" title={label}>
          {label}
        </h2>
        <div className="board-column-stats">
          {link ? (
            <a
              className="board-column-count"
              href={customersHash(link)}
              data-testid="board-column-count"
              title={t('boards.column.openList', { count: column.count, label })}
            >
              {countText}
            </a>
          ) : (
            <span className="board-column-count" data-testid="board-column-count">
              {countText}
            </span>
          )}
          <span className="board-column-revenue" title={t('boards.column.revenueTitle')}>
            {formatRevenue(column.revenueMinor, currency, i18n.language)}
          </span>
        </div>
        {link ? (
          <a
            className="board-column-survey"
            href={newCampaignHash(link, t('surveys.boardAction.source', { dimension: t(`enums.dimension.${dimension}`), label }))}
            aria-label={t('surveys.boardAction.title', { count: column.count, label })}
            data-testid="board-column-survey"
          >
            {t('surveys.boardAction.link')}
          </a>
        ) : null}
      </header>
      {refused && over ? (
        <p className="board-drop-note" data-testid="board-drop-refused">
          {t('boards.drag.refused')}
        </p>
      ) : accepting && over ? (
        <p className="board-drop-note is-accepting">{t('boards.drag.dropHere', { column: label })}</p>
      ) : null}
      <div ref={body} className="board-column-body">
        <ul className="board-cards" aria-label={t('boards.column.list', { label, count: column.count })}>
          {list.map((card) => (
            <BoardCardItem
              key={card.id}
              card={card}
              columnKey={column.key}
              currency={currency}
              targets={moveTargets}
              moving={moving.has(card.id)}
              onMove={onMove}
            />
          ))}
        </ul>
        <div ref={sentinel} className="board-column-status">
          {column.count === 0 ? (
            <p className="muted">{t('boards.column.empty')}</p>
          ) : cards.isError ? (
            <div className="board-column-error">
              <p>{errorText(t, toIpcError(cards.error))}</p>
              <Button size="small" onClick={() => void cards.refetch()}>
                {t('boards.retry')}
              </Button>
            </div>
          ) : !pages || isFetchingNextPage ? (
            <p className="muted">{t('common.loading')}</p>
          ) : hasNextPage ? (
            <Button size="small" onClick={() => void fetchNextPage()}>
              {t('boards.column.loadMore')}
            </Button>
          ) : list.length === 0 ? (
            <p className="muted">{t('boards.column.empty')}</p>
          ) : null}
        </div>
      </div>
    </section>
  );
});
