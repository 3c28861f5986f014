import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, type Language } from '../i18n';
import { useLanguageChoice } from './language-choice';

/** Chooses the UI language; the choice is saved in the database, so it is kept across restarts. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const choose = useLanguageChoice();
  const value = i18n.language === 'zh-CN' || i18n.language === 'en' ? i18n.language : currentLanguage();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={value} onChange={(e) => void choose(e.target.value as Language)}>
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
