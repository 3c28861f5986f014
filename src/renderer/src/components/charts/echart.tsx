import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { themeFromCss, useColorScheme } from './chart-theme';
import { chartLocale, init, type ChartOption, type ECElementEvent, type EChartsType } from './echarts-setup';

interface Props {
  option: ChartOption;
  /** What the chart shows, for assistive technology (the canvas itself says nothing). */
  label: string;
  /** Called when a series item (a bar, a slice, a point) is clicked. */
  onClick?: ((event: ECElementEvent) => void) | undefined;
  className?: string;
  /** Height in pixels when it depends on the data (else the stylesheet's). */
  height?: number | undefined;
}

/**
 * One ECharts chart on a canvas: created on mount (again when the UI language or the colour
 * scheme changes, since locale and theme are fixed at init), given each new option, resized
 * with its box, and disposed on unmount.
 */
export function EChart({ option, label, onClick, className, height }: Props) {
  const { i18n } = useTranslation();
  const locale = chartLocale(i18n.language);
  const scheme = useColorScheme();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latestOption = useRef(option);
  const latestClick = useRef(onClick);
  const applied = useRef<ChartOption | null>(null);

  useLayoutEffect(() => {
    latestOption.current = option;
    latestClick.current = onClick;
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const instance = init(el, themeFromCss(el), { renderer: 'canvas', locale });
    chart.current = instance;
    instance.setOption(latestOption.current, { notMerge: true });
    applied.current = latestOption.current;
    instance.on('click', (event) => latestClick.current?.(event as ECElementEvent));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.current = null;
      instance.dispose();
    };
  }, [locale, scheme]);

  useEffect(() => {
    if (!chart.current || applied.current === option) return;
    chart.current.setOption(option, { notMerge: true });
    applied.current = option;
  }, [option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-locale={locale}
      className={className ? `echart ${className}` : 'echart'}
      style={height === undefined ? undefined : { height }}
    />
  );
}
