import { useTranslation } from 'react-i18next';
import type { ManagerRow } from '../../../../shared/ipc/channels/manager';
import { formatRevenue } from '../../lib/class-labels';
import { attainmentBand, type FigureColumn } from './figure-columns';
import type { FigureRequest } from './figure-drawer';

/** A row's figures: a salesperson's or the pool's (ManagerRow), or the totals (no owner). */
export type Figures = Omit<ManagerRow, 'owner'>;

interface Props {
  column: FigureColumn;
  figures: Figures;
  /** The row's salesperson ('' the pool, null the totals). */
  owner: string | null;
  /** The row as the table names it. */
  ownerLabel: string;
  currency: string;
  onOpen: (request: FigureRequest) => void;
}

/** "—" for a figure that has no value, with the reason as a tooltip and for screen readers. */
function NotSet({ why }: { why: string }) {
  const { t } = useTranslation();
  return (
    <span className="muted" title={why}>
      <span aria-hidden="true">{t('common.notSet')}</span>
      <span className="visually-hidden">{why}</span>
    </span>
  );
}

/** "72 %", "1,250 %": an attainment (1 = 100 %) as a whole percentage. */
export function percentText(value: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** A count as the figure's value ("1,234"), or null for the columns that are not counts. */
function countOf(column: FigureColumn, figures: Figures): number | null {
  switch (column.key) {
    case 'firstResponse':
    case 'revenue':
    case 'target':
    case 'attainment':
      return null;
    default:
      return figures[column.key];
  }
}

/**
 * One cell of the table. A count that is not zero, and revenue, is a link-button opening the list
 * behind it (Enter or a click); zero is plain text. First reply in hours, revenue and target in the
 * base currency, attainment as a percentage with a bar coloured by how far it got.
 */
export function FigureCell({ column, figures, owner, ownerLabel, currency, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const number = new Intl.NumberFormat(lang);
  const figureName = t(`manager.figures.${column.key}.name`);

  const link = (text: string) =>
    column.list ? (
      <button
        type="button"
        className="link-button manager-figure"
        aria-haspopup="dialog"
        aria-label={t('manager.figureLabel', { owner: ownerLabel, figure: figureName, value: text })}
        data-figure={column.key}
        onClick={() => column.list && onOpen({ owner, ownerLabel, figure: column.list, figureName })}
      >
        {text}
      </button>
    ) : (
      text
    );

  const count = countOf(column, figures);
  if (count !== null) {
    return (
      <td className="num" data-figure={column.key}>
        {count === 0 ? <span className="manager-zero">{number.format(0)}</span> : link(number.format(count))}
      </td>
    );
  }

  if (column.kind === 'hours') {
    const hours = figures.firstResponseMedianHours;
    return (
      <td className="num" data-figure={column.key}>
        {hours === null ? (
          <NotSet why={t('manager.noAnswer')} />
        ) : (
          t('manager.hours', { value: new Intl.NumberFormat(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(hours) })
        )}
      </td>
    );
  }

  if (column.kind === 'money') {
    const text = formatRevenue(figures.revenueMinor, currency, lang);
    const uncounted = figures.ordersUncounted;
    return (
      <td className="num" data-figure={column.key}>
        {figures.orders === 0 && figures.revenueMinor === 0 ? <span className="manager-zero">{text}</span> : link(text)}
        {uncounted > 0 ? <span className="manager-uncounted">{t('manager.notCounted', { count: uncounted })}</span> : null}
      </td>
    );
  }

  if (column.kind === 'target') {
    const target = figures.targetRevenueMinor;
    return (
      <td className="num" data-figure={column.key}>
        {target === null ? <NotSet why={t('manager.noTarget')} /> : formatRevenue(target, currency, lang)}
      </td>
    );
  }

  // Attainment: revenue against its target, new customers against theirs below it.
  const revenue = figures.revenueAttainment;
  const fresh = figures.newAttainment;
  return (
    <td className="num manager-attainment" data-figure={column.key}>
      {revenue === null ? (
        <NotSet why={t('manager.noTarget')} />
      ) : (
        <span
          className={`attainment is-${attainmentBand(revenue)}`}
          title={t('manager.attainmentLabel', { value: percentText(revenue, lang) })}
        >
          <span className="attainment-value">{percentText(revenue, lang)}</span>
          <span className="attainment-bar" aria-hidden="true">
            <span className="attainment-fill" style={{ width: `${Math.min(100, Math.round(revenue * 100))}%` }} />
          </span>
        </span>
      )}
      {fresh !== null ? (
        <span
          className={`attainment-new is-${attainmentBand(fresh)}`}
          title={t('manager.newAttainmentLabel', { value: percentText(fresh, lang) })}
        >
          {t('manager.newAttainment', { value: percentText(fresh, lang) })}
        </span>
      ) : null}
    </td>
  );
}
