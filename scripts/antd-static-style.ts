/**
 * Ant Design's styles as a plain stylesheet, made at build time.
 *
 * antd writes its CSS from JavaScript at run time (CSS-in-JS: <style> elements), which the page's
 * CSP (`style-src 'self'`, no 'unsafe-inline') refuses. So the build renders the antd components the
 * renderer uses, in Node, with the app's theme (src/renderer/src/app/antd-theme.ts), collects the
 * CSS antd generates for them (@ant-design/cssinjs extractStyle) and serves it as the module
 * `virtual:antd.css`, which src/renderer/src/main.tsx imports: it ends up in the bundle's CSS file,
 * loaded from 'self'. The page runs antd with `zeroRuntime`, so antd generates nothing there.
 *
 * Only the components listed in STYLED_COMPONENTS get styles (a test checks that every antd
 * component the renderer imports is listed): about 100 kB instead of antd.css's whole 1 MB.
 */
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import {
  Alert,
  AutoComplete,
  Button,
  Checkbox,
  ConfigProvider,
  DatePicker,
  Descriptions,
  Drawer,
  Dropdown,
  Empty,
  Input,
  InputNumber,
  Modal,
  notification,
  Radio,
  Segmented,
  Select,
  Switch,
  Tag,
  Tooltip,
  Upload,
  Tabs,
  type ThemeConfig,
} from 'antd';
import { createElement as h, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { Plugin } from 'vite';
import { ANTD_CSS_VAR_KEY, DARK_THEME, LIGHT_THEME } from '../src/renderer/src/app/antd-theme';

/**
 * The antd components the renderer uses, each with what to render so that antd generates its styles
 * (a component registers all of its styles, its pop-up's included, when it renders at all). Add a
 * component here when the renderer starts using it.
 */
export const STYLED_COMPONENTS: Record<string, () => ReactElement[]> = {
  ConfigProvider: () => [],
  DatePicker: () => [h(DatePicker, { showTime: true })],
  // A picker's "OK" button is an antd Button.
  Button: () => [h(Button, null, 'OK')],
  // Closed, a Modal or a Dropdown still registers all its styles (a portal cannot render on the server),
  // with its variables under the theme's key; antd's "pure panels" would put them under a hashed class.
  Modal: () => [h(Modal, { open: false, title: 'T' }, 'x')],
  Drawer: () => [h(Drawer._InternalPanelDoNotUseOrYouWillBeFired, { title: 'T' }, 'x')],
  // The notification hook's holder renders no notice on the server; its panel registers the notice styles.
  notification: () => [h(notification._InternalPanelDoNotUseOrYouWillBeFired, { title: 'T' })],
  Input: () => [h(Input, { status: 'error' }), h(Input.TextArea)],
  Checkbox: () => [h(Checkbox, null, 'C')],
  Tabs: () => [h(Tabs, { items: [{ key: 'a', label: 'A' }] })],
  Dropdown: () => [h(Dropdown, { menu: { items: [{ key: 'a', label: 'A' }] } }, h(Button, null, 'B'))],
  // Closed, as a Modal: a select's or an AutoComplete's pop-up registers its styles under the theme's key.
  Select: () => [h(Select, { open: false, showSearch: true, options: [] })],
  AutoComplete: () => [h(AutoComplete, { open: false, options: [] })],
  Empty: () => [h(Empty, { image: Empty.PRESENTED_IMAGE_SIMPLE, description: 'x' })],
  Descriptions: () => [h(Descriptions, { bordered: true, size: 'small', column: 1, items: [{ key: 'a', label: 'A', children: 'x' }] })],
  Upload: () => [h(Upload.Dragger, { beforeUpload: () => false, showUploadList: false }, 'x')],
  // The public pool (#20): the grid's All / My customers / Pool (an option's tooltip is a Tooltip), the
  // panel's Pool tag, the rules' numbers and switches.
  Segmented: () => [h(Segmented, { size: 'small', options: [{ value: 'a', label: 'A', disabled: true, tooltip: 'T' }, 'b'] })],
  Tooltip: () => [h(Tooltip, { title: 'T', open: false }, h('span', null, 'x'))],
  Tag: () => [h(Tag, null, 'T')],
  InputNumber: () => [h(InputNumber, { status: 'error', disabled: true, controls: false })],
  Switch: () => [h(Switch, { size: 'small', disabled: true })],
  // The collision check (#20) under the New customer form and quick capture.
  Alert: () => [h(Alert, { type: 'warning', showIcon: true, title: 'T', description: 'x' })],
  // Lead assignment's fallback (#20): the public pool, or turns among chosen people.
  Radio: () => [
    h(Radio.Group, {
      value: 'a',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B', disabled: true },
      ],
    }),
  ],
};

