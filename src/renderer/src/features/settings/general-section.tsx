import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prefs } from '../../../../shared/domain/prefs';
import { isLanguage, LANGUAGES } from '../../../../shared/language';
import { useLanguageChoice } from '../../app/language-choice';
import { useNotices } from '../../app/notice-context';
import { errorText } from '../../i18n/error-text';
import { systemLanguage } from '../../i18n';
import { toIpcError } from '../../lib/ipc';
import { usePrefs } from '../../lib/use-prefs';
import { GeneralForm, type GeneralPart } from './general-form';
import { HandOverButton, useMayHandOver } from './handover-button';
import { HandOverDialog } from './handover-dialog';
import { useSavedForm } from './use-form-base';
import { SearchSelect } from '../../components/search-select';

interface Props {
  /** General (language, today's fair), Sales staff, or the backup schedule: each its own tab and save. */
  part: GeneralPart;
  confirmDiscard: () => Promise<boolean>;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * General: the UI language (applied and saved at once), the sales staff offered as owners,
 * today's trade fair and the automatic backups. All kept in the database (prefs).
 */
export function GeneralSection({ part, confirmDiscard, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const languageId = useId();
  const languageHintId = useId();
  const handOverNoteId = useId();
  const mayHandOver = useMayHandOver();
  // The hand-over dialog, open for a salesperson ('' = chosen in it); null: closed.
  const [handOverFrom, setHandOverFrom] = useState<string | null>(null);
  const notices = useNotices();
  const query = usePrefs();
  const choose = useLanguageChoice();
  // Preferences saved elsewhere (or the data reloading after a change) refresh the form unless it has changes.
  const { base, generation, setDirty, adopt, discard } = useSavedForm<Prefs>(
    query.data,
    onDirtyChange,
    confirmDiscard,
    (d, b) => JSON.stringify(d) !== JSON.stringify(b),
  );

  const onSaved = (saved: Prefs) => {
    notices.announce(t(`settings.general.savedParts.${part}`));
    adopt(saved);
  };

  const language = query.data?.language ?? null;
  const system = systemLanguage();

  return (
    <section className="settings-section settings-general" aria-labelledby={titleId}>
      <div className="settings-section-header">
        <h2 id={titleId} className="section-title">
          {t(`settings.general.titles.${part}`)}
        </h2>
      </div>
      {part === 'general' ? <p className="muted settings-intro">{t('settings.general.intro')}</p> : null}
      {part === 'general' ? (
        <div className="field general-language">
          <label htmlFor={languageId} className="field-label">
            {t('settings.general.language')}
          </label>
          <SearchSelect
            id={languageId}
            aria-describedby={languageHintId}
            value={language ?? ''}
            disabled={!query.data}
            options={[
              { value: '', label: t('settings.general.followSystem', { language: t(`language.${system}`) }) },
              ...LANGUAGES.map((lang) => ({ value: lang, label: t(`language.${lang}`) })),
            ]}
            onChange={(value) => {
              const choice = isLanguage(value) ? value : null;
              void choose(choice).then((saved) => saved && notices.announce(t('settings.general.languageSaved')));
            }}
          />
          <p id={languageHintId} className="field-hint">
            {t('settings.general.languageHint')}
          </p>
        </div>
      ) : null}
      {part === 'staff' ? (
        <div className="handover-entry">
          <p className="muted settings-intro">{t('settings.handOver.intro')}</p>
          {mayHandOver ? null : (
            <p id={handOverNoteId} className="inline-notice">
              {t('settings.handOver.managersOnly')}
            </p>
          )}
          <div>
            <HandOverButton
              text={t('settings.handOver.open')}
              blocked={!mayHandOver}
              noteId={handOverNoteId}
              onOpen={() => setHandOverFrom('')}
            />
          </div>
        </div>
      ) : null}
      {base ? (
        <GeneralForm
          key={generation}
          part={part}
          prefs={base}
          onDirtyChange={setDirty}
          onDiscard={() => void discard()}
          onSaved={onSaved}
          handOver={part === 'staff' ? { blocked: !mayHandOver, noteId: handOverNoteId, onOpen: setHandOverFrom } : undefined}
        />
      ) : (
        <p className="muted">{query.isError ? errorText(t, toIpcError(query.error)) : t('common.loading')}</p>
      )}
      {handOverFrom !== null ? <HandOverDialog from={handOverFrom} onClose={() => setHandOverFrom(null)} /> : null}
    </section>
  );
}
