import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, setLanguage, type Language } from '../i18n';

/** Chooses the UI language; the choice is remembered across restarts. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const value = i18n.language === 'zh-CN' || i18n.language === 'en' ? i18n.language : currentLanguage();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={value} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
