/**
 * ECharts options for the dashboard's charts, built from rows that are already labelled in the
 * UI language, with tooltips from chart-tooltip.ts.
 */
import type { ChartOption } from '../../components/charts/echarts-setup';
import { dataIndexOf, tip, tipLine } from '../../components/charts/chart-tooltip';

export interface ChartRow {
  label: string;
  count: number;
  revenueMinor: number;
}

export interface MonthRow {
  /** Short label for the axis ("Mar 25"). */
  label: string;
  /** Full label for the tooltip ("March 2025"). */
  longLabel: string;
  revenueMinor: number;
  orders: number;
}

/** The series names and number formats of the current language and base currency. */
export interface ChartTexts {
  customers: string;
  revenue: string;
  orders: string;
  count: (n: number) => string;
  money: (minor: number) => string;
  /** Money on an axis (compact). */
  moneyAxis: (minor: number) => string;
}

const AXIS_LABEL_WIDTH = 150;

/**
 * Customers and revenue per class as bars side by side, each on its own axis: columns
 * ('vertical', few classes) or horizontal bars, largest on top ('horizontal', long names).
 */
export function classBarOption(rows: readonly ChartRow[], texts: ChartTexts, layout: 'vertical' | 'horizontal'): ChartOption {
  const horizontal = layout === 'horizontal';
  const category = {
    type: 'category' as const,
    data: rows.map((r) => r.label),
    axisTick: { alignWithLabel: true },
    axisLabel: {
      interval: 0,
      width: horizontal ? AXIS_LABEL_WIDTH : 84,
      overflow: horizontal ? ('truncate' as const) : ('break' as const),
      hideOverlap: false,
    },
    inverse: horizontal,
  };
  const countAxis = {
    type: 'value' as const,
    minInterval: 1,
    name: texts.customers,
    axisLabel: { formatter: (v: number) => texts.count(v) },
  };
  const moneyAxis = {
    type: 'value' as const,
    name: texts.revenue,
    axisLabel: { formatter: (v: number) => texts.moneyAxis(v) },
    splitLine: { show: false },
  };
  return {
    legend: { top: 0, left: 'center', data: [texts.customers, texts.revenue] },
    grid: { left: 8, right: 16, top: horizontal ? 32 : 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      className: 'chart-tip',
      formatter: (params: unknown) => {
        const row = rows[dataIndexOf(params)];
        if (!row) return '';
        return tip(row.label, [
          tipLine(0, texts.customers, texts.count(row.count)),
          tipLine(1, texts.revenue, texts.money(row.revenueMinor)),
        ]);
      },
    },
    ...(horizontal
      ? {
          yAxis: category,
          xAxis: [
            // Bars run left to right: counts along the bottom, money along the top (the legend names them).
            { ...countAxis, position: 'bottom', name: '' },
            { ...moneyAxis, position: 'top', name: '' },
          ],
        }
      : { xAxis: category, yAxis: [countAxis, moneyAxis] }),
    series: [
      {
        type: 'bar',
        name: texts.customers,
        data: rows.map((r) => r.count),
        ...(horizontal ? { xAxisIndex: 0 } : { yAxisIndex: 0 }),
        barMaxWidth: 28,
      },
      {
        type: 'bar',
        name: texts.revenue,
        data: rows.map((r) => r.revenueMinor),
        ...(horizontal ? { xAxisIndex: 1 } : { yAxisIndex: 1 }),
        barMaxWidth: 28,
      },
    ],
  };
}

/** Customers per class as a ring, with the legend beside it; the tooltip adds revenue. */
export function sharePieOption(rows: readonly ChartRow[], texts: ChartTexts): ChartOption {
  const total = rows.reduce((n, r) => n + r.count, 0);
  return {
    legend: { orient: 'vertical', right: 8, top: 'middle', itemGap: 6, textStyle: { width: 150, overflow: 'truncate' } },
    tooltip: {
      trigger: 'item',
      className: 'chart-tip',
      formatter: (params: unknown) => {
        const i = dataIndexOf(params);
        const row = rows[i];
        if (!row) return '';
        const share = total ? Math.round((row.count / total) * 100) : 0;
        return tip(row.label, [
          tipLine(i, texts.customers, `${texts.count(row.count)} (${share}%)`),
          tipLine(i, texts.revenue, texts.money(row.revenueMinor)),
        ]);
      },
    },
    series: [
      {
        type: 'pie',
        name: texts.customers,
        radius: ['42%', '72%'],
        center: ['32%', '50%'],
        avoidLabelOverlap: true,
        label: { show: false },
        labelLine: { show: false },
        data: rows.map((r) => ({ name: r.label, value: r.count })),
      },
    ],
  };
}

/** Revenue per month as a line over the orders per month as light columns (not clickable: no customer filter by month). */
export function trendOption(months: readonly MonthRow[], texts: ChartTexts): ChartOption {
  return {
    legend: { top: 0, left: 'center', data: [texts.revenue, texts.orders] },
    grid: { left: 8, right: 16, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      trigger: 'axis',
      className: 'chart-tip',
      formatter: (params: unknown) => {
        const m = months[dataIndexOf(params)];
        if (!m) return '';
        return tip(m.longLabel, [tipLine(1, texts.revenue, texts.money(m.revenueMinor)), tipLine(0, texts.orders, texts.count(m.orders))]);
      },
    },
    xAxis: { type: 'category', data: months.map((m) => m.label), boundaryGap: true, axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: texts.revenue, axisLabel: { formatter: (v: number) => texts.moneyAxis(v) } },
      {
        type: 'value',
        name: texts.orders,
        minInterval: 1,
        splitLine: { show: false },
        axisLabel: { formatter: (v: number) => texts.count(v) },
      },
    ],
    series: [
      {
        type: 'bar',
        name: texts.orders,
        yAxisIndex: 1,
        data: months.map((m) => m.orders),
        barMaxWidth: 18,
        itemStyle: { opacity: 0.35 },
        cursor: 'default',
      },
      {
        type: 'line',
        name: texts.revenue,
        yAxisIndex: 0,
        data: months.map((m) => m.revenueMinor),
        smooth: false,
        cursor: 'default',
        symbolSize: 6,
        areaStyle: { opacity: 0.12 },
      },
    ],
  };
}
