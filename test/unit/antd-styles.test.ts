import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { antdStylesheet, hasStaticStyle, isAntdSelector, selectorList, topLevelRules } from '../../scripts/antd-static-style';
import { ANTD_CSS_VAR_KEY } from '../../src/renderer/src/app/antd-theme';

const RENDERER = resolve(import.meta.dirname, '../../src/renderer/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The names the renderer imports from 'antd' itself (types left out). */
function antdImports(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(RENDERER)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'antd'/g)) {
      if (m[1]) continue;
      for (const part of (m[2] ?? '').split(',')) {
        const name = part.trim();
        if (!name || name.startsWith('type ')) continue;
        const imported = name.split(/\s+as\s+/)[0] ?? name;
        found.set(imported, [...(found.get(imported) ?? []), file.slice(RENDERER.length + 1)]);
      }
    }
  }
  return found;
}

describe("antd's build-time stylesheet (the page's CSP allows no run-time styles)", () => {
  it('covers every antd component the renderer imports (scripts/antd-static-style.ts STYLED_COMPONENTS)', () => {
    const imports = antdImports();
    expect(imports.has('DatePicker')).toBe(true);
    const missing = [...imports].filter(([name]) => !hasStaticStyle(name)).map(([name, files]) => `${name} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it("holds the pickers' styles, the theme's variables in light and dark, and no run-time theme key", () => {
    const css = antdStylesheet();
    expect(css).toContain('.ant-picker-dropdown');
    expect(css).toContain('.ant-btn');
    // The theme's variables hang on the key class the page gives antd (app/antd-theme.ts).
    const rules = topLevelRules(css);
    const light = rules.find((r) => r.prelude === `.${ANTD_CSS_VAR_KEY}`);
    expect(light?.body).toContain('--ant-color-primary:#1f5fbf;');
    const dark = rules.find((r) => r.prelude.startsWith('@media (prefers-color-scheme: dark)'));
    expect(dark?.body).toContain(`.${ANTD_CSS_VAR_KEY}{`);
    expect(dark?.body).toContain('--ant-color-bg-container:#1c2027;');
    expect(dark?.body).toContain('--ant-color-text:#e6e9ee;');
    // A key made by React's useId would not match the page's: every variable hangs on the fixed key.
    expect(css).not.toMatch(/\.css-var-/);
  });

  it("reaches only antd's elements: its link reset does not take the app's links or focus ring", () => {
    const selectors = (css: string): string[] =>
      topLevelRules(css).flatMap((rule) => {
        if (rule.prelude.startsWith('@keyframes')) return [];
        if (rule.prelude.startsWith('@')) return selectors(rule.body);
        return selectorList(rule.prelude);
      });
    const all = selectors(antdStylesheet());
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((sel) => !isAntdSelector(sel))).toEqual([]);
    expect(all).toContain(`.${ANTD_CSS_VAR_KEY} a:focus-visible`);
  });
});
