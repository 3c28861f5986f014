/** The app's two languages, spelled the same everywhere: the page, main's menus and dialogs, the preference. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** zh-CN for any Chinese locale (zh, zh-CN, zh-TW, zh_Hans…), en otherwise. */
export function languageOfLocale(locale: string | undefined): Language {
  return typeof locale === 'string' && /^zh(?:[-_]|$)/i.test(locale.trim()) ? 'zh-CN' : 'en';
}
