import { useTranslation } from 'react-i18next';
import type { CustomerRow, LifecycleStage, Priority } from '../../../../shared/domain/customer';
import { formatDate } from '../../i18n/format-date';
import { regionName } from '../../i18n/region-names';

/** Company name, with a marker when the customer is archived. */
export function CompanyCell({ customer }: { customer: CustomerRow }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="cell-text">{customer.company}</span>
      {customer.archivedAt ? <span className="badge badge-muted">{t('customers.archivedMarker')}</span> : null}
    </>
  );
}

/** "DE Germany" / "DE 德国". */
export function CountryCell({ code }: { code: string }) {
  const { i18n } = useTranslation();
  if (!code) return null;
  return (
    <>
      <span className="country-code">{code}</span>
      <span className="cell-text">{regionName(code, i18n.language)}</span>
    </>
  );
}

/** The effective lifecycle stage; a manual override is marked as such. */
export function LifecycleCell({ stage, override }: { stage: LifecycleStage; override: LifecycleStage | null }) {
  const { t } = useTranslation();
  const effective = override ?? stage;
  return (
    <span className={`stage stage-${effective}`}>
      {t(`enums.lifecycle.${effective}`)}
      {override ? (
        <>
          <span className="manual-marker" aria-hidden="true" title={t('customers.manualMarker')}>
            ✎
          </span>
          <span className="visually-hidden"> ({t('customers.manualMarker')})</span>
        </>
      ) : null}
    </span>
  );
}

export function PriorityCell({ priority }: { priority: Priority | null }) {
  const { t } = useTranslation();
  if (!priority) return null;
  return <span className={`badge priority-${priority}`}>{t(`enums.priority.${priority}`)}</span>;
}

export function TagsCell({ tags }: { tags: readonly string[] }) {
  return (
    <span className="cell-text tags">
      {tags.map((tag) => (
        <span key={tag} className="tag">
          {tag}
        </span>
      ))}
    </span>
  );
}

export function DateCell({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  return <time dateTime={iso}>{formatDate(iso, i18n.language)}</time>;
}
