import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from './use-confirm';

/** Asks "Discard unsaved changes?"; resolves true to discard. */
export function useDiscardConfirm(): { confirmDiscard: () => Promise<boolean>; discardDialog: ReactNode } {
  const { t } = useTranslation();
  const { confirm, confirmDialog } = useConfirm();
  const confirmDiscard = useCallback(
    () =>
      confirm({
        title: t('detail.unsavedTitle'),
        body: t('detail.unsavedBody'),
        confirmLabel: t('detail.discard'),
        cancelLabel: t('detail.keepEditing'),
        destructive: true,
      }),
    [confirm, t],
  );
  return { confirmDiscard, discardDialog: confirmDialog };
}
