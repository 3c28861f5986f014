import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, DealStage, LostReason } from '../../../../shared/domain/deals';
import { useConfirm } from '../../components/use-confirm';
import { errorText } from '../../i18n/error-text';
import { call } from '../../lib/ipc';
import { formatMoney } from '../../lib/money-format';
import { lostReasonLabel, stageLabel } from './deal-labels';
import { LostDialog } from './lost-dialog';
import { useDealWrites } from './use-deals';

/**
 * Moving a deal, as the board and the customer panel do it: won asks first (an order is created),
 * lost asks for the reason in a dialog, other stages move at once. A closed deal moved to an open
 * stage is reopened. Resolves true when the deal moved.
 */
export function useDealMove(): { move: (deal: Deal, stage: DealStage) => Promise<boolean>; dialogs: ReactNode } {
  const { t, i18n } = useTranslation();
  const { run } = useDealWrites();
  const { confirm, confirmDialog } = useConfirm();
  const [losing, setLosing] = useState<{ deal: Deal; resolve: (moved: boolean) => void } | null>(null);

  const move = async (deal: Deal, stage: DealStage): Promise<boolean> => {
    if (stage === deal.stage) return false;
    // Chosen by Enter in a menu: the key's keypress, still to come, would press the dialog's focused
    // button (Chromium activates a button on keypress); the dialog opens after the key's events.
    if (stage === 'won' || stage === 'lost') await new Promise((resolve) => setTimeout(resolve, 0));
    if (stage === 'lost') return new Promise<boolean>((resolve) => setLosing({ deal, resolve }));
    if (stage === 'won') {
      const yes = await confirm({
        title: t('deals.won.title', { title: deal.title }),
        body: t('deals.won.body', { amount: formatMoney(deal.amountMinor, deal.currency, i18n.language), company: deal.company }),
        confirmLabel: t('deals.won.confirm'),
        cancelLabel: t('common.cancel'),
      });
      if (!yes) return false;
    }
    const reopening = deal.stage === 'won' || deal.stage === 'lost';
    const r = await run(
      () =>
        reopening && stage !== 'won'
          ? call('deals.reopen', { id: deal.id, version: deal.version, stage })
          : call('deals.move', { id: deal.id, version: deal.version, stage }),
      {
        done: (res) =>
          stage === 'won'
            ? t('deals.won.done', { title: res.deal.title, company: res.deal.company })
            : t('deals.moved', { title: res.deal.title, stage: stageLabel(t, res.deal.stage) }),
        conflict: t('deals.conflict'),
      },
    );
    return r.ok;
  };

  const lose = async (deal: Deal, reason: LostReason, note: string) => {
    const r = await run(
      () => call('deals.move', { id: deal.id, version: deal.version, stage: 'lost', lostReason: reason, lostNote: note }),
      {
        done: (res) => t('deals.lost.done', { title: res.deal.title, reason: lostReasonLabel(t, reason) }),
        conflict: t('deals.conflict'),
        // Said in the dialog, which stays open.
        handles: (error) => ['DEAL_LOST_REASON_REQUIRED', 'DEAL_CLOSED', 'INVALID_INPUT'].includes(error.code),
      },
    );
    if (r.ok) return { ok: true };
    return { ok: false, message: errorText(t, r.error) };
  };

  const dialogs = (
    <>
      {confirmDialog}
      {losing ? (
        <LostDialog
          deal={losing.deal}
          onSubmit={async (reason, note) => {
            const r = await lose(losing.deal, reason, note);
            if (r.ok) losing.resolve(true);
            return r;
          }}
          onClose={() => {
            losing.resolve(false);
            setLosing(null);
          }}
        />
      ) : null}
    </>
  );
  return { move, dialogs };
}
