import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';

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
      <EmptyState text={t('customers.noMatch')}>
        <Button onClick={onClearFilters}>{t('customers.clearFilters')}</Button>
      </EmptyState>
    );
  }
  return <EmptyState title={t('customers.emptyTitle')} text={t('customers.emptyBody')} />;
}
