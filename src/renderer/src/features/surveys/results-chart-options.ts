/**
 * ECharts options for survey results, from rows already labelled in the UI language, with the
 * dashboard's tooltips (dashboard/chart-tooltip.ts).
 */
import type { ChartOption } from '../../components/charts/echarts-setup';
import { dataIndexOf, tip, tipLine } from '../../components/charts/chart-tooltip';

export interface GroupRow {
  label: string;
  nps: number | null;
  csatAvg: number | null;
  responses: number;
}

export interface ResultTexts {
  nps: string;
  csat: string;
  responses: string;
  formatNps: (n: number | null) => string;
  formatCsat: (n: number | null) => string;
  count: (n: number) => string;
}

/**
 * NPS per group (−100…100, left) and CSAT per group (1–5, right) as horizontal bars side by side,
 * one row per group, largest group on top; each bar is labelled with its figure.
 */
export function npsBarOption(rows: readonly GroupRow[], texts: ResultTexts): ChartOption {
  const categories = rows.map((r) => `${r.label} (${texts.count(r.responses)})`);
  const category = (gridIndex: number, showLabels: boolean) => ({
    type: 'category' as const,
    gridIndex,
    data: categories,
    inverse: true,
    axisTick: { show: false },
    axisLabel: showLabels ? { interval: 0, width: 170, overflow: 'truncate' as const } : { show: false },
  });
  return {
    legend: { top: 0, left: 'center', data: [texts.nps, texts.csat] },
    grid: [
      { left: 8, right: '34%', top: 44, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
      { left: '69%', right: 24, top: 44, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    ],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      className: 'chart-tip',
      formatter: (params: unknown) => {
        const row = rows[dataIndexOf(params)];
        if (!row) return '';
        return tip(row.label, [
          tipLine(0, texts.nps, texts.formatNps(row.nps)),
          tipLine(1, texts.csat, texts.formatCsat(row.csatAvg)),
          tipLine(7, texts.responses, texts.count(row.responses)),
        ]);
      },
    },
    yAxis: [category(0, true), category(1, false)],
    xAxis: [
      {
        type: 'value',
        gridIndex: 0,
        min: -100,
        max: 100,
        interval: 50,
        name: texts.nps,
        nameLocation: 'middle',
        nameGap: 24,
        axisLabel: { formatter: (v: number) => texts.formatNps(v) },
      },
      { type: 'value', gridIndex: 1, min: 1, max: 5, interval: 1, name: texts.csat, nameLocation: 'middle', nameGap: 24 },
    ],
    series: [
      {
        type: 'bar',
        name: texts.nps,
        xAxisIndex: 0,
        yAxisIndex: 0,
        barMaxWidth: 22,
        data: rows.map((r) => ({
          value: r.nps ?? 0,
          label: {
            show: r.nps !== null,
            position: (r.nps ?? 0) < 0 ? ('left' as const) : ('right' as const),
            formatter: () => texts.formatNps(r.nps),
          },
        })),
      },
      {
        type: 'bar',
        name: texts.csat,
        xAxisIndex: 1,
        yAxisIndex: 1,
        barMaxWidth: 22,
        data: rows.map((r) => ({
          value: r.csatAvg ?? 1,
          label: { show: r.csatAvg !== null, position: 'right' as const, formatter: () => texts.formatCsat(r.csatAvg) },
        })),
      },
    ],
  };
}

/** One campaign on the trend: the same figures as a group. */
export type TrendRow = GroupRow;

/** NPS and CSAT per campaign, oldest first, as two lines on their own axes; campaigns without answers leave a gap. */
export function trendLineOption(rows: readonly TrendRow[], texts: ResultTexts): ChartOption {
  return {
    legend: { top: 0, left: 'center', data: [texts.nps, texts.csat] },
    grid: { left: 8, right: 16, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      trigger: 'axis',
      className: 'chart-tip',
      formatter: (params: unknown) => {
        const row = rows[dataIndexOf(params)];
        if (!row) return '';
        return tip(row.label, [
          tipLine(0, texts.nps, texts.formatNps(row.nps)),
          tipLine(1, texts.csat, texts.formatCsat(row.csatAvg)),
          tipLine(2, texts.responses, texts.count(row.responses)),
        ]);
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { width: 110, overflow: 'truncate', hideOverlap: true } },
    yAxis: [
      { type: 'value', name: texts.nps, min: -100, max: 100 },
      { type: 'value', name: texts.csat, min: 1, max: 5, splitLine: { show: false } },
    ],
    series: [
      { type: 'line', name: texts.nps, yAxisIndex: 0, data: rows.map((r) => r.nps), connectNulls: false, symbolSize: 7 },
      { type: 'line', name: texts.csat, yAxisIndex: 1, data: rows.map((r) => r.csatAvg), connectNulls: false, symbolSize: 7 },
    ],
  };
}
