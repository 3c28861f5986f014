import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchSelect } from '../components/search-select';
import { LANGUAGES, currentLanguage } from '../i18n';
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
      <SearchSelect
        id={id}
        value={value}
        options={LANGUAGES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
        onChange={(v) => {
          const lang = LANGUAGES.find((l) => l === v);
          if (lang) void choose(lang);
        }}
      />
    </div>
  );
}
