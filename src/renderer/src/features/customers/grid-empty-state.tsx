import { useTranslation } from 'react-i18next';

interface Props {
  filtered: boolean;
  onClearFilters: () => void;
}

/**
 * Shown instead of the grid when nothing matches: a way forward either way. (A database that was
 * never used gets the welcome screen instead.)
 */
export function GridEmptyState({ filtered, onClearFilters }: Props) {
  const { t } = useTranslation();
  if (filtered) {
    return (
      <div className="empty-state">
        <p>{t('customers.noMatch')}</p>
        <button type="button" className="button" onClick={onClearFilters}>
          {t('customers.clearFilters')}
        </button>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <h2>{t('customers.emptyTitle')}</h2>
      <p>{t('customers.emptyBody')}</p>
    </div>
  );
}
