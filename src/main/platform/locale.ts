/** The two languages of the app's own chrome (menus, dialogs shown by main). */
export type UiLanguage = 'zh' | 'en';

/** zh for any Chinese locale (zh, zh-CN, zh-TW, zh-Hans…), en otherwise. */
export function uiLanguage(locale: string | undefined): UiLanguage {
  return typeof locale === 'string' && /^zh(?:[-_]|$)/i.test(locale.trim()) ? 'zh' : 'en';
}
