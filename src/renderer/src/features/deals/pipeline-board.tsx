import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEAL_STAGES, type Deal, type DealStage, type PipelineBoard as Board } from '../../../../shared/domain/deals';
import { formatMoney } from '../../lib/money-format';
import { DealCard, DEAL_DRAG_TYPE } from './deal-card';
import { stageLabel } from './deal-labels';

interface Props {
  board: Board;
  /** Resolves (moved or not) once the move is done and the board reloads. */
  onMove: (deal: Deal, stage: DealStage) => Promise<boolean>;
}

/**
 * A column per stage with its count, unweighted and weighted totals (base currency; deals in a
 * currency without a rate are counted and said to be left out), and its cards. A card moves by
 * dragging it onto another column or with its "Move to…" menu; focus follows the card.
 */
export function PipelineBoard({ board, onMove }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const number = new Intl.NumberFormat(lang);
  const [busy, setBusy] = useState<number | null>(null);
  const [dropKey, setDropKey] = useState<DealStage | null>(null);
  const [focusTarget, setFocusTarget] = useState<{ id: number; stage: DealStage } | null>(null);

  useEffect(() => {
    if (focusTarget === null) return;
    const cards = [...document.querySelectorAll<HTMLElement>(`[data-deal-id="${focusTarget.id}"]`)];
    const card = cards.find((c) => c.closest('[data-stage]')?.getAttribute('data-stage') === focusTarget.stage);
    if (card || cards.length === 0) setFocusTarget(null);
    card?.querySelector<HTMLButtonElement>('button.menu-button')?.focus();
  }, [focusTarget, board]);

  const move = async (deal: Deal, stage: DealStage) => {
    if (stage === deal.stage || busy !== null) return;
    setBusy(deal.id);
    let moved = false;
    try {
      moved = await onMove(deal, stage);
    } finally {
      setBusy(null);
      setFocusTarget({ id: deal.id, stage: moved ? stage : deal.stage });
    }
  };

  const dragging = (e: DragEvent<HTMLElement>) => e.dataTransfer.types.includes(DEAL_DRAG_TYPE);
  const onDrop = (e: DragEvent<HTMLElement>, stage: DealStage) => {
    setDropKey(null);
    if (!dragging(e)) return;
    e.preventDefault();
    const id = Number(e.dataTransfer.getData(DEAL_DRAG_TYPE));
    const deal = Object.values(board.cards)
      .flat()
      .find((d) => d.id === id);
    if (deal) void move(deal, stage);
  };

  const money = (minor: number) => formatMoney(minor, board.base, lang, true);
  return (
    <div className="deals-board" role="group" aria-label={t('deals.boardLabel')}>
      {DEAL_STAGES.map((stage) => {
        const column = board.columns.find((c) => c.stage === stage)!;
        const cards = board.cards[stage] ?? [];
        const uncounted = column.uncounted.reduce((a, u) => a + u.deals, 0);
        const closed = stage === 'won' || stage === 'lost';
        return (
          <section
            key={stage}
            className={dropKey === stage ? 'deals-column is-drop-target' : 'deals-column'}
            aria-label={stageLabel(t, stage)}
            data-stage={stage}
            data-testid={`deals-column-${stage}`}
            onDragOver={(e) => {
              if (!dragging(e)) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (dropKey !== stage) setDropKey(stage);
            }}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropKey(null);
            }}
            onDrop={(e) => onDrop(e, stage)}
          >
            <header className="deals-column-header">
              <h2 className="deals-column-title">
                <span>{stageLabel(t, stage)}</span>
                <span className="deals-column-count" data-testid={`deals-count-${stage}`}>
                  {number.format(column.count)}
                </span>
              </h2>
              {closed ? <p className="deals-column-figure muted">{t('deals.column.closedSince', { days: board.closedDays })}</p> : null}
              <p className="deals-column-figure" data-testid={`deals-total-${stage}`}>
                {t('deals.column.total', { amount: money(column.totalMinor) })}
              </p>
              <p className="deals-column-figure muted" data-testid={`deals-weighted-${stage}`}>
                {t('deals.column.weighted', { amount: money(column.weightedMinor), probability: column.probability })}
              </p>
              {uncounted > 0 ? (
                <p className="deals-column-figure deals-uncounted">
                  {t('deals.column.uncounted', { count: uncounted, currencies: column.uncounted.map((u) => u.currency).join(', ') })}
                </p>
              ) : null}
            </header>
            {cards.length === 0 ? (
              <p className="deals-column-empty muted">{t('deals.column.empty')}</p>
            ) : (
              <ul className="deals-cards">
                {cards.map((deal) => (
                  <li key={deal.id}>
                    <DealCard deal={deal} staleDays={board.staleDays} busy={busy === deal.id} onMove={(d, s) => void move(d, s)} />
                  </li>
                ))}
              </ul>
            )}
            {cards.length < column.count ? (
              <p className="deals-column-more muted">{t('deals.column.more', { shown: cards.length, count: column.count })}</p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
