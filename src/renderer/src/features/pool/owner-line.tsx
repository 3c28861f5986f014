import { Button, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POOL_REFUSALS, type PoolRefusal } from '../../../../shared/domain/pool';
import type { PoolStatus } from '../../../../shared/ipc/channels/pool';
import { useNotices } from '../../app/notice-context';
import { useConfirm } from '../../components/use-confirm';
import { call, toIpcError } from '../../lib/ipc';
import { poolKeys } from './pool-keys';
import '../../styles/pool.css';
import { refusalText, returnsText } from './pool-text';

const isRefusal = (code: string): code is PoolRefusal => (POOL_REFUSALS as readonly string[]).includes(code);

interface Props {
  customerId: number;
  company: string;
  /** The panel is editing something else: the buttons wait. */
  locked: boolean;
}

/**
 * The customer's place in the public pool, under its name in the panel: a "Pool" tag when nobody owns
 * it, Claim or Release to pool as this user may, why a claim is refused, "waiting for the team
 * server" while a change of owner is not yet confirmed, and when the rules would return it.
 */
export function PoolOwnerLine({ customerId, company, locked }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notices = useNotices();
  const client = useQueryClient();
  const { confirm, confirmDialog } = useConfirm();
  const status = useQuery({
    queryKey: poolKeys.status(customerId),
    queryFn: () => call('pool.status', { customerId }),
    // The panel works without it: a status that cannot be read leaves the line out.
    throwOnError: false,
  });
  const rules = useQuery({ queryKey: poolKeys.rules(), queryFn: () => call('pool.rules', {}), throwOnError: false });
  const [busy, setBusy] = useState(false);
  /** A claim the engine refused, until the next claim or release (a POOL_TAKEN is not in the status otherwise). */
  const [refused, setRefused] = useState<PoolRefusal | null>(null);
  const claimButton = useRef<HTMLButtonElement>(null);
  const releaseButton = useRef<HTMLButtonElement>(null);
  const line = useRef<HTMLDivElement>(null);
  /** Where focus goes once the button pressed is gone: the other button, else the line (which says why). */
  const focusNext = useRef<'claim' | 'release' | 'line' | null>(null);

  const s = status.data;
  useEffect(() => {
    const next = focusNext.current;
    if (!next || !s) return;
    focusNext.current = null;
    const target = next === 'claim' ? claimButton.current : next === 'release' ? releaseButton.current : null;
    (target && !target.disabled ? target : line.current)?.focus();
  }, [s]);

  if (!s) return null;

  // A status read still on its way (asked for before this change, answered after) must not replace the answer.
  const adopt = async (next: PoolStatus) => {
    await client.cancelQueries({ queryKey: poolKeys.status(customerId), exact: true });
    client.setQueryData(poolKeys.status(customerId), next);
  };

  const claim = async () => {
    setBusy(true);
    notices.clearError();
    try {
      const next = await call('pool.claim', { customerId });
      setRefused(null);
      focusNext.current = 'release';
      await adopt(next);
      notices.announce(t('pool.owner.claimed', { company }));
    } catch (err) {
      const error = toIpcError(err);
      if (isRefusal(error.code)) {
        setRefused(error.code);
        focusNext.current = 'line';
        await client.refetchQueries({ queryKey: poolKeys.status(customerId), exact: true });
      } else notices.showError(error);
    } finally {
      setBusy(false);
    }
  };

  const release = async () => {
    const coolingDays = rules.data?.rules.coolingDays ?? 0;
    const ok = await confirm({
      title: t('pool.owner.releaseTitle', { company }),
      body: coolingDays > 0 ? t('pool.owner.releaseBody', { count: coolingDays }) : t('pool.owner.releaseBodyNow'),
      confirmLabel: t('pool.owner.release'),
      cancelLabel: t('pool.owner.keep'),
    });
    if (!ok) {
      releaseButton.current?.focus();
      return;
    }
    setBusy(true);
    notices.clearError();
    try {
      const next = await call('pool.release', { customerId });
      setRefused(null);
      focusNext.current = 'claim';
      await adopt(next);
      notices.announce(t('pool.owner.released', { company }));
    } catch (err) {
      notices.showError(err);
    } finally {
      setBusy(false);
    }
  };

  // Taken shows only after a claim (the owner is on the line above); the cap and the cooling-off explain a missing Claim.
  const refusal: PoolRefusal | null = refused ?? (s.inPool && s.refusal !== 'POOL_TAKEN' ? s.refusal : null);
  const reason = refusal ? refusalText(t, lang, refusal, s, rules.data?.rules ?? null) : '';
  const returns = s.returnsAt ? returnsText(t, lang, s.returnsAt, Date.now()) : '';
  const noMe = s.me === null && s.inPool;

  return (
    <div className="pool-line" ref={line} tabIndex={-1}>
      <div className="pool-line-row">
        {s.inPool ? (
          <Tag className="pool-tag" title={t('pool.owner.poolTagTitle')}>
            {t('pool.owner.poolTag')}
          </Tag>
        ) : null}
        {s.canClaim ? (
          <Button
            ref={claimButton}
            size="small"
            type="primary"
            onClick={() => void claim()}
            disabled={busy || locked}
            aria-busy={busy || undefined}
          >
            {t('pool.owner.claim')}
          </Button>
        ) : null}
        {s.canRelease ? (
          <Button ref={releaseButton} size="small" onClick={() => void release()} disabled={busy || locked} aria-haspopup="dialog">
            {t('pool.owner.release')}
          </Button>
        ) : null}
        {s.pending ? (
          <span className="pool-pending" role="status">
            {t('pool.owner.pending')}
          </span>
        ) : null}
      </div>
      {reason ? (
        <p className="pool-refusal" role="status">
          {reason}
        </p>
      ) : null}
      {noMe ? (
        <p className="muted pool-note">
          {t('pool.owner.noMe')} <a href="#/settings/staff">{t('pool.owner.noMeLink')}</a>
        </p>
      ) : null}
      {returns ? <p className="muted pool-note">{returns}</p> : null}
      {confirmDialog}
    </div>
  );
}
