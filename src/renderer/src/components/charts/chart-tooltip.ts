/**
 * HTML for ECharts tooltips, styled by classes (styles/dashboard.css): the page's CSP does not
 * allow inline style attributes, which ECharts' default tooltip markup uses.
 */
import { escapeHtml } from '../../../../shared/text/escape-html';

/** One line of a tooltip: the swatch of palette colour `swatch` (mod 8), a name and a value. */
export function tipLine(swatch: number, name: string, value: string): string {
  return `<div class="chart-tip-line"><span class="chart-swatch chart-swatch-${swatch % 8}"></span><span class="chart-tip-name">${escapeHtml(name)}</span><span class="chart-tip-value">${escapeHtml(value)}</span></div>`;
}

/** A tooltip: a title over lines made by tipLine. */
export function tip(title: string, lines: string[]): string {
  return `<div class="chart-tip-title">${escapeHtml(title)}</div>${lines.join('')}`;
}

/** The first data index in an axis tooltip's params (one entry per series, or a single item). */
export function dataIndexOf(params: unknown): number {
  const first: unknown = Array.isArray(params) ? params[0] : params;
  if (first && typeof first === 'object' && 'dataIndex' in first && typeof first.dataIndex === 'number') return first.dataIndex;
  return -1;
}
