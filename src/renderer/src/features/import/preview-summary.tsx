import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../../../../shared/domain/import';
import { errorText } from '../../i18n/error-text';
import type { PreviewState } from './use-import-preview';

interface Props {
  state: PreviewState;
  kind: ImportKind;
}

/** What the import would do, as the engine previews it: new and merged customers, records, problem rows. */
export function PreviewSummary({ state, kind }: Props) {
  const { t } = useTranslation();
  const { data, error, pending } = state;
  const counts = data?.counts;
  return (
    <div className="preview-summary" aria-live="polite" aria-busy={pending || undefined}>
      <h3 className="section-title">{t('import.previewTitle')}</h3>
      {error ? (
        <p className="inline-error">{errorText(t, error)}</p>
      ) : counts && data ? (
        <ul className={pending ? 'count-list is-stale' : 'count-list'}>
          <li>{t('import.counts.rows', { count: counts.rows })}</li>
          {kind === 'products' ? (
            <>
              <li>{t('import.counts.productsCreated', { count: counts.imported })}</li>
              <li>{t('import.counts.productsMerged', { count: counts.merged })}</li>
            </>
          ) : (
            <>
              <li>{t('import.counts.customersCreated', { count: counts.customersCreated })}</li>
              <li>{t('import.counts.customersMerged', { count: counts.customersMerged })}</li>
            </>
          )}
          {kind === 'inquiries' || counts.inquiries > 0 ? <li>{t('import.counts.inquiries', { count: counts.inquiries })}</li> : null}
          {kind === 'orders' || counts.orders > 0 ? <li>{t('import.counts.orders', { count: counts.orders })}</li> : null}
          {counts.duplicates > 0 ? <li>{t('import.counts.duplicates', { count: counts.duplicates })}</li> : null}
          <li className={data.invalidRows > 0 ? 'count-warn' : undefined}>{t('import.counts.problems', { count: data.invalidRows })}</li>
        </ul>
      ) : null}
      {pending ? <p className="muted">{t('import.previewing')}</p> : null}
    </div>
  );
}