/** antd exports that have no styles of their own (locales and theme helpers come from other modules). */
const UNSTYLED_EXPORTS = new Set(['theme']);

/** Whether an antd export the renderer imports is covered by the stylesheet. */
export function hasStaticStyle(name: string): boolean {
  return name in STYLED_COMPONENTS || UNSTYLED_EXPORTS.has(name);
}

/** The CSS antd generates for STYLED_COMPONENTS under one theme. */
function renderStyles(theme: ThemeConfig): string {
  const cache = createCache();
  const elements = Object.values(STYLED_COMPONENTS).flatMap((render) => render());
  renderToString(h(StyleProvider, { cache }, h(ConfigProvider, { theme }, ...elements)));
  return extractStyle(cache, { plain: true, types: ['style', 'token', 'cssVar'] });
}

interface Rule {
  prelude: string;
  body: string;
}

/** The top-level rules of a minified stylesheet (a block's braces balanced; no comments or strings with braces). */
export function topLevelRules(css: string): Rule[] {
  const rules: Rule[] = [];
  let depth = 0;
  let start = 0;
  let open = -1;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) {
        rules.push({ prelude: css.slice(start, open).trim(), body: css.slice(open + 1, i) });
        start = i + 1;
      }
    }
  }
  return rules;
}

/** A rule that only sets antd's CSS variables on the theme's key class (what differs between light and dark). */
const isThemeVariables = (rule: Rule) =>
  rule.prelude.startsWith(`.${ANTD_CSS_VAR_KEY}`) &&
  !rule.body.includes('{') &&
  rule.body
    .split(';')
    .filter((d) => d.trim())
    .every((d) => d.trim().startsWith('--'));

/** Selectors separated by top-level commas (not those inside :is(…), :not(…)). */
export function selectorList(prelude: string): string[] {
  const list: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < prelude.length; i++) {
    const c = prelude[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      list.push(prelude.slice(start, i).trim());
      start = i + 1;
    }
  }
  list.push(prelude.slice(start).trim());
  return list;
}

/** A selector that reaches only antd's own elements (its classes, or the theme's key class). */
export const isAntdSelector = (selector: string) =>
  new RegExp(`\\.(ant-|anticon|${ANTD_CSS_VAR_KEY}|data-ant-cssinjs-cache-path)`).test(selector);

/**
 * antd's shared reset styles every link of the page (a, a:hover, a:focus-visible…: colours from its
 * variables, no outline), which would take the app's own links and focus ring: each such selector is
 * kept to antd's elements, under the theme's key class that antd puts on every component.
 */
function scopeToAntd(rule: Rule): string {
  if (rule.prelude.startsWith('@')) return `${rule.prelude}{${rule.body}}`;
  const selectors = selectorList(rule.prelude).map((sel) => (isAntdSelector(sel) ? sel : `.${ANTD_CSS_VAR_KEY} ${sel}`));
  return `${selectors.join(',')}{${rule.body}}`;
}

/**
 * The stylesheet: every style of the light theme, kept to antd's elements, then the dark theme's
 * variables under prefers-color-scheme: dark (antd's component styles read colours only through
 * those variables).
 */
export function antdStylesheet(): string {
  const light = topLevelRules(renderStyles(LIGHT_THEME)).map(scopeToAntd).join('');
  const dark = topLevelRules(renderStyles(DARK_THEME)).filter(isThemeVariables);
  if (dark.length === 0) throw new Error(`antd styles: no theme variables found under .${ANTD_CSS_VAR_KEY}`);
  const darkCss = dark.map((r) => `${r.prelude}{${r.body}}`).join('');
  return `${light}\n@media (prefers-color-scheme: dark){${darkCss}}\n`;
}

const ID = 'virtual:antd.css';
const RESOLVED = `\0${ID}`;

/** A Vite plugin serving antdStylesheet() as `virtual:antd.css` (made once per build or dev server). */
export function antdStaticStyle(): Plugin {
  let css: string | undefined;
  return {
    name: 'exportdesk:antd-static-style',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      css ??= antdStylesheet();
      return css;
    },
  };
}
