/** The language of the app's own chrome from the system locale (Electron's app.getLocale()). */
export { languageOfLocale as uiLanguage } from '../../shared/language';
