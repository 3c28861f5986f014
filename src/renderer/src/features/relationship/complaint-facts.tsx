import { useTranslation } from 'react-i18next';
import type { ComplaintDetails } from '../../../../shared/domain/relationship';
import { formatDate } from '../../i18n/format-date';
import { formatMoney } from '../../lib/money-format';
import { orderName } from './complaint-order-fields';
import { StoredPhotoThumb } from './photo-thumb';

/** Thumbnails shown at most beside a complaint (all of them in its photos dialog). */
const SHOWN = 4;

interface Props {
  details: ComplaintDetails;
  /** Opens the complaint's photos (a button around the thumbnails); without it they are only shown. */
  onShowPhotos?: () => void;
  /** The roving tabIndex of the row the button is in. */
  tabIndex?: number;
}

/**
 * What a complaint names besides its words: "Order SO-7 · 15 Oct 2026 · Claimed €1,200.00" and its
 * photos' thumbnails (nothing when it names none). In the complaints table, on the customer's panel
 * and on the customer's timeline.
 */
export function ComplaintFacts({ details, onShowPhotos, tabIndex }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { order, claim, photos } = details;
  const facts = [
    order ? `${t('relationship.facts.order', { order: orderName(t, lang, order) })} · ${formatDate(order.orderedAt, lang)}` : '',
    claim ? t('relationship.facts.claim', { amount: formatMoney(claim.amountMinor, claim.currency, lang) }) : '',
  ].filter(Boolean);
  if (facts.length === 0 && photos.length === 0) return null;
  const thumbs = (
    <span className="complaint-photo-thumbs">
      {photos.slice(0, SHOWN).map((p) => (
        <StoredPhotoThumb key={p.id} photo={p} />
      ))}
      {photos.length > SHOWN ? <span className="complaint-photo-more">+{photos.length - SHOWN}</span> : null}
    </span>
  );
  return (
    <span className="complaint-facts">
      {facts.length ? <span className="complaint-facts-text">{facts.join(' · ')}</span> : null}
      {photos.length === 0 ? null : onShowPhotos ? (
        <button
          type="button"
          className="complaint-photos-button"
          title={t('relationship.photos.showTitle')}
          tabIndex={tabIndex}
          onClick={onShowPhotos}
        >
          {thumbs}
          <span className="complaint-photos-count">{t('relationship.photos.show', { count: photos.length })}</span>
        </button>
      ) : (
        <span className="complaint-photos-static" role="group" aria-label={t('relationship.photos.show', { count: photos.length })}>
          {thumbs}
        </span>
      )}
    </span>
  );
}
