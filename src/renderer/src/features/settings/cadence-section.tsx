import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CadenceRules } from '../../../../shared/domain/followups';
import { useNotices } from '../../app/notice-context';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { CadenceForm } from './cadence-form';
import { settingsKeys } from './settings-keys';
import { useSavedForm } from './use-form-base';

/** Query-cache key of the cadence rules (under the Settings page's keys). */
const cadenceKey = [...settingsKeys.all, 'cadence'] as const;

interface Props {
  confirmDiscard: () => Promise<boolean>;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * Follow-up cadence: days between touches per value tier, and when an unanswered inquiry or a
 * quotation without reply needs a follow-up. The Follow-ups page's Plan tab proposes from these.
 */
export function CadenceSection({ confirmDiscard, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const notices = useNotices();
  const query = useQuery({ queryKey: cadenceKey, queryFn: () => call('cadence.get', {}) });
  // Rules saved elsewhere (or the data reloading after a change) refresh the form unless it has changes.
  const { base, generation, setDirty, adopt, discard } = useSavedForm<CadenceRules>(
    query.data,
    onDirtyChange,
    confirmDiscard,
    (d, b) => JSON.stringify(d) !== JSON.stringify(b),
  );

  const onSaved = (saved: CadenceRules) => {
    notices.announce(t('cadence.saved'));
    adopt(saved);
  };

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <div className="settings-section-header">
        <h2 id={titleId} className="section-title">
          {t('cadence.title')}
        </h2>
      </div>
      <p className="muted settings-intro">{t('cadence.intro')}</p>
      {base ? (
        <CadenceForm key={generation} rules={base} onDirtyChange={setDirty} onDiscard={() => void discard()} onSaved={onSaved} />
      ) : (
        <p className="muted">{query.isError ? errorText(t, toIpcError(query.error)) : t('common.loading')}</p>
      )}
    </section>
  );
}
