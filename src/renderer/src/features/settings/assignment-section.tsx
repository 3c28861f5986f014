import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentSettings } from '../../../../shared/domain/assignment';
import type { AssignmentRulesView } from '../../../../shared/ipc/channels/assignment';
import { useNotices } from '../../app/notice-context';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { usePrefs } from '../../lib/use-prefs';
import { AssignmentForm, assignmentKeys } from '../assignment';
import { useSavedForm } from './use-form-base';

interface Props {
  confirmDiscard: () => Promise<boolean>;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * Settings → Public pool → Lead assignment (线索分配), below the pool's rules: the rules that give customers nobody owns to a salesperson.
 * A salesperson in a team sees them disabled, with why.
 */
export function AssignmentSection({ confirmDiscard, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const notices = useNotices();
  const client = useQueryClient();
  const query = useQuery({ queryKey: assignmentKeys.rules(), queryFn: () => call('assignment.rules', {}) });
  const prefs = usePrefs();
  const { base, generation, setDirty, adopt, discard } = useSavedForm<AssignmentSettings>(
    query.data?.settings,
    onDirtyChange,
    confirmDiscard,
    (d, b) => JSON.stringify(d) !== JSON.stringify(b),
  );
  const canEdit = query.data?.canEdit ?? false;

  const onSaved = (saved: AssignmentSettings) => {
    client.setQueryData<AssignmentRulesView>(assignmentKeys.rules(), (old) => (old ? { ...old, settings: saved } : old));
    notices.announce(t('assignment.saved'));
    adopt(saved);
  };

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <div className="settings-section-header">
        <h2 id={titleId} className="section-title" tabIndex={-1}>
          {t('assignment.title')}
        </h2>
      </div>
      <p className="muted settings-intro">{t('assignment.intro')}</p>
      {query.data && !canEdit ? <p className="inline-notice">{t('assignment.teamReadOnly')}</p> : null}
      {base && query.data ? (
        <AssignmentForm
          key={generation}
          settings={base}
          canEdit={canEdit}
          areas={query.data.areas}
          staff={prefs.data?.owners ?? []}
          onDirtyChange={setDirty}
          onDiscard={() => void discard()}
          onSaved={onSaved}
        />
      ) : (
        <p className="muted">{query.isError ? errorText(t, toIpcError(query.error)) : t('common.loading')}</p>
      )}
    </section>
  );
}
