import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_RATINGS, type LeadRating } from '../../../../shared/domain/capture';

const KEYS: Record<string, LeadRating> = { h: 'hot', w: 'warm', c: 'cold' };

/** Hot / warm / cold as a radio group: Tab reaches the chosen one, arrows or H, W, C change it. */
export function RatingGroup({ value, onChange }: { value: LeadRating; onChange: (rating: LeadRating) => void }) {
  const { t } = useTranslation();
  const name = useId();
  const group = useRef<HTMLFieldSetElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.nativeEvent.isComposing) return;
    const rating = KEYS[e.key.toLowerCase()];
    if (!rating) return;
    e.preventDefault();
    onChange(rating);
    group.current?.querySelector<HTMLInputElement>(`input[value="${rating}"]`)?.focus();
  };

  return (
    <fieldset ref={group} className="capture-rating" onKeyDown={onKeyDown}>
      <legend className="field-label">
        {t('capture.rating')} <span className="muted">({t('capture.ratingKeys')})</span>
      </legend>
      {LEAD_RATINGS.map((r) => (
        <label key={r} className={`capture-rating-option capture-rating-${r}`}>
          <input type="radio" name={name} value={r} checked={value === r} onChange={() => onChange(r)} />
          {t(`capture.ratings.${r}`)}
        </label>
      ))}
    </fieldset>
  );
}
