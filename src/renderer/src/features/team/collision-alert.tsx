import { Alert, Button, Tooltip } from 'antd';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collisions } from '../../../../shared/ipc/channels/team';
import { useNotices } from '../../app/notice-context';
import { customersHash } from '../../app/route-filter';
import { formatDate } from '../../i18n/format-date';
import { call, toIpcError } from '../../lib/ipc';
import { useTeamStatus } from './use-team';
import '../../styles/team.css';

type Match = Collisions['matches'][number];
/** A colleague's customer the team server named: what a request to its owner needs. */
export interface OwnedMatch {
  gid: string;
  owner: string;
}

/** Lines shown at most; the rest are counted ("and 2 more"). */
const SHOWN = 3;

interface Props {
  /** The check's answer (useCollisionCheck); nothing shows without matches. */
  result: Collisions | undefined;
  /** Matches to leave out (already shown otherwise, e.g. quick capture's duplicate hints). */
  hide?: (match: Match) => boolean;
  /** A link to a customer was followed: the form decides how to leave (it may ask to discard first). */
  onOpenCustomer?: (href: string) => void;
  /** Quick capture: "Add as a lead for {{owner}}" on a colleague's customer sends the draft's lead (the form does it). */
  onAddLead?: (match: OwnedMatch) => Promise<void>;
}

interface Actions {
  /** The owner is a colleague and the team server may be asked (checked: 'team'). */
  colleague: (match: Match) => match is Match & { gid: string; owner: string };
  offline: boolean;
  onAddLead: Props['onAddLead'];
}

/** "Ask Li Na to share" (a customer the user may not see) and, in quick capture, "Add as a lead for Li Na". */
function RequestButtons({ match, actions }: { match: Match & { gid: string; owner: string }; actions: Actions }) {
  const { t } = useTranslation();
  const notices = useNotices();
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState<'asked' | 'conflict' | null>(null);
  const owner = match.owner;
  const ask = async () => {
    setBusy(true);
    try {
      await call('team.collisionRequest', { gid: match.gid, kind: 'share' });
      setAsked('asked');
    } catch (err) {
      if (toIpcError(err).code === 'CONFLICT') setAsked('conflict');
      else notices.showError(err);
    } finally {
      setBusy(false);
    }
  };
  const addLead = async () => {
    if (!actions.onAddLead) return;
    setBusy(true);
    try {
      await actions.onAddLead({ gid: match.gid, owner });
    } finally {
      setBusy(false);
    }
  };
  const tip = actions.offline ? t('team.collisions.offline') : undefined;
  const disabled = actions.offline || busy;
  return (
    <span className="collision-actions">
      {match.company === null ? (
        asked ? (
          <span className="muted">{t(asked === 'asked' ? 'team.collisions.asked' : 'team.collisions.askConflict', { owner })}</span>
        ) : (
          <Tooltip title={tip}>
            <Button size="small" disabled={disabled} aria-busy={busy || undefined} onClick={() => void ask()}>
              {t('team.collisions.askShare', { owner })}
            </Button>
          </Tooltip>
        )
      ) : null}
      {actions.onAddLead ? (
        <Tooltip title={tip}>
          <Button size="small" disabled={disabled} aria-busy={busy || undefined} onClick={() => void addLead()}>
            {t('team.collisions.addLead', { owner })}
          </Button>
        </Tooltip>
      ) : null}
      {actions.offline ? <span className="muted">{t('team.collisions.offline')}</span> : null}
    </span>
  );
}

function MatchLine({ match, onOpenCustomer, actions }: { match: Match; onOpenCustomer: Props['onOpenCustomer']; actions: Actions }) {
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
      {actions.colleague(match) ? <RequestButtons match={match} actions={actions} /> : null}
    </li>
  );
}

/**
 * Who already has the customer being typed (查重/撞单, #20), under the New customer form and quick
 * capture: one line per match (owner and since when, or the public pool), at most three. Advice
 * only: saving stays possible, the team server decides ownership. A polite live region. On a
 * colleague's customer (in a team, the server answered): "Ask Li Na to share" when the user may not
 * see it, and in quick capture "Add as a lead for Li Na"; disabled while offline, with the reason.
 */
export function CollisionAlert({ result, hide, onOpenCustomer, onAddLead }: Props) {
  const { t } = useTranslation();
  const status = useTeamStatus();
  const matches = result?.matches.filter((m) => !hide?.(m)) ?? [];
  const team = result?.checked === 'team';
  const me = status.data?.user?.name.trim().toLowerCase() ?? null;
  const actions: Actions = {
    colleague: (m): m is Match & { gid: string; owner: string } =>
      team && m.gid !== null && m.owner !== null && me !== null && m.owner.trim().toLowerCase() !== me,
    offline: status.data?.state === 'offline' || status.data?.state === 'error',
    onAddLead,
  };
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
                  <MatchLine key={m.customerId ?? `team-${i}`} match={m} onOpenCustomer={onOpenCustomer} actions={actions} />
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
