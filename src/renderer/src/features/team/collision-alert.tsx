import { Alert } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collisions } from '../../../../shared/ipc/channels/team';
import { customersHash } from '../../app/route-filter';
import { formatDate } from '../../i18n/format-date';
import '../../styles/team.css';

type Match = Collisions['matches'][number];

/** Lines shown at most; the rest are counted ("and 2 more"). */
const SHOWN = 3;

interface Props {
  /** The check's answer (useCollisionCheck); nothing shows without matches. */
  result: Collisions | undefined;
  /** Matches to leave out (already shown otherwise, e.g. quick capture's duplicate hints). */
  hide?: (match: Match) => boolean;
  /** A link to a customer was followed: the form decides how to leave (it may ask to discard first). */
  onOpenCustomer?: (href: string) => void;
}

function MatchLine({ match, onOpenCustomer }: { match: Match; onOpenCustomer: Props['onOpenCustomer'] }) {
  const { t, i18n } = useTranslation();
  const by = match.by.map((k) => t(`team.collisions.by.${k}`)).join(t('team.collisions.listSeparator'));
  const href =
    match.customerId !== null && match.company !== null
      ? customersHash({ search: match.company }, { id: match.customerId, company: match.company })
      : null;
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!href || !onOpenCustomer) return;
    e.preventDefault();
    onOpenCustomer(href);
  };
  if (match.owner === null) {
    return (
      <li>
        {match.company ? t('team.collisions.poolOf', { company: match.company }) : t('team.collisions.pool')}
        {href ? (
          <a href={href} onClick={follow}>
            {t('team.collisions.claim')}
          </a>
        ) : (
          t('team.collisions.claim')
        )}
        {t('team.collisions.because', { by })}
      </li>
    );
  }
  const values = { owner: match.owner, since: formatDate(match.since, i18n.language), by, company: match.company ?? '' };
  return (
    <li>
      {match.company ? t('team.collisions.ownedOf', values) : t('team.collisions.owned', values)}
      {href ? (
        <>
          {' '}
          <a href={href} onClick={follow} aria-label={t('team.collisions.openCustomer', { company: match.company })}>
            {t('team.collisions.open')}
          </a>
        </>
      ) : null}
    </li>
  );
}

/**
 * Who already has the customer being typed (查重/撞单, #20), under the New customer form and quick
 * capture: one line per match (owner and since when, or the public pool), at most three. Advice
 * only: saving stays possible, the team server decides ownership. A polite live region.
 */
export function CollisionAlert({ result, hide, onOpenCustomer }: Props) {
  const { t } = useTranslation();
  const matches = result?.matches.filter((m) => !hide?.(m)) ?? [];
  const team = result?.checked === 'team';
  return (
    <div className="collision-check" role="status" aria-live="polite" data-testid="collision-check">
      {matches.length ? (
        <Alert
          role="none"
          type="warning"
          showIcon
          title={t(team ? 'team.collisions.titleTeam' : 'team.collisions.titleLocal')}
          description={
            <>
              <ul className="collision-list">
                {matches.slice(0, SHOWN).map((m, i) => (
                  <MatchLine key={m.customerId ?? `team-${i}`} match={m} onOpenCustomer={onOpenCustomer} />
                ))}
              </ul>
              {matches.length > SHOWN ? (
                <p className="collision-more">{t('team.collisions.more', { count: matches.length - SHOWN })}</p>
              ) : null}
              <p className="collision-note muted">{t(team ? 'team.collisions.noteTeam' : 'team.collisions.noteLocal')}</p>
            </>
          }
        />
      ) : null}
    </div>
  );
}
