import { Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { PLAN_REASONS } from '../../../../shared/domain/followups';
import { useNotices } from '../../app/notice-context';
import { customersHash } from '../../app/route-filter';
import { hashFor } from '../../app/routes';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format-date';
import { classLabel } from '../../lib/class-labels';
import { call, toIpcError } from '../../lib/ipc';
import { followUpKeys } from './followup-keys';
import { localTimeZone } from '../../lib/local-time';
import { useFollowUpPlan } from './use-followups';
import type { TierFilter } from './followup-keys';
import { useConfirm } from '../../components/use-confirm';

type Reason = (typeof PLAN_REASONS)[number];

/**
 * The Plan tab: what the cadence rules propose for customers with no open follow-up — totals by
 * reason, a checkbox per reason, and "Accept all N", which asks first, then plans every proposal
 * of the chosen reasons for the owner and tiers the page's filters show, in one go; the plan just
 * accepted can be taken back ("Undo") until the page is left.
 */
export function PlanPanel({ owner, tiers, filtered }: { owner: string | null; tiers: readonly TierFilter[]; filtered: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notices = useNotices();
  const client = useQueryClient();
  const legendId = useId();
  const query = useFollowUpPlan(true, owner, tiers);
  const { confirm, confirmDialog } = useConfirm();
  /** The follow-ups of the plan accepted last, while it can be taken back. */
  const [lastPlan, setLastPlan] = useState<readonly number[] | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<Reason>>(() => new Set(PLAN_REASONS));
  const [running, setRunning] = useState(false);
  const data = query.data;
  // Accepting may remove the controls (nothing left to propose): focus then goes to the panel.
  const panel = useRef<HTMLDivElement>(null);
  const [ran, setRan] = useState(0);
  useEffect(() => {
    if (ran > 0 && (!document.activeElement || document.activeElement === document.body)) panel.current?.focus();
  }, [ran, data]);

  const chosenTotal = data ? PLAN_REASONS.reduce((sum, r) => sum + (chosen.has(r) ? (data.byReason[r] ?? 0) : 0), 0) : 0;
  const shown = useMemo(() => (data ? data.proposals.filter((p) => chosen.has(p.reason)) : []), [data, chosen]);
  const listedAll = data ? data.proposals.length >= data.total : true;

  const toggle = (reason: Reason, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(reason);
      else next.delete(reason);
      return next;
    });

  const accept = async () => {
    if (running || chosenTotal === 0) return;
    const whose = owner ?? t('followups.proposals.everyone');
    const ok = await confirm({
      title: t('followups.proposals.confirmTitle', { count: chosenTotal }),
      body: t('followups.proposals.confirmBody', { count: chosenTotal, owner: whose }),
      confirmLabel: t('followups.proposals.confirmAccept', { count: chosenTotal }),
      cancelLabel: t('common.cancel'),
    });
    if (!ok) return;
    setRunning(true);
    notices.clearError();
    try {
      const out = await call('followups.applyPlan', {
        timeZone: localTimeZone(),
        reasons: PLAN_REASONS.filter((r) => chosen.has(r)),
        tiers: [...tiers],
        ...(owner !== null ? { owner } : {}),
      });
      setLastPlan(out.ids.length ? out.ids : null);
      notices.announce(t('followups.proposals.accepted', { count: out.planned }));
    } catch (err) {
      notices.showError(toIpcError(err));
    } finally {
      await client.invalidateQueries({ queryKey: followUpKeys.all });
      setRunning(false);
      setRan((n) => n + 1);
    }
  };

  const undo = async () => {
    if (!lastPlan || running) return;
    setRunning(true);
    notices.clearError();
    try {
      const out = await call('followups.undoPlan', { ids: [...lastPlan] });
      setLastPlan(null);
      notices.announce(
        out.kept
          ? t('followups.proposals.undoneKept', { count: out.removed, kept: out.kept })
          : t('followups.proposals.undone', { count: out.removed }),
      );
    } catch (err) {
      notices.showError(toIpcError(err));
    } finally {
      await client.invalidateQueries({ queryKey: followUpKeys.all });
      setRunning(false);
      setRan((n) => n + 1);
    }
  };

  return (
    <div ref={panel} className="plan-panel" tabIndex={-1}>
      {confirmDialog}
      {lastPlan ? (
        <p className="followup-intro plan-undo">
          {t('followups.proposals.accepted', { count: lastPlan.length })}{' '}
          <Button size="small" onClick={() => void undo()} disabled={running}>
            {t('followups.proposals.undo')}
          </Button>
        </p>
      ) : null}
      <p className="followup-intro muted">
        {t('followups.proposals.intro')} <a href={hashFor('settings')}>{t('followups.proposals.rulesLink')}</a>
      </p>
      {filtered ? <p className="followup-intro plan-filters-note">{t('followups.proposals.filtersNote')}</p> : null}
      {!data ? (
        <p className="followup-message muted">{query.isError ? errorText(t, toIpcError(query.error)) : t('common.loading')}</p>
      ) : data.total === 0 ? (
        <EmptyState text={t('followups.proposals.empty')} />
      ) : (
        <>
          <div className="plan-controls">
            <fieldset className="plan-reasons" aria-labelledby={legendId} disabled={running}>
              <legend id={legendId} className="plan-reasons-legend">
                {t('followups.proposals.reasonsLegend')}
              </legend>
              {PLAN_REASONS.map((reason) => (
                <label key={reason} className={chosen.has(reason) ? 'timeline-chip is-on' : 'timeline-chip'}>
                  <input type="checkbox" checked={chosen.has(reason)} onChange={(e) => toggle(reason, e.target.checked)} />
                  {t(`followups.proposals.reasons.${reason}`)}
                  <span className="plan-reason-count" data-testid={`plan-count-${reason}`}>
                    {new Intl.NumberFormat(lang).format(data.byReason[reason] ?? 0)}
                  </span>
                </label>
              ))}
            </fieldset>
            <Button
              type="primary"
              onClick={() => void accept()}
              disabled={!running && chosenTotal === 0}
              aria-disabled={running || undefined}
              aria-busy={running || undefined}
            >
              {running
                ? t('followups.proposals.accepting')
                : chosenTotal === 0
                  ? t('followups.proposals.acceptNone')
                  : t('followups.proposals.acceptAll', { count: chosenTotal })}
            </Button>
            {chosen.size === 0 && !running ? <span className="muted">{t('followups.proposals.noneChosen')}</span> : null}
          </div>
          {shown.length > 0 ? (
            <table
              className="row-table plan-table"
              aria-label={t('followups.proposals.tableLabel')}
              aria-busy={running || query.isFetching || undefined}
            >
              <thead>
                <tr>
                  <th scope="col">{t('followups.proposals.columns.due')}</th>
                  <th scope="col">{t('followups.proposals.columns.company')}</th>
                  <th scope="col">{t('followups.proposals.columns.reason')}</th>
                  <th scope="col">{t('followups.proposals.columns.type')}</th>
                  <th scope="col">{t('followups.proposals.columns.tier')}</th>
                  <th scope="col">{t('followups.proposals.columns.owner')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={`${p.customerId}-${p.reason}`} className="plan-row">
                    <td className="followup-due">{formatDateTime(p.dueAt, lang)}</td>
                    <th scope="row">
                      <a href={customersHash({ search: p.company })} className="followup-company">
                        {p.company}
                      </a>
                    </th>
                    <td>{t(`followups.proposals.reason.${p.reason}`)}</td>
                    <td>{t(`followups.types.${p.type}`)}</td>
                    <td>{classLabel(t, lang, 'tier', p.tier)}</td>
                    <td>{p.owner || <span className="muted">{t('common.notSet')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {!listedAll ? (
            <p className="followup-message muted">{t('followups.proposals.more', { shown: data.proposals.length, count: data.total })}</p>
          ) : null}
        </>
      )}
    </div>
  );
}
