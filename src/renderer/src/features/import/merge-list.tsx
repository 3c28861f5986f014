import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { regionName } from '../../i18n/region-names';
import type { MergeCandidate } from './import-types';

/** More matches than this are merged all the same, but not listed one by one. */
const MAX_LISTED = 500;

interface Props {
  merges: readonly MergeCandidate[];
  disabled: ReadonlySet<string>;
  onToggle: (merge: MergeCandidate, merged: boolean) => void;
}

function MergeItem({ merge, checked, onToggle }: { merge: MergeCandidate; checked: boolean; onToggle: Props['onToggle'] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const detail = [
    merge.country ? regionName(merge.country, i18n.language) : '',
    t('import.mergeRows', { count: merge.rows }),
    t(`import.matchedBy.${merge.matchedBy}`),
  ].filter(Boolean);
  return (
    <li className="merge-item">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-detail`}
        onChange={(e) => onToggle(merge, e.target.checked)}
      />
      <label htmlFor={id}>{t('import.mergeLabel', { company: merge.company, existing: merge.existingCompany })}</label>
      <span id={`${id}-detail`} className="muted merge-detail">
        {detail.join(i18n.language === 'zh-CN' ? '；' : '; ')}
      </span>
    </li>
  );
}

/** Companies of the file that match existing customers; each merge can be turned off (a new customer instead). */
export function MergeList({ merges, disabled, onToggle }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  if (merges.length === 0) return null;
  const listed = merges.slice(0, MAX_LISTED);
  return (
    <section className="preview-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="section-title">
        {t('import.mergesTitle')}
      </h3>
      <p className="muted">{t('import.mergesHint')}</p>
      <ul className="merge-list">
        {listed.map((m) => (
          <MergeItem key={m.key} merge={m} checked={!disabled.has(m.key)} onToggle={onToggle} />
        ))}
      </ul>
      {merges.length > listed.length ? (
        <p className="muted">{t('import.mergesTruncated', { shown: listed.length, count: merges.length })}</p>
      ) : null}
    </section>
  );
}
