import { Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateMatch } from '../../../../shared/domain/capture';
import { regionName } from '../../i18n/region-names';

function MatchText({ match }: { match: DuplicateMatch }) {
  const { t, i18n } = useTranslation();
  const place = match.country ? regionName(match.country, i18n.language) : '';
  return (
    <>
      <strong>{match.company}</strong>
      {place ? <span className="muted"> · {place}</span> : null}
      {match.owner ? <span className="muted"> · {match.owner}</span> : null}
      {match.archived ? <span className="badge badge-muted">{t('capture.archived')}</span> : null}
      <span className="capture-dup-reasons"> — {match.reasons.map((r) => t(`capture.reasons.${r}`)).join(', ')}</span>
    </>
  );
}

/** Customers the lead may already be, shown while it is typed. */
export function DuplicateHints({ matches }: { matches: readonly DuplicateMatch[] }) {
  const { t } = useTranslation();
  return (
    <div className="capture-dups" role="status" aria-live="polite" data-testid="capture-duplicates">
      {matches.length ? (
        <>
          <p className="capture-dups-title">{t('capture.duplicatesTitle', { count: matches.length })}</p>
          <ul className="capture-dups-list">
            {matches.map((m) => (
              <li key={m.customerId}>
                <MatchText match={m} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

interface DecisionProps {
  matches: readonly DuplicateMatch[];
  saving: boolean;
  onAddTo: (customerId: number) => void;
  onSaveAsNew: () => void;
  onBack: () => void;
}

/** Saving a lead that matches a customer: Enter adds it to the first match; or save it as a new customer. */
export function DuplicateDecision({ matches, saving, onAddTo, onSaveAsNew, onBack }: DecisionProps) {
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <section className="capture-decision" role="group" aria-labelledby="capture-decision-title" data-testid="capture-decision">
      <p id="capture-decision-title" className="capture-decision-title">
        {t('capture.decideTitle')}
      </p>
      <p className="muted">{t('capture.decideBody')}</p>
      <ul className="capture-dups-list">
        {matches.map((m, i) => (
          <li key={m.customerId} className="capture-decision-row">
            <span className="capture-decision-match">
              <MatchText match={m} />
            </span>
            <Button
              ref={i === 0 ? first : undefined}
              size="small"
              type={i === 0 ? 'primary' : 'default'}
              disabled={saving}
              onClick={() => onAddTo(m.customerId)}
            >
              {t('capture.addToExisting', { company: m.company })}
            </Button>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <Button disabled={saving} onClick={onBack}>
          {t('capture.back')}
        </Button>
        <Button disabled={saving} onClick={onSaveAsNew}>
          {t('capture.saveAsNew')}
        </Button>
      </div>
    </section>
  );
}
