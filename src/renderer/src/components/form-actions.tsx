import { useTranslation } from 'react-i18next';

/** The Cancel / Save row at the foot of every form; Save is the form's submit button. */
export function FormActions({ onCancel, saving, saveLabel }: { onCancel: () => void; saving: boolean; saveLabel?: string }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="button" className="button" onClick={onCancel} disabled={saving}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button button-primary" disabled={saving} aria-busy={saving || undefined}>
        {saveLabel ?? t('common.save')}
      </button>
    </div>
  );
}
