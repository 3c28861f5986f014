import { useSyncExternalStore } from 'react';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** 'dark' or 'light', following the system setting as the app's CSS does. */
export function useColorScheme(): 'dark' | 'light' {
  return useSyncExternalStore(
    subscribe,
    () => (window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light'),
    () => 'light',
  );
}

const PALETTE_SIZE = 8;

/**
 * An ECharts theme built from the app's CSS variables as they apply at `el` (colours of the
 * current light or dark scheme, the UI font), so canvas charts match the HTML around them.
 * The series palette is --chart-1 … --chart-8 (styles/dashboard.css).
 */
export function themeFromCss(el: Element): object {
  const style = getComputedStyle(el);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const text = v('--text', '#1c2330');
  const muted = v('--text-muted', '#5b6677');
  const border = v('--border', '#d9dde3');
  const strong = v('--border-strong', '#b9c0ca');
  const surface = v('--surface', '#ffffff');
  const font = v('--font-ui', 'sans-serif');
  const palette = Array.from({ length: PALETTE_SIZE }, (_, i) => v(`--chart-${i + 1}`, '')).filter(Boolean);
  const axis = {
    axisLine: { lineStyle: { color: strong } },
    axisTick: { lineStyle: { color: strong } },
    axisLabel: { color: muted },
    nameTextStyle: { color: muted },
    splitLine: { lineStyle: { color: [border] } },
  };
  return {
    ...(palette.length ? { color: palette } : {}),
    backgroundColor: 'transparent',
    textStyle: { fontFamily: font, color: text },
    legend: { textStyle: { color: text } },
    categoryAxis: axis,
    valueAxis: axis,
    tooltip: { backgroundColor: surface, borderColor: border, textStyle: { color: text, fontFamily: font } },
  };
}
