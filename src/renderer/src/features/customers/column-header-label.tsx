import { useTranslation } from 'react-i18next';
import type { en } from '../../i18n/en';

export type ColumnId = keyof typeof en.columns | 'updatedAt';

/** A grid column's localized title. */
export function ColumnHeaderLabel({ id }: { id: ColumnId }) {
  const { t } = useTranslation();
  return <>{id === 'updatedAt' ? t('fields.updatedAt') : t(`columns.${id}`)}</>;
}
