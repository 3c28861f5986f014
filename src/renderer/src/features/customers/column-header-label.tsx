import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { GridColumnId } from './grid-column-ids';

/** A grid column's localized title. */
export function columnTitle(t: TFunction, id: GridColumnId): string {
  return t(`columns.${id}`);
}

export function ColumnHeaderLabel({ id }: { id: GridColumnId }) {
  const { t } = useTranslation();
  return <>{columnTitle(t, id)}</>;
}
