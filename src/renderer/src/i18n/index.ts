import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enResources, FEATURE_NAMESPACES } from './en';
import { zhCN } from './zh-CN';

import { isLanguage, LANGUAGES, type Language } from '../../../shared/language';

export { LANGUAGES, type Language };

const STORAGE_KEY = 'exportdesk.language';

function storedLanguage(): Language | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

/** The system's language: zh-CN for a Chinese system, else English. */
export function systemLanguage(): Language {
  const system = typeof navigator === 'undefined' ? '' : navigator.language;
  return system.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The language of the first paint: the choice cached in this browser profile, else the system's.
 * The database's preference (prefs.language) is the source of truth; it is applied as soon as it
 * is read (applyLanguageChoice), and the cache only spares a flash of the other language.
 */
export function initialLanguage(): Language {
  return storedLanguage() ?? systemLanguage();
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** Shows the UI in a chosen language (null: the system's) and caches the choice for the next first paint. */
export function applyLanguageChoice(choice: Language | null): void {
  try {
    if (choice) window.localStorage.setItem(STORAGE_KEY, choice);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage unavailable (private mode): the database still holds the choice
  }
  const lang = choice ?? systemLanguage();
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
}

/** Switches the UI language in this window (the app saves the choice with prefs.save: see useLanguageChoice). */
export function setLanguage(lang: Language): void {
  applyLanguageChoice(lang);
}

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  // One namespace per feature (its strings.*.ts), plus 'common'; a key is looked up in 'common', then
  // in the features' namespaces, so t('surveys.title') finds the surveys namespace's surveys.title.
  resources: { en: enResources, 'zh-CN': zhCN },
  ns: ['common', ...FEATURE_NAMESPACES],
  defaultNS: 'common',
  fallbackNS: FEATURE_NAMESPACES,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

export default i18n;
