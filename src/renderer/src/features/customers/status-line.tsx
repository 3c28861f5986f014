import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/domain/customer';
import { useClassContext } from '../../lib/class-context';
import { classLabel } from '../../lib/class-labels';
import { rfmDetail, statusReason } from '../../lib/customer-status';
import { LifecycleCell } from './customer-cells';

/**
 * The customer's one status (its lifecycle stage now, and why in its own terms) and, as secondary
 * detail with its window named, where RFM ranks it among the other customers.
 */
export function StatusLine({ customer }: { customer: CustomerDetail }) {
  const { t, i18n } = useTranslation();
  const { segmentNames, rfmMonths } = useClassContext();
  const c = customer.classes;
  const reason = statusReason(t, {
    stage: customer.lifecycleOverride ?? customer.lifecycleStage,
    overridden: customer.lifecycleOverride !== null,
    rhythmDays: c.rhythmDays,
    recencyDays: c.recencyDays,
  });
  const rfm = rfmDetail(t, c.segment, classLabel(t, i18n.language, 'segment', c.segment, segmentNames[c.segment]), rfmMonths);
  return (
    <div className="status-line" data-testid="customer-status">
      <p className="status-primary">
        <span className="status-label">{t('status.label')}</span>{' '}
        <LifecycleCell stage={customer.lifecycleStage} override={customer.lifecycleOverride} />
        {reason ? <span className="status-reason"> {reason}</span> : null}
      </p>
      <p className="status-secondary muted">{rfm}</p>
    </div>
  );
}

/** The classification folded into one line (tier · segment · potential), opening the details. */
export function ClassesSummaryLine({ customer }: { customer: CustomerDetail }) {
  const { t, i18n } = useTranslation();
  const { segmentNames } = useClassContext();
  const lang = i18n.language;
  const c = customer.classes;
  const parts = [
    c.tier === 'none' ? t('enums.tier.none') : t(`enums.tier.${c.tier}`),
    classLabel(t, lang, 'segment', c.segment, segmentNames[c.segment]),
    t('classes.potentialValue', { value: c.potential }),
  ];
  return (
    <span className="classes-summary">
      <span className="classes-summary-title">{t('detail.classesSummary')}</span>
      <span className="muted">{parts.join(' · ')}</span>
    </span>
  );
}
