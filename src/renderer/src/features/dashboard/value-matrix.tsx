import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartPoint } from '../../../../shared/domain/classification';
import type { ValueMatrixCell } from '../../../../shared/domain/classification-enums';
import { classLabel } from '../../lib/class-labels';
import { ChartCard } from '../../components/charts/chart-card';
import { classHref } from './dashboard-links';
import { useChartTexts } from './use-chart-texts';

interface Props {
  points: readonly ChartPoint[];
  currency: string;
}

/** Rows: value high, low; columns: potential high, low. */
const GRID: readonly (readonly [ValueMatrixCell, ValueMatrixCell])[] = [
  ['key', 'maintain'],
  ['develop', 'low'],
];

/**
 * The value × potential matrix as four tiles (high/low value × high/low potential), each with
 * its customers and revenue, shaded by its share of customers and linking to those customers.
 */
export function ValueMatrix({ points, currency }: Props) {
  const { t, i18n } = useTranslation();
  const texts = useChartTexts(currency);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const byKey = new Map(points.map((p) => [p.key, p]));
  const total = points.reduce((n, p) => n + p.count, 0);
  const rowHeads = [t('dashboard.matrix.valueHigh'), t('dashboard.matrix.valueLow')];

  return (
    <ChartCard title={t('dashboard.charts.matrix')} note={t('dashboard.matrix.note')}>
      <table className="matrix-table">
        <caption className="visually-hidden">{t('dashboard.charts.matrix')}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('dashboard.matrix.potentialHigh')}</th>
            <th scope="col">{t('dashboard.matrix.potentialLow')}</th>
          </tr>
        </thead>
        <tbody>
          {GRID.map((cells, row) => (
            <tr key={cells.join('-')}>
              <th scope="row">{rowHeads[row]}</th>
              {cells.map((key) => {
                const p = byKey.get(key);
                const count = p?.count ?? 0;
                const label = classLabel(t, i18n.language, 'matrix', key, p?.name);
                const href = count > 0 ? classHref('matrix', key) : null;
                const body = (
                  <>
                    <span className="matrix-tile-name">{label}</span>
                    <span className="matrix-tile-count">{texts.count(count)}</span>
                    <span className="matrix-tile-detail">
                      {t('dashboard.matrix.detail', {
                        share: percent.format(total ? count / total : 0),
                        revenue: texts.money(p?.revenueMinor ?? 0),
                      })}
                    </span>
                  </>
                );
                return (
                  <td
                    key={key}
                    className={`matrix-cell matrix-${key}`}
                    data-key={key}
                    data-count={count}
                    style={{ '--share': total ? count / total : 0 } as CSSProperties}
                  >
                    {href ? (
                      <a className="matrix-tile" href={href}>
                        {body}
                      </a>
                    ) : (
                      <div className="matrix-tile">{body}</div>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ChartCard>
  );
}
