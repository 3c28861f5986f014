import { Button } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { toIpcError } from '../../lib/ipc';
import { formatMoney } from '../../lib/money-format';
import { DealDialog } from './deal-dialog';
import { PipelineBoard } from './pipeline-board';
import { useBoard } from './use-deals';
import { useDealMove } from './use-deal-move';

/** Deals (商机): the pipeline board with its totals and "New deal". */
export function DealsPage() {
  const { t, i18n } = useTranslation();
  const board = useBoard();
  const { move, dialogs } = useDealMove();
  const [creating, setCreating] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const data = board.data;
  const money = (minor: number) => (data ? formatMoney(minor, data.base, i18n.language, true) : '');
  return (
    <div className="deals-page">
      <div className="page-header">
        <h1 className="page-title">{t('deals.title')}</h1>
        <Button ref={newButton} type="primary" onClick={() => setCreating(true)}>
          {t('deals.newDeal')}
        </Button>
      </div>
      <p className="muted deals-intro">{t('deals.intro')}</p>
      {data ? (
        <>
          <p className="deals-summary" data-testid="deals-summary">
            {t('deals.summary', { total: money(data.openTotalMinor), weighted: money(data.openWeightedMinor) })}
          </p>
          {data.uncountedDeals > 0 ? (
            <p className="deals-uncounted">{t('deals.summaryUncounted', { count: data.uncountedDeals })}</p>
          ) : null}
          <PipelineBoard board={data} onMove={move} />
        </>
      ) : (
        <p className="muted">{board.isError ? errorText(t, toIpcError(board.error)) : t('deals.loading')}</p>
      )}
      {creating ? (
        <DealDialog
          currency={data?.base ?? 'USD'}
          onClose={() => {
            setCreating(false);
            newButton.current?.focus();
          }}
        />
      ) : null}
      {dialogs}
    </div>
  );
}
