import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassificationRules, ClassificationRun } from '../../../../shared/domain/classification';
import { CLASSIFIED_DIMENSIONS, type ClassifiedDimension } from '../../../../shared/domain/classification-enums';
import { formatDateTime } from '../../i18n/format-date';
import { classLabel } from '../../lib/class-labels';
import { countsInClassOrder, formatDuration, sortedEntries, splitMove } from './run-format';
import { segmentLabel } from './segment-label';

interface Props {
  run: ClassificationRun;
  /** The firm's segment names (current rules), so segments read as everywhere else. */
  segmentNames: ClassificationRules['segmentNames'] | undefined;
  /** The heading, focused when a section asks to show this run. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** One run: its facts, orders left out for want of a rate, who moved between classes, and the classes' sizes. */
export function RunDetails({ run, segmentNames, headingRef }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const label = (dim: ClassifiedDimension, key: string) =>
    dim === 'segment' ? segmentLabel(t, lang, key, segmentNames) : classLabel(t, lang, dim, key);
  const missing = sortedEntries(run.missingRates);
  const facts: [string, string][] = [
    [t('settings.runs.trigger'), t(`settings.runs.triggers.${run.trigger}`)],
    [t('settings.runs.rulesVersion'), String(run.rulesVersion)],
    [t('settings.runs.asOf'), formatDateTime(run.asOf, lang)],
    [t('settings.runs.customers'), t('settings.number', { value: run.customers })],
    [t('settings.runs.moved'), t('settings.number', { value: run.moved })],
    [t('settings.runs.duration'), formatDuration(run.durationMs, lang)],
  ];
  const movedDimensions = CLASSIFIED_DIMENSIONS.filter((d) => sortedEntries(run.moves[d]).length > 0);

  return (
    <section className="run-details" aria-labelledby={titleId}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1} className="section-heading">
        {t('settings.runs.detailsTitle', { date: formatDateTime(run.startedAt, lang) })}
      </h3>
      <dl className="run-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      {missing.length > 0 ? (
        <div className="settings-note is-warn">
          <ul className="missing-rates" aria-label={t('settings.runs.missingTitle')}>
            {missing.map(([currency, orders]) => (
              <li key={currency}>{t('settings.runs.missingRate', { count: orders, currency })}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">{t('settings.runs.noMissingRates')}</p>
      )}

      <h4 className="run-subtitle">{t('settings.runs.movesTitle')}</h4>
      {movedDimensions.length === 0 ? (
        <p className="muted">{t('settings.runs.noMoves')}</p>
      ) : (
        <div className="run-columns">
          {movedDimensions.map((dim) => {
            const listId = `${titleId}-moves-${dim}`;
            return (
              <div key={dim} className="run-block">
                <h5 id={listId} className="run-block-title">
                  {t(`enums.dimension.${dim}`)}
                </h5>
                <ul className="move-list" aria-labelledby={listId}>
                  {sortedEntries(run.moves[dim]).map(([key, n]) => {
                    const [from, to] = splitMove(key);
                    return <li key={key}>{t('settings.runs.move', { from: label(dim, from), to: label(dim, to), n })}</li>;
                  })}
                </ul>
              </div>
            );
          })}
        </div>
      )}

      <h4 className="run-subtitle">{t('settings.runs.countsTitle')}</h4>
      <div className="run-columns">
        {CLASSIFIED_DIMENSIONS.map((dim) => {
          const entries = countsInClassOrder(dim, run.counts[dim]);
          return (
            <table key={dim} className="data-table run-counts">
              <caption className="run-block-title">{t(`enums.dimension.${dim}`)}</caption>
              <tbody>
                {entries.length === 0 ? (
                  <tr>
                    <td className="muted">{t('common.notSet')}</td>
                  </tr>
                ) : (
                  entries.map(([key, n]) => (
                    <tr key={key}>
                      <th scope="row">{label(dim, key)}</th>
                      <td className="num">{t('settings.number', { value: n })}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          );
        })}
      </div>
    </section>
  );
}
