import { StyleProvider } from '@ant-design/cssinjs';
import { ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';
import { isLanguage, type Language } from '../../../shared/language';
import { PAGE_THEME } from './antd-theme';

/** antd's texts (pickers' month and weekday names, "OK", "Now"…) in each UI language. */
const ANTD_LOCALES: Record<Language, Locale> = { en: enUS, 'zh-CN': zhCN };

/**
 * antd's buttons would show a two-character Chinese label spaced out ("更 多"): the text then no
 * longer matches the button's name ("更多（Acme）"), and a speech user says the label as written (WCAG 2.5.3).
 */
const BUTTON_CONFIG = { autoInsertSpace: false } as const;

/** dayjs's locale for each UI language (antd's pickers parse and format dates with dayjs). */
const DAYJS_LOCALES: Record<Language, string> = { en: 'en', 'zh-CN': 'zh-cn' };

const languageOf = (lng: string | undefined): Language => (isLanguage(lng) ? lng : 'en');

function followLanguage(lng: string | undefined): void {
  dayjs.locale(DAYJS_LOCALES[languageOf(lng)]);
}
// dayjs's global locale follows the UI language, switched at run time without a reload.
followLanguage(i18n.language);
i18n.on('languageChanged', followLanguage);

/**
 * Where antd would put the <style> elements it still writes at run time (its theme's CSS variables,
 * even with zeroRuntime): an element that is never attached to the document, so the styles apply
 * nowhere and the page's CSP (style-src 'self') has nothing to refuse. The same styles come from
 * the bundle's stylesheet (scripts/antd-static-style.ts).
 */
const DETACHED_STYLES = document.createElement('div');

/**
 * Ant Design for the whole renderer: the app's theme with no run-time styles, and antd's texts in
 * the app's language (not the system's), following a switch of language at once.
 */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  const language = languageOf(current.language);
  return (
    <StyleProvider container={DETACHED_STYLES}>
      <ConfigProvider theme={PAGE_THEME} locale={ANTD_LOCALES[language]} button={BUTTON_CONFIG}>
        {children}
      </ConfigProvider>
    </StyleProvider>
  );
}
