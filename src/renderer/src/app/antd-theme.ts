import { theme, type ThemeConfig } from 'antd';

/**
 * Ant Design's theme, close to the app's own look (styles/base.css: its colours, font, 6px corners,
 * 30px controls). One description serves two places:
 * - the build (scripts/antd-static-style.ts) renders antd's components with it in Node and writes
 *   their CSS into a stylesheet of the bundle (the light theme, and the dark one under
 *   prefers-color-scheme: dark, as base.css does);
 * - the page (app/antd-provider.tsx) gives antd the same theme with `zeroRuntime`, so antd
 *   generates no style at run time: the page's CSP allows no inline style (style-src 'self').
 * Both must name the same CSS variable key: antd marks each component with it as a class, and the
 * stylesheet's variables hang on that class.
 */
export const ANTD_CSS_VAR_KEY = 'exportdesk-antd';

/** The app's font stack (base.css --font-ui). */
const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', system-ui, sans-serif";

const SHARED: ThemeConfig = {
  // No hashed class: the stylesheet is made once at build time, and there is one theme on the page.
  hashed: false,
  cssVar: { key: ANTD_CSS_VAR_KEY },
};

const SHARED_TOKENS = { fontFamily: FONT, fontSize: 14, borderRadius: 6, controlHeight: 30 } as const;

/** base.css :root, light. */
export const LIGHT_THEME: ThemeConfig = {
  ...SHARED,
  token: {
    ...SHARED_TOKENS,
    colorPrimary: '#1f5fbf',
    // antd derives a lighter hover (#417dcc, 4.2:1 on white): a text that darkens keeps 4.5:1 (WCAG 1.4.3).
    colorPrimaryHover: '#1b56ad',
    colorPrimaryActive: '#184f9e',
    colorLink: '#1f5fbf',
    colorLinkHover: '#1b56ad',
    colorLinkActive: '#184f9e',
    colorError: '#b42318',
    colorSuccess: '#166c3d',
    colorWarning: '#8a4f00',
    colorText: '#1c2330',
    colorTextSecondary: '#5b6677',
    colorBorder: '#b9c0ca',
    colorBorderSecondary: '#d9dde3',
    colorBgContainer: '#ffffff',
    colorBgElevated: '#ffffff',
  },
};

/** base.css :root under prefers-color-scheme: dark (antd's dark algorithm tones the primary colour down a little). */
export const DARK_THEME: ThemeConfig = {
  ...SHARED,
  algorithm: theme.darkAlgorithm,
  token: {
    ...SHARED_TOKENS,
    colorPrimary: '#5b9bff',
    colorLink: '#5b9bff',
    colorError: '#ff7b6e',
    colorSuccess: '#4cc38a',
    colorWarning: '#e3a44a',
    colorText: '#e6e9ee',
    colorTextSecondary: '#a0a9b8',
    colorBorder: '#4a5363',
    colorBorderSecondary: '#343b47',
    colorBgContainer: '#1c2027',
    colorBgElevated: '#242a33',
  },
};

/** What the page gives antd's ConfigProvider: the light theme's key and tokens, and no run-time styles. */
export const PAGE_THEME: ThemeConfig = { ...LIGHT_THEME, zeroRuntime: true };
