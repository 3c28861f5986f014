import { Button } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMELINE_KINDS } from '../../../../shared/domain/followups';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format-date';
import { call, toIpcError } from '../../lib/ipc';
import { ComplaintFacts } from '../relationship';
import { followUpKeys, type TimelineKind } from './followup-keys';
import { displayKind, entryText, kindLabel } from './timeline-text';

/** Entries shown at first and added by each "Show more". */
const PAGE = 30;
/** The most the engine lists at once. */
const MAX = 1000;

/**
 * What the engine is asked for: every kind when all are chosen; a completed follow-up is an
 * activity there, so choosing follow-ups asks for activities too (the others are dropped here).
 */
function requestKinds(chosen: ReadonlySet<TimelineKind>): TimelineKind[] {
  if (TIMELINE_KINDS.every((k) => chosen.has(k))) return [];
  const kinds = TIMELINE_KINDS.filter((k) => chosen.has(k));
  if (chosen.has('followup') && !chosen.has('activity')) kinds.push('activity');
  return kinds;
}

/**
 * The customer's activity timeline in the detail panel, newest first: inquiries, orders,
 * follow-ups (planned, done with their outcome), needs, complaints, imports and other recorded
 * changes. Kind checkboxes filter it; "Show more" asks for more.
 */
export function TimelineSection({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = useId();
  const [chosen, setChosen] = useState<ReadonlySet<TimelineKind>>(() => new Set(TIMELINE_KINDS));
  // The limit belongs to one customer: another customer starts from the first page.
  const [paging, setPaging] = useState({ customerId, limit: PAGE });
  const limit = paging.customerId === customerId ? paging.limit : PAGE;
  const kinds = useMemo(() => requestKinds(chosen), [chosen]);
  const none = chosen.size === 0;
  const query = useQuery({
    queryKey: followUpKeys.timeline(customerId, kinds, limit),
    queryFn: () => call('timeline.list', { customerId, kinds, limit }),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === customerId ? keepPreviousData(previous) : undefined),
    enabled: !none,
  });
  const entries = useMemo(() => (query.data ?? []).filter((e) => chosen.has(displayKind(e))), [query.data, chosen]);
  const more = (query.data?.length ?? 0) >= limit && limit < MAX;

  // After "Show more", focus goes to the first entry it added (the button may be gone).
  const list = useRef<HTMLOListElement>(null);
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || query.isPlaceholderData || query.isFetching) return;
    focusFrom.current = null;
    list.current?.querySelectorAll<HTMLElement>('.timeline-entry')[from]?.focus();
  }, [entries, query.isPlaceholderData, query.isFetching]);

  const toggle = (kind: TimelineKind, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });

  const showMore = () => {
    focusFrom.current = entries.length;
    setPaging({ customerId, limit: Math.min(MAX, limit * 2) });
  };

  const all = chosen.size === TIMELINE_KINDS.length;
  let message: string | null = null;
  if (none) message = t('followups.timeline.noKinds');
  else if (!query.data) message = query.isError ? errorText(t, toIpcError(query.error)) : t('common.loading');
  else if (entries.length === 0) message = all ? t('followups.timeline.empty') : t('followups.timeline.emptyFiltered');

  return (
    <section className="detail-section timeline-section" aria-labelledby={headingId}>
      <div className="section-header">
        <h3 id={headingId}>{t('followups.timeline.title')}</h3>
      </div>
      <fieldset className="timeline-filters">
        <legend className="timeline-filters-legend">{t('followups.timeline.filtersLegend')}</legend>
        {TIMELINE_KINDS.map((kind) => (
          <label key={kind} className={chosen.has(kind) ? 'timeline-chip is-on' : 'timeline-chip'}>
            <input type="checkbox" checked={chosen.has(kind)} onChange={(e) => toggle(kind, e.target.checked)} />
            {kindLabel(t, kind)}
          </label>
        ))}
      </fieldset>
      {message ? <p className="muted timeline-message">{message}</p> : null}
      <ol
        ref={list}
        className="timeline-list"
        aria-label={t('followups.timeline.listLabel')}
        aria-busy={query.isFetching || undefined}
        hidden={entries.length === 0 || none}
      >
        {entries.map((entry, index) => {
          const kind = displayKind(entry);
          const text = entryText(t, lang, entry);
          const when = formatDateTime(entry.at, lang);
          return (
            <li
              key={`${entry.kind}-${entry.subtype}-${entry.refId ?? ''}-${entry.at}-${index}`}
              className={`timeline-entry timeline-kind-${kind}`}
              tabIndex={-1}
            >
              <h4 className="timeline-label">{text.label}</h4>
              <time className="timeline-time muted" dateTime={entry.at}>
                {entry.kind === 'followup' && entry.subtype === 'open' ? t('followups.timeline.dueAt', { when }) : when}
              </time>
              {text.summary ? <p className="timeline-summary">{text.summary}</p> : null}
              {text.detail ? <p className="timeline-summary muted">{text.detail}</p> : null}
              {entry.complaint && (entry.complaint.order || entry.complaint.claim || entry.complaint.photos.length > 0) ? (
                <p className="timeline-summary">
                  <ComplaintFacts details={entry.complaint} />
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      {more && !none ? (
        <Button
          size="small"
          className="timeline-more"
          onClick={showMore}
          disabled={query.isFetching}
          aria-busy={query.isFetching || undefined}
        >
          {t('followups.timeline.showMore')}
        </Button>
      ) : null}
    </section>
  );
}
