import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCard } from '../../../../shared/domain/classification';
import type { BoardDimension } from '../../../../shared/domain/classification-enums';
import type { CustomerFilterInput } from '../../../../shared/domain/customer';
import { useNotices } from '../../app/notice-context';
import { call, toIpcError } from '../../lib/ipc';
import { boardKeys } from './board-keys';

interface Target {
  key: string;
  label: string;
}

/**
 * Moves a card to another column with boards.move, then reloads the columns and the two columns'
 * cards. (The engine's data.changed event refreshes everything else that shows customers.)
 */
export function useCardMove(dimension: BoardDimension, filter: CustomerFilterInput) {
  const { t } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const [moving, setMoving] = useState<ReadonlySet<number>>(() => new Set());

  const move = useCallback(
    async (card: BoardCard, from: string, to: Target) => {
      if (from === to.key) return;
      setMoving((s) => new Set(s).add(card.id));
      notices.clearError();
      try {
        const result = await call('boards.move', { customerId: card.id, version: card.version, dimension, from, to: to.key });
        notices.announce(
          t(result.overrideCleared ? 'boards.move.overrideCleared' : 'boards.move.moved', { company: card.company, column: to.label }),
        );
      } catch (err) {
        notices.showError(toIpcError(err));
      } finally {
        // Also after a refusal (a stale version): show what the engine has now.
        await Promise.all([
          client.invalidateQueries({ queryKey: boardKeys.columnsAll }),
          client.invalidateQueries({ queryKey: boardKeys.cards(dimension, filter, from), exact: true }),
          client.invalidateQueries({ queryKey: boardKeys.cards(dimension, filter, to.key), exact: true }),
        ]);
        setMoving((s) => {
          const next = new Set(s);
          next.delete(card.id);
          return next;
        });
      }
    },
    [client, dimension, filter, notices, t],
  );

  return { move, moving };
}
