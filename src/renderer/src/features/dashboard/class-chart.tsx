import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartPoint } from '../../../../shared/domain/classification';
import { classLabel } from '../../lib/class-labels';
import { ChartCard, ChartData } from '../../components/charts/chart-card';
import { classBarOption, sharePieOption } from './chart-options';
import { classHref, followLink, type DashboardDimension } from './dashboard-links';
import { EChart } from '../../components/charts/echart';
import { useChartTexts } from './use-chart-texts';

export type ClassChartKind = 'columns' | 'bars' | 'ring';

interface Props {
  title: string;
  dimension: DashboardDimension;
  points: readonly ChartPoint[];
  currency: string;
  kind: ClassChartKind;
  /** Show only the first this many classes (the engine sends them largest first). */
  limit?: number;
  wide?: boolean;
}

interface Row {
  key: string;
  label: string;
  count: number;
  revenueMinor: number;
  href: string | null;
}

const BAR_ROW_PX = 26;

/**
 * Customers and revenue per class of one dimension: a chart whose bars or slices open the
 * matching customer list, and the same figures as a table of links.
 */
export function ClassChart({ title, dimension, points, currency, kind, limit, wide = false }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const texts = useChartTexts(currency);
  const rows = useMemo<Row[]>(
    () =>
      (limit === undefined ? points : points.slice(0, limit))
        .filter((p) => kind !== 'ring' || p.count > 0)
        .map((p) => ({
          key: p.key,
          label: classLabel(t, lang, dimension, p.key, p.name),
          count: p.count,
          revenueMinor: p.revenueMinor,
          href: p.count > 0 ? classHref(dimension, p.key) : null,
        })),
    [points, limit, kind, t, lang, dimension],
  );
  const option = useMemo(
    () => (kind === 'ring' ? sharePieOption(rows, texts) : classBarOption(rows, texts, kind === 'bars' ? 'horizontal' : 'vertical')),
    [rows, texts, kind],
  );
  const note = limit !== undefined && points.length > limit ? t('dashboard.topOf', { shown: limit, total: points.length }) : undefined;
  const height = kind === 'bars' ? Math.max(180, rows.length * BAR_ROW_PX + 90) : undefined;

  return (
    <ChartCard title={title} note={note} wide={wide}>
      {rows.length === 0 ? (
        <p className="muted dash-card-empty">{t('dashboard.nothingToShow')}</p>
      ) : (
        <>
          <EChart
            option={option}
            label={t('dashboard.chartLabel', { title })}
            className={`echart-${kind}`}
            height={height}
            onClick={(event) => {
              const href = rows[event.dataIndex]?.href;
              if (href) followLink(href);
            }}
          />
          <ChartData
            summary={t('dashboard.table.show')}
            caption={title}
            data-dimension={dimension}
            columns={
              <>
                <th scope="col">{t(`enums.dimension.${dimension}`)}</th>
                <th scope="col" className="num">
                  {texts.customers}
                </th>
                <th scope="col" className="num">
                  {texts.revenue}
                </th>
              </>
            }
          >
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key}>
                <th scope="row">{r.href ? <a href={r.href}>{r.label}</a> : r.label}</th>
                <td className="num" data-count={r.count}>
                  {texts.count(r.count)}
                </td>
                <td className="num">{texts.money(r.revenueMinor)}</td>
              </tr>
            ))}
          </ChartData>
        </>
      )}
    </ChartCard>
  );
}
