import { Button } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolRules } from '../../../../shared/domain/pool';
import { useNotices } from '../../app/notice-context';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { PoolRulesForm, poolKeys } from '../pool';
import { useTeamStatus } from '../team';
import { useSavedForm } from './use-form-base';

interface Props {
  confirmDiscard: () => Promise<boolean>;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * Settings → Public pool: the firm's rules (read-only, and why, for a salesperson in a team), and
 * "Apply the rules now": on a book of its own here; in a team the server applies them hourly, and a
 * manager (or admin) can ask it to now (the laptop then syncs to show the result).
 */
export function PoolRulesSection({ confirmDiscard, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const applyHintId = useId();
  const notices = useNotices();
  const client = useQueryClient();
  const query = useQuery({ queryKey: poolKeys.rules(), queryFn: () => call('pool.rules', {}) });
  const team = useTeamStatus();
  const inTeam = Boolean(team.data?.user);
  const canApply = !inTeam || team.data?.user?.role !== 'salesperson';
  // Rules saved elsewhere (another laptop, by the sync) refresh the form unless it has changes.
  const { base, generation, setDirty, adopt, discard } = useSavedForm<PoolRules>(
    query.data?.rules,
    onDirtyChange,
    confirmDiscard,
    (d, b) => JSON.stringify(d) !== JSON.stringify(b),
  );
  const canEdit = query.data?.canEdit ?? false;
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState<number | null>(null);

  const onSaved = (saved: PoolRules) => {
    client.setQueryData(poolKeys.rules(), { rules: saved, canEdit });
    notices.announce(t('pool.rules.saved'));
    adopt(saved);
  };

  const apply = async () => {
    setApplying(true);
    setApplied(null);
    notices.clearError();
    try {
      const { returned } = await call('pool.applyRules', {});
      setApplied(returned);
    } catch (err) {
      notices.showError(err);
    } finally {
      setApplying(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <div className="settings-section-header">
        <h2 id={titleId} className="section-title">
          {t('pool.rules.title')}
        </h2>
      </div>
      <p className="muted settings-intro">{t('pool.rules.intro')}</p>
      {query.data && !canEdit ? <p className="inline-notice">{t('pool.rules.readOnly')}</p> : null}
      {base ? (
        <PoolRulesForm
          key={generation}
          rules={base}
          canEdit={canEdit}
          onDirtyChange={setDirty}
          onDiscard={() => void discard()}
          onSaved={onSaved}
        />
      ) : (
        <p className="muted">{query.isError ? errorText(t, toIpcError(query.error)) : t('common.loading')}</p>
      )}
      <div className="form-section pool-apply" role="group" aria-labelledby={`${applyHintId}-legend`}>
        <h3 id={`${applyHintId}-legend`} className="pool-apply-title">
          {t('pool.rules.applyLegend')}
        </h3>
        <p id={applyHintId} className="field-hint">
          {!inTeam ? t('pool.rules.applyHint') : canApply ? t('pool.rules.applyTeamManager') : t('pool.rules.applyTeam')}
        </p>
        <div className="pool-apply-row">
          <Button
            onClick={() => void apply()}
            disabled={applying || !canApply}
            aria-busy={applying || undefined}
            aria-describedby={applyHintId}
          >
            {applying ? t('pool.rules.applying') : t('pool.rules.apply')}
          </Button>
          <span className="pool-apply-result" role="status">
            {applied === null ? '' : applied === 0 ? t('pool.rules.appliedNone') : t('pool.rules.applied', { count: applied })}
          </span>
        </div>
      </div>
    </section>
  );
}
