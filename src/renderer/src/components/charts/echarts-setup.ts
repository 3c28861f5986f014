/**
 * The slice of Apache ECharts the dashboard uses, registered once: bar, line and pie charts on
 * the canvas renderer, with grid, tooltip and legend. Importing only these keeps the rest of
 * ECharts out of the bundle.
 */
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { registerLocale, use, type ComposeOption } from 'echarts/core';
import langZH from 'echarts/lib/i18n/langZH.js';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendPlainComponent, CanvasRenderer]);
// ECharts core registers EN and ZH itself; registering ZH here (the same module) states the dependency.
registerLocale('ZH', langZH);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/** The ECharts locale for a UI language. */
export function chartLocale(lang: string): 'ZH' | 'EN' {
  return lang.startsWith('zh') ? 'ZH' : 'EN';
}

export { init, type ECElementEvent, type EChartsType } from 'echarts/core';
