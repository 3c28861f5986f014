import { Button } from 'antd';
import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { JobProgress } from '../../components/job-progress';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format-date';
import { toIpcError } from '../../lib/ipc';
import { RunDetails } from './run-details';
import { formatDuration } from './run-format';
import type { Reclassify } from './use-reclassify';
import { useRulesQuery, useRunsQuery } from './use-settings-data';

interface Props {
  reclassify: Reclassify;
  /** The run shown in detail; null = the newest. */
  selectedId: number | null;
  onSelect: (id: number) => void;
  detailsHeadingRef: Ref<HTMLHeadingElement>;
}

/** Reclassify now, the latest runs, and the selected run in detail. */
export function RunsSection({ reclassify, selectedId, onSelect, detailsHeadingRef }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const tableId = useId();
  const runs = useRunsQuery();
  const rules = useRulesQuery();
  const list = runs.data ?? [];
  const selected = list.find((r) => r.id === selectedId) ?? list[0];
  const running = reclassify.job !== null;

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <div className="settings-section-header">
        <h2 id={titleId} className="section-title">
          {t('settings.runs.title')}
        </h2>
        {reclassify.job && reclassify.origin === 'runs' ? null : (
          <Button type="primary" onClick={() => void reclassify.start('manual', 'runs')} disabled={running}>
            {t('settings.runs.reclassify')}
          </Button>
        )}
      </div>
      <p className="muted settings-intro">{t('settings.runs.intro')}</p>
      {reclassify.job && reclassify.origin === 'runs' ? (
        <JobProgress
          label={t('settings.runs.progress')}
          done={reclassify.job.done}
          total={reclassify.job.total}
          onCancel={reclassify.cancel}
          cancelling={reclassify.job.cancelling}
        />
      ) : null}

      {runs.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : runs.isError ? (
        <p className="muted">{errorText(t, toIpcError(runs.error))}</p>
      ) : list.length === 0 ? (
        <p className="muted">{t('settings.runs.empty')}</p>
      ) : (
        <>
          <div className="table-scroll runs-scroll">
            <table className="data-table runs-table" aria-labelledby={tableId}>
              <caption id={tableId} className="visually-hidden">
                {t('settings.runs.tableCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('settings.runs.when')}</th>
                  <th scope="col">{t('settings.runs.trigger')}</th>
                  <th scope="col" className="num">
                    {t('settings.runs.rulesVersion')}
                  </th>
                  <th scope="col" className="num">
                    {t('settings.runs.customers')}
                  </th>
                  <th scope="col" className="num">
                    {t('settings.runs.moved')}
                  </th>
                  <th scope="col" className="num">
                    {t('settings.runs.duration')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((run) => {
                  const isSelected = run.id === selected?.id;
                  return (
                    <tr key={run.id} className={isSelected ? 'is-selected' : undefined}>
                      <th scope="row" className="nowrap">
                        <button
                          type="button"
                          className="link-button"
                          aria-pressed={isSelected}
                          aria-label={t('settings.runs.selectLabel', { date: formatDateTime(run.startedAt, lang) })}
                          onClick={() => onSelect(run.id)}
                        >
                          {formatDateTime(run.startedAt, lang)}
                        </button>
                      </th>
                      <td>{t(`settings.runs.triggers.${run.trigger}`)}</td>
                      <td className="num">{run.rulesVersion}</td>
                      <td className="num">{t('settings.number', { value: run.customers })}</td>
                      <td className="num">{t('settings.number', { value: run.moved })}</td>
                      <td className="num">{formatDuration(run.durationMs, lang)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {selected ? <RunDetails run={selected} segmentNames={rules.data?.rules.segmentNames} headingRef={detailsHeadingRef} /> : null}
        </>
      )}
    </section>
  );
}
