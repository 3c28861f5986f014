import { useTranslation } from 'react-i18next';
import type { CustomerRow, LifecycleStage, Priority } from '../../../../shared/domain/customer';
import { languageOfLocale } from '../../../../shared/language';
import { buyerClockText } from '../../../../shared/text/buyer-clock';
import { phoneWhatsAppParts } from '../../../../shared/text/phone-whatsapp';
import { formatDate, formatDateTime } from '../../i18n/format-date';
import { regionName } from '../../i18n/region-names';
import { classLabel } from '../../lib/class-labels';
import { useClassContext } from '../../lib/class-context';
import { formatMoney } from '../../lib/money-format';
import { useNow } from '../../lib/use-buyer-time';

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

/** "DE Germany" / "DE 德国"; an imported country that was not recognised, as written and marked. */
export function CountryCell({ code, text = '' }: { code: string; text?: string }) {
  const { t, i18n } = useTranslation();
  if (!code && text) {
    return (
      <>
        <span className="cell-text">{text}</span> <span className="badge badge-warn">{t('customers.countryUnrecognised')}</span>
      </>
    );
  }
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

/** A business type or scale by its name ("Trading company", "贸易公司"); nothing when not set. */
export function ClassTextCell({ dimension, code }: { dimension: 'businessType' | 'scale'; code: string }) {
  const { t, i18n } = useTranslation();
  if (!code) return null;
  return <span className="cell-text">{classLabel(t, i18n.language, dimension, code)}</span>;
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

/** An RFM segment (a custom name from the rules when there is one). */
export function SegmentCell({ segment }: { segment: CustomerRow['classes']['segment'] }) {
  const { t, i18n } = useTranslation();
  const { segmentNames } = useClassContext();
  return (
    <span className={`class-badge cls-segment-${segment}`}>{classLabel(t, i18n.language, 'segment', segment, segmentNames[segment])}</span>
  );
}

export function TierCell({ tier }: { tier: CustomerRow['classes']['tier'] }) {
  const { t } = useTranslation();
  if (tier === 'none') return <span className="cell-text muted">{t('enums.tier.none')}</span>;
  return <span className={`class-badge cls-tier-${tier}`}>{t(`enums.tier.${tier}`)}</span>;
}

export function MatrixCell({ cell }: { cell: CustomerRow['classes']['matrix'] }) {
  const { t } = useTranslation();
  return <span className={`class-badge cls-matrix-${cell}`}>{t(`enums.matrix.${cell}`)}</span>;
}

/** The churn warning: shown for customers past their rhythm; "on rhythm" and "no orders" stay quiet. */
export function ChurnCell({ churn }: { churn: CustomerRow['classes']['churn'] }) {
  const { t } = useTranslation();
  if (churn === 'warning' || churn === 'lost') {
    return (
      <span className={`class-badge cls-churn-${churn}`}>
        <span aria-hidden="true">⚠ </span>
        {t(`enums.churn.${churn}`)}
      </span>
    );
  }
  return <span className="cell-text muted">{t(`enums.churn.${churn}`)}</span>;
}

/** Potential 0–100; a score set by hand is marked as such. */
export function PotentialCell({ potential, overridden }: { potential: number; overridden: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="cell-number">
      {potential}
      {overridden ? (
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

/** Revenue in the tier window, in the base currency. */
export function RevenueCell({ minor }: { minor: number }) {
  const { i18n } = useTranslation();
  const { currency } = useClassContext();
  if (!currency) return null;
  return <span className={minor === 0 ? 'cell-number muted' : 'cell-number'}>{formatMoney(minor, currency, i18n.language, true)}</span>;
}

/** "R5 F3 M4", or nothing for a customer without orders. */
export function RfmCell({ classes }: { classes: CustomerRow['classes'] }) {
  const { t } = useTranslation();
  if (classes.rScore === null || classes.fScore === null || classes.mScore === null) return null;
  const scores = { r: classes.rScore, f: classes.fScore, m: classes.mScore };
  return (
    <span className="rfm-scores" title={t('classes.rfmTitle', scores)}>
      <span aria-hidden="true">{t('classes.rfmShort', scores)}</span>
      <span className="visually-hidden">{t('classes.rfmTitle', scores)}</span>
    </span>
  );
}

export function NumberCell({ value }: { value: number | null }) {
  const { i18n } = useTranslation();
  if (value === null) return null;
  return <span className="cell-number">{value.toLocaleString(i18n.language)}</span>;
}

export function OptionalDateCell({ iso }: { iso: string | null }) {
  if (!iso) return null;
  return <DateCell iso={iso} />;
}

/**
 * The main contact's phone (else mobile) and WhatsApp, as the export writes them: a WhatsApp number
 * that is the phone number is marked on it, another one follows it.
 */
export function PhoneCell({ contact }: { contact: CustomerRow['mainContact'] }) {
  const { phone, whatsapp, sameNumber } = phoneWhatsAppParts(contact);
  if (!phone && !whatsapp) return null;
  return (
    <span className="cell-text phone-cell">
      {phone ? <span className="phone-number">{phone}</span> : null}
      {phone && whatsapp ? ' ' : null}
      {whatsapp ? (
        <span className="whatsapp-number">
          <span className="badge whatsapp-badge">WhatsApp</span>
          {sameNumber ? null : (
            <>
              {' '}
              <span className="phone-number">{whatsapp}</span>
            </>
          )}
        </span>
      ) : null}
    </span>
  );
}

/** When the next open follow-up is due; one due before now is marked overdue. */
export function NextFollowUpCell({ iso }: { iso: string | null }) {
  const { t, i18n } = useTranslation();
  if (!iso) return null;
  const overdue = Date.parse(iso) < Date.now();
  return (
    <span className={overdue ? 'cell-text next-follow-up is-overdue' : 'cell-text next-follow-up'}>
      <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time>
      {overdue ? <span className="badge badge-warn">{t('detail.overdue')}</span> : null}
    </span>
  );
}

/**
 * The buyer's clock in their country's main zone ("Tue 15:04"; "≈" when the country has several
 * zones: the customer panel settles it by the city), ticking each minute. The column sorts by the
 * good time to call (in working hours now first).
 */
export function LocalTimeCell({ zone }: { zone: CustomerRow['localZone'] }) {
  const { t, i18n } = useTranslation();
  const now = useNow(60_000);
  if (!zone) return null;
  return (
    <span className="cell-text" title={zone.several ? t('detail.buyerTime.guess') : zone.zone}>
      {buyerClockText(now, zone, languageOfLocale(i18n.language))}
    </span>
  );
}
