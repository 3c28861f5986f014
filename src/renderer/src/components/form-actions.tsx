import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  onCancel: () => void;
  saving: boolean;
  saveLabel?: string;
  cancelLabel?: string;
  /**
   * For a form that stays on the page (settings): whether it has unsaved changes. Shows "Unsaved
   * changes" when true, and the cancel (discard) button is only enabled then. Undefined in dialogs.
   */
  dirty?: boolean;
  /** Save is also disabled while this is true (another job of the form is running). */
  busy?: boolean;
  /** Buttons before the row's spacer (e.g. "Reset to defaults"). */
  before?: ReactNode;
  className?: string;
}

/** The Cancel / Save row at the foot of every form; Save is the form's submit button. */
export function FormActions({ onCancel, saving, saveLabel, cancelLabel, dirty, busy, before, className = 'form-actions' }: Props) {
  const { t } = useTranslation();
  const onPage = dirty !== undefined;
  return (
    <div className={className}>
      {before}
      {onPage ? <span className="settings-actions-spacer" /> : null}
      {dirty ? <span className="muted unsaved-mark">{t('settings.unsaved')}</span> : null}
      <Button onClick={onCancel} disabled={saving || dirty === false}>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      <Button type="primary" htmlType="submit" disabled={saving || busy} aria-busy={saving || undefined}>
        {saveLabel ?? t('common.save')}
      </Button>
    </div>
  );
}
