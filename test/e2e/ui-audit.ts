import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { createInstance, type TFunction } from 'i18next';
import { enResources, FEATURE_NAMESPACES } from '../../src/renderer/src/i18n/en';
import { zhCN } from '../../src/renderer/src/i18n/zh-CN';

/**
 * The checks of the UI audit (ui-audit.spec.ts), each run on one "state" of the app (a page, a
 * dialog, a panel) as the user sees it:
 * - axe-core, WCAG 2.0/2.1 A and AA plus label-content-name-mismatch: no critical or serious violation;
 * - layout: no text cut off by its box, no control covered by another element (layoutProblems);
 * - focus: the focused element shows a ring that no ancestor clips, and nothing covers it (focusProblem);
 * - a screenshot of each state, attached to the test and written under test-results/ui-audit/.
 */

export type Lang = 'en' | 'zh-CN';
export const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;
export type Size = (typeof SIZES)[number];

/** The app's own texts (the renderer's resources), so a spec finds controls by the names users see, in either language. */
export async function textsOf(lang: Lang): Promise<TFunction> {
  const i = createInstance();
  await i.init({
    resources: { en: enResources, 'zh-CN': zhCN },
    ns: ['common', ...FEATURE_NAMESPACES],
    defaultNS: 'common',
    fallbackNS: FEATURE_NAMESPACES,
    lng: lang,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return i.t;
}

/** One problem found in one state. */
export interface Finding {
  state: string;
  check: 'axe' | 'overflow' | 'covered' | 'focus-ring' | 'focus-obscured' | 'focus-return';
  detail: string;
}

export function formatFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `[${f.check}] ${f.state}: ${f.detail}`).join('\n');
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core on the page, or only inside `include` (a dialog: the page behind it is inert and was
 * checked as a page state of its own). Critical and serious violations only.
 */
/**
 * The rules whose outcome depends on the language of the texts (the markup, roles and colours are
 * the same in every language): a second language is checked with these only, unless UI_AUDIT_ALL=1.
 */
export const AXE_LANGUAGE_RULES = ['label-content-name-mismatch', 'html-has-lang', 'html-lang-valid', 'valid-lang'];

export async function axeFindings(page: Page, state: string, include?: string, onlyRules?: readonly string[]): Promise<Finding[]> {
  // Legacy mode runs axe in the page itself (one pass); the default's finishRun opens a page of its own per
  // call, for cross-origin frames this app does not have, and takes most of the time.
  let builder = new AxeBuilder({ page }).setLegacyMode(true);
  builder = onlyRules ? builder.withRules([...onlyRules]) : builder.withTags(AXE_TAGS);
  builder = builder.options({ rules: { 'label-content-name-mismatch': { enabled: true } }, resultTypes: ['violations'] });
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  const out: Finding[] = [];
  for (const v of result.violations) {
    if (v.impact !== 'critical' && v.impact !== 'serious') continue;
    for (const node of v.nodes) {
      const summary = (node.failureSummary ?? '').split('\n').slice(1).join(' ').trim();
      out.push({ state, check: 'axe', detail: `${v.id} (${v.impact}) at ${node.target.join(' ')}: ${summary}` });
    }
  }
  return out;
}

/**
 * Layout problems in the page (or inside `scope`), found by a function run in the page.
 *
 * Text cut off. An element that holds text of its own (a non-blank text node child) is an offender
 * when that text does not fit a box that clips it, unless the cut is deliberate and loses nothing:
 * - its own box clips it (overflow hidden/clip; or auto/scroll sideways: a line of text that needs
 *   a sideways scrollbar) and its content is wider (scrollWidth > clientWidth + 1) or, clipped
 *   vertically, taller (scrollHeight > clientHeight + 1) than the box;
 * - or an ancestor with overflow hidden/clip cuts the text's own rectangle by more than 1px, with no
 *   scrolling container in between (text a scrolling container holds is reached by scrolling);
 * - allowed: text-overflow: ellipsis (or -webkit-line-clamp) when the whole text is available, as a
 *   title or aria-label of the element or an ancestor up to its cell or control; and in the cells of
 *   a data grid (role=gridcell), whose columns can be widened and whose rows open in full;
 * - not checked: form fields' values (an input scrolls its value by design), visually hidden text
 *   (1px clip) and text outside the viewport.
 *
 * Covered controls. Each visible control (button, input, select, textarea, a[href], [role=button],
 * [tabindex]) is scrolled into view at the top and then at the bottom of its scrolling ancestors, as
 * Tab and Shift+Tab bring it; at each, document.elementFromPoint at the centre of its visible part
 * (its box cut by the viewport and by clipping ancestors) must be the control, inside it, or inside
 * the widget that draws it (its label, an Ant Design select, picker or checkbox); a confirmation
 * toast (role=status, gone by itself in seconds) is let pass, an error that stays is not. Controls of the
 * same structure (the same CSS path) are checked three times at most; scroll positions are put back.
 */
export async function layoutProblems(page: Page, state: string, scope?: string): Promise<Finding[]> {
  const found = await page.evaluate((scope) => {
    /** A short CSS path of an element, for the report. */
    const path = (el: Element): string => {
      const parts: string[] = [];
      for (let n: Element | null = el; n && parts.length < 4; n = n.parentElement) {
        let s = n.tagName.toLowerCase();
        if (n.id && !/^(:|«|_r_)/.test(n.id)) {
          parts.unshift(`${s}#${n.id}`);
          break;
        }
        const cls = Array.from(n.classList)
          .filter((c) => !/^(css-|ant-.*-(focused|active|hover)$)/.test(c))
          .slice(0, 2);
        if (cls.length) s += `.${cls.join('.')}`;
        const role = n.getAttribute('role');
        if (role) s += `[role=${role}]`;
        parts.unshift(s);
      }
      return parts.join(' > ');
    };
    const root: Element = (scope ? document.querySelector(scope) : null) ?? document.body;
    const out: { check: 'overflow' | 'covered'; detail: string }[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;

    const visible = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) return false;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return false;
      // A dialog's checks stay inside it; a page's skip what a dialog made inert.
      return Boolean(scope) || !el.closest('[aria-hidden="true"], [inert]');
    };
    const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
    const ownText = (el: Element) =>
      Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
        .map((n) => n.textContent)
        .join(' ')
        .trim();
    const scrolls = (v: string) => v === 'auto' || v === 'scroll';
    const clips = (v: string) => v === 'hidden' || v === 'clip';
    const visuallyHidden = (el: Element) => {
      for (let n: Element | null = el; n; n = n.parentElement) {
        const r = n.getBoundingClientRect();
        const cs = getComputedStyle(n);
        if ((r.width <= 1 || r.height <= 1) && cs.overflow !== 'visible') return true;
        if (cs.clip && cs.clip !== 'auto') return true;
      }
      return false;
    };
    /** Whether the whole text is available elsewhere: a title or aria-label, up to the cell or control around it. */
    const fullTextElsewhere = (el: Element, text: string) => {
      for (let n: Element | null = el; n; n = n.parentElement) {
        const title = n.getAttribute('title') ?? '';
        const label = n.getAttribute('aria-label') ?? '';
        if ((title && title.includes(text.slice(0, 40))) || (label && label.includes(text.slice(0, 40)))) return true;
        if (n.matches('td, th, [role=gridcell], [role=columnheader], button, a, label, li')) break;
      }
      return false;
    };
    const ellipsis = (cs: CSSStyleDeclaration) =>
      cs.textOverflow === 'ellipsis' || (cs.getPropertyValue('-webkit-line-clamp') || 'none') !== 'none';
    const lossless = (el: Element, cs: CSSStyleDeclaration, text: string) =>
      ellipsis(cs) && (fullTextElsewhere(el, text) || Boolean(el.closest('[role=gridcell]')));

    // ---- Text cut off.
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
      if (el.matches('input, textarea, select, option, script, style, svg *, canvas')) continue;
      if (!ownText(el) || !visible(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      const tr = range.getBoundingClientRect();
      if (tr.right < 0 || tr.bottom < 0 || tr.left > vw || tr.top > vh) continue;
      if (visuallyHidden(el)) continue;
      const cs = getComputedStyle(el);
      const text = textOf(el);
      const overX = el.scrollWidth > el.clientWidth + 1 && (clips(cs.overflowX) || scrolls(cs.overflowX));
      const overY = el.scrollHeight > el.clientHeight + 1 && clips(cs.overflowY);
      if ((overX || overY) && !lossless(el, cs, text)) {
        out.push({
          check: 'overflow',
          detail: `"${text}" at ${path(el)}: ${overX ? `needs ${el.scrollWidth}px wide, has ${el.clientWidth}px` : `needs ${el.scrollHeight}px high, has ${el.clientHeight}px`} (overflow ${cs.overflowX}/${cs.overflowY})`,
        });
        continue;
      }
      if (tr.width < 1 || tr.height < 1) continue;
      // What is drawn of the text: its own box cuts it where it clips (an ellipsis, checked above).
      const er = el.getBoundingClientRect();
      const [ownL, ownT] = [er.left + el.clientLeft, er.top + el.clientTop];
      const shown = {
        left: cs.overflowX === 'visible' ? tr.left : Math.max(tr.left, ownL),
        right: cs.overflowX === 'visible' ? tr.right : Math.min(tr.right, ownL + el.clientWidth),
        top: cs.overflowY === 'visible' ? tr.top : Math.max(tr.top, ownT),
        bottom: cs.overflowY === 'visible' ? tr.bottom : Math.min(tr.bottom, ownT + el.clientHeight),
      };
      // That against ancestors that clip, up to the first that scrolls (per axis).
      let checkX = !scrolls(cs.overflowX);
      let checkY = !scrolls(cs.overflowY);
      for (let a = el.parentElement; a && a !== document.body && (checkX || checkY); a = a.parentElement) {
        const acs = getComputedStyle(a);
        const x = checkX && clips(acs.overflowX);
        const y = checkY && clips(acs.overflowY);
        if (x || y) {
          if (lossless(a, acs, text)) break;
          const ar = a.getBoundingClientRect();
          const left = ar.left + a.clientLeft;
          const top = ar.top + a.clientTop;
          const cutX = x && (shown.left < left - 1 || shown.right > left + a.clientWidth + 1);
          const cutY = y && (shown.top < top - 1 || shown.bottom > top + a.clientHeight + 1);
          if (cutX || cutY) {
            out.push({
              check: 'overflow',
              detail: `"${text}" at ${path(el)}: cut by ${path(a)} (overflow ${acs.overflowX}/${acs.overflowY})`,
            });
            break;
          }
        }
        if (scrolls(acs.overflowX)) checkX = false;
        if (scrolls(acs.overflowY)) checkY = false;
      }
    }

    // ---- Covered controls.
    const saved = new Map<Element, [number, number]>();
    const remember = (el: Element) => {
      for (let n: Element | null = el.parentElement; n; n = n.parentElement)
        if (!saved.has(n) && (n.scrollHeight > n.clientHeight || n.scrollWidth > n.clientWidth)) saved.set(n, [n.scrollTop, n.scrollLeft]);
    };
    /** The part of the element's box that can be seen: cut by the viewport and by every ancestor that clips or scrolls. */
    const visibleBox = (el: Element) => {
      // An inline element broken over lines (a long link) is its largest fragment.
      const r = Array.from(el.getClientRects()).sort((a, b) => b.width * b.height - a.width * a.height)[0] ?? el.getBoundingClientRect();
      let [l, t, rr, b] = [Math.max(0, r.left), Math.max(0, r.top), Math.min(vw, r.right), Math.min(vh, r.bottom)];
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const acs = getComputedStyle(a);
        if (acs.overflowX === 'visible' && acs.overflowY === 'visible') continue;
        const ar = a.getBoundingClientRect();
        const left = ar.left + a.clientLeft;
        const top = ar.top + a.clientTop;
        if (acs.overflowX !== 'visible') [l, rr] = [Math.max(l, left), Math.min(rr, left + a.clientWidth)];
        if (acs.overflowY !== 'visible') [t, b] = [Math.max(t, top), Math.min(b, top + a.clientHeight)];
      }
      return rr - l >= 2 && b - t >= 2 ? { x: (l + rr) / 2, y: (t + b) / 2 } : null;
    };
    const widget = (el: Element) =>
      el.closest(
        'label, .ant-select, .ant-picker, .ant-input-affix-wrapper, .ant-input-number, .ant-checkbox-wrapper, .ant-radio-wrapper, .ant-switch, .ant-segmented-item',
      );
    /** Within a layer of confirmations that go by themselves (antd's notifications, no alert among them). */
    const transient = (hit: Element) => {
      const layer = hit.closest('.ant-notification') ?? hit.closest('[role="status"]');
      return Boolean(layer) && !layer?.querySelector('[role="alert"]') && !layer?.matches('[role="alert"]');
    };
    const structure = (el: Element) => path(el).replace(/#[^ >]+/g, '');
    const checked = new Map<string, number>();
    const controls = root.querySelectorAll(
      'button, input:not([type=hidden]), select, textarea, a[href], [role=button], [tabindex]:not([tabindex="-1"])',
    );
    for (const el of Array.from(controls)) {
      if (!visible(el) || visuallyHidden(el)) continue;
      const kind = structure(el);
      const n = checked.get(kind) ?? 0;
      if (n >= 3) continue;
      checked.set(kind, n + 1);
      remember(el);
      for (const block of ['start', 'end'] as const) {
        el.scrollIntoView({ block, inline: 'nearest' });
        const at = visibleBox(el);
        if (!at) continue;
        const hit = document.elementFromPoint(at.x, at.y);
        if (!hit || el.contains(hit) || widget(el)?.contains(hit)) continue;
        // A confirmation that goes by itself (role=status, a few seconds) passes over what it covers.
        if (transient(hit)) continue;
        // A label drawn over its own control (a custom checkbox) is the control for the user.
        const label = hit.closest('label');
        if (label && (label as HTMLLabelElement).control === el) continue;
        out.push({
          check: 'covered',
          detail: `"${textOf(el) || el.getAttribute('aria-label') || ''}" at ${path(el)} is covered by ${path(hit)} "${textOf(hit).slice(0, 40)}" (scrolled to the ${block})`,
        });
        break;
      }
    }
    for (const [n, [top, left]] of [...saved].reverse()) {
      n.scrollTop = top;
      n.scrollLeft = left;
    }
    return out;
  }, scope);
  return found.map((f) => ({ state, ...f }));
}

/**
 * The focused element's focus indicator: an outline (style not none, width > 0) or a box-shadow on
 * it or on the widget drawing it (Ant Design puts it on the select's or picker's frame); the ring's
 * box (outline width and offset, or the shadow's spread) must lie inside every ancestor that clips
 * (overflow other than visible); and the element's centre must not be covered (focus not obscured).
 * Returns null when it is fine, else what is wrong; `body` when nothing is focused.
 */
export async function focusProblem(page: Page): Promise<{ check: 'focus-ring' | 'focus-obscured'; detail: string } | null | 'body'> {
  return page.evaluate(() => {
    /** A short CSS path of an element, for the report. */
    const path = (el: Element): string => {
      const parts: string[] = [];
      for (let n: Element | null = el; n && parts.length < 4; n = n.parentElement) {
        let s = n.tagName.toLowerCase();
        if (n.id && !/^(:|«|_r_)/.test(n.id)) {
          parts.unshift(`${s}#${n.id}`);
          break;
        }
        const cls = Array.from(n.classList)
          .filter((c) => !/^(css-|ant-.*-(focused|active|hover)$)/.test(c))
          .slice(0, 2);
        if (cls.length) s += `.${cls.join('.')}`;
        const role = n.getAttribute('role');
        if (role) s += `[role=${role}]`;
        parts.unshift(s);
      }
      return parts.join(' > ');
    };
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return 'body' as const;
    const labels = (el as HTMLInputElement).labels;
    const name = (
      el.getAttribute('aria-label') ||
      (labels?.[0]?.textContent ?? '') ||
      el.textContent ||
      (el as HTMLInputElement).placeholder ||
      ''
    )
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60);
    const where = `"${name}" at ${path(el)}`;
    const ring = (n: Element): { box: DOMRect; kind: string } | null => {
      const cs = getComputedStyle(n);
      const r = n.getBoundingClientRect();
      const width = parseFloat(cs.outlineWidth) || 0;
      if (cs.outlineStyle !== 'none' && width > 0) {
        const out = width + (parseFloat(cs.outlineOffset) || 0);
        return { box: new DOMRect(r.left - out, r.top - out, r.width + 2 * out, r.height + 2 * out), kind: 'outline' };
      }
      if (cs.boxShadow && cs.boxShadow !== 'none') {
        // The largest spread of the non-inset shadows (an inset one lies inside the box).
        let spread = 0;
        for (const part of cs.boxShadow.split(/,(?![^(]*\))/)) {
          if (/inset/.test(part)) continue;
          const lengths = part.replace(/rgba?\([^)]*\)|color\([^)]*\)|#[0-9a-f]+/gi, '').match(/-?[\d.]+px/g) ?? [];
          spread = Math.max(spread, parseFloat(lengths[3] ?? '0') + Math.max(0, parseFloat(lengths[2] ?? '0')));
        }
        return { box: new DOMRect(r.left - spread, r.top - spread, r.width + 2 * spread, r.height + 2 * spread), kind: 'box-shadow' };
      }
      return null;
    };
    const drawnBy = el.closest(
      '.ant-select, .ant-picker, .ant-input-affix-wrapper, .ant-input-number, .ant-checkbox-wrapper, .ant-radio-wrapper',
    );
    const candidates: Element[] = [el];
    if (drawnBy && drawnBy !== el) {
      candidates.push(drawnBy);
      drawnBy.querySelectorAll('.ant-select-selector, .ant-checkbox-inner, .ant-radio-inner').forEach((n) => candidates.push(n));
    }
    let found: { box: DOMRect; kind: string; on: Element } | null = null;
    for (const c of candidates) {
      const r = ring(c);
      if (r) {
        found = { ...r, on: c };
        break;
      }
    }
    if (!found) return { check: 'focus-ring' as const, detail: `${where} shows no focus indicator (no outline, no box-shadow)` };
    const own = found.on.getBoundingClientRect();
    let [fitsX, fitsY] = [true, true];
    for (let a = found.on.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
      const ar = a.getBoundingClientRect();
      const left = ar.left + a.clientLeft;
      const top = ar.top + a.clientTop;
      const right = left + a.clientWidth;
      const bottom = top + a.clientHeight;
      const b = found.box;
      // An element wider (taller) than the container it scrolls in cannot show its whole ring on that axis, there or
      // in the boxes around it: a data grid's row whose columns run past the view shows it along the part in view
      // (the check below wants that part seen).
      if (/auto|scroll/.test(cs.overflowX) && own.width > a.clientWidth) fitsX = false;
      if (/auto|scroll/.test(cs.overflowY) && own.height > a.clientHeight) fitsY = false;
      const clipsX = fitsX && cs.overflowX !== 'visible';
      const clipsY = fitsY && cs.overflowY !== 'visible';
      const cut = [
        clipsX && b.left < left - 0.5 ? `left ${(left - b.left).toFixed(1)}px` : '',
        clipsX && b.right > right + 0.5 ? `right ${(b.right - right).toFixed(1)}px` : '',
        clipsY && b.top < top - 0.5 ? `top ${(top - b.top).toFixed(1)}px` : '',
        clipsY && b.bottom > bottom + 0.5 ? `bottom ${(b.bottom - bottom).toFixed(1)}px` : '',
      ].filter(Boolean);
      if (cut.length)
        return {
          check: 'focus-ring' as const,
          detail: `${where}: its ${found.kind} is clipped by ${path(a)} (overflow ${cs.overflowX}/${cs.overflowY}; ${cut.join(', ')})`,
        };
    }
    // The centre of its visible part (a wide row is cut by its scrolling container; a link broken over lines is its largest fragment).
    const r = Array.from(el.getClientRects()).sort((a, b) => b.width * b.height - a.width * a.height)[0] ?? el.getBoundingClientRect();
    let [l, t, rr, b] = [
      Math.max(0, r.left),
      Math.max(0, r.top),
      Math.min(window.innerWidth, r.right),
      Math.min(window.innerHeight, r.bottom),
    ];
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const acs = getComputedStyle(a);
      const ar = a.getBoundingClientRect();
      if (acs.overflowX !== 'visible')
        [l, rr] = [Math.max(l, ar.left + a.clientLeft), Math.min(rr, ar.left + a.clientLeft + a.clientWidth)];
      if (acs.overflowY !== 'visible') [t, b] = [Math.max(t, ar.top + a.clientTop), Math.min(b, ar.top + a.clientTop + a.clientHeight)];
    }
    if (rr - l < 1 || b - t < 1) return { check: 'focus-obscured' as const, detail: `${where} is out of sight (scrolled away or clipped)` };
    const hit = document.elementFromPoint((l + rr) / 2, (t + b) / 2);
    if (
      hit &&
      !el.contains(hit) &&
      !drawnBy?.contains(hit) &&
      !(hit.closest('.ant-notification') ?? hit.closest('[role="status"]'))?.matches(':not(:has([role="alert"]))') &&
      !(hit.closest('label') as HTMLLabelElement | null)?.control?.isSameNode(el)
    )
      return { check: 'focus-obscured' as const, detail: `${where} is covered by ${path(hit)}` };
    return null;
  });
}

const SHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'ui-audit');

/** A screenshot of the state, attached to the test and written to test-results/ui-audit/<lang>-<w>x<h>/<state>.png. */
export async function screenshot(page: Page, testInfo: TestInfo, lang: Lang, size: Size, state: string): Promise<void> {
  const body = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  const dir = join(SHOTS, `${lang}-${size.width}x${size.height}`);
  mkdirSync(dir, { recursive: true });
  const file = state.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  writeFileSync(join(dir, `${file}.png`), body);
  // UI_AUDIT_LOG=<folder> keeps a copy out of test-results (which the next run clears).
  if (process.env.UI_AUDIT_LOG) {
    const copy = join(process.env.UI_AUDIT_LOG, `${lang}-${size.width}x${size.height}`);
    mkdirSync(copy, { recursive: true });
    writeFileSync(join(copy, `${file}.png`), body);
  }
  await testInfo.attach(`${lang}-${size.width}x${size.height}-${file}`, { body, contentType: 'image/png' });
}

/** Whether `locator` is the focused element (read at once, no waiting). */
export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement).catch(() => false);
}
