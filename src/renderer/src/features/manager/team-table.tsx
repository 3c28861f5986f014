import { Tooltip } from 'antd';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerReport } from '../../../../shared/ipc/channels/manager';
import { FigureCell, type Figures } from './figure-cell';
import { FIGURE_COLUMNS, groupSpans, type ColumnKey, type FigureColumn } from './figure-columns';
import type { FigureRequest } from './figure-drawer';

interface Props {
  report: ManagerReport;
  /** The period in words, for the table's name. */
  periodText: string;
  onOpen: (request: FigureRequest) => void;
}

interface HeaderProps {
  column: FigureColumn;
  currency: string;
  /** Whether this header is the header row's Tab stop. */
  tabStop: boolean;
  onFocus: () => void;
}

/**
 * A column's short header, focusable (the header row's one Tab stop, or reached from it with the
 * arrow keys), with what the figure counts as a tooltip (and as its description).
 */
function ColumnHeader({ column, currency, tabStop, onFocus }: HeaderProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const hint = t(`manager.figures.${column.key}.hint`, { currency });
  return (
    <th scope="col" className="num" data-column={column.key}>
      <Tooltip title={hint} placement="top" trigger={['hover', 'focus']}>
        <span className="manager-head" tabIndex={tabStop ? 0 : -1} aria-describedby={hintId} onFocus={onFocus}>
          {t(`manager.figures.${column.key}.short`)}
        </span>
      </Tooltip>
      <span id={hintId} hidden>
        {hint}
      </span>
    </th>
  );
}

/**
 * One row per salesperson (the pool's last) and a totals row: what they hold, won and lost from the
 * pool, followed up, answered and sold, against their targets. Headers are short, each explained by
 * a tooltip; every figure that is not zero opens the list behind it.
 *
 * The figure headers are one Tab stop (the header focused last, the first at the start): ← / →
 * (Home / End) move between them, each showing its tooltip, so Tab goes from the page's controls
 * to the header row and on to the first figure rather than through eighteen headers.
 */
export function TeamTable({ report, periodText, onOpen }: Props) {
  const { t } = useTranslation();
  const label = (owner: string) => (owner === '' ? t('manager.pool') : owner);
  const headRow = useRef<HTMLTableRowElement>(null);
  const [current, setCurrent] = useState<ColumnKey>(FIGURE_COLUMNS[0]?.key ?? 'held');

  const onHeadKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    const at = FIGURE_COLUMNS.findIndex((c) => c.key === current);
    const last = FIGURE_COLUMNS.length - 1;
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? last : Math.max(0, Math.min(last, at + (e.key === 'ArrowLeft' ? -1 : 1)));
    const next = FIGURE_COLUMNS[to];
    if (!next) return;
    e.preventDefault();
    setCurrent(next.key);
    headRow.current?.querySelector<HTMLElement>(`th[data-column="${next.key}"] .manager-head`)?.focus();
  };

  const cells = (figures: Figures, owner: string | null, ownerLabel: string) =>
    FIGURE_COLUMNS.map((column) => (
      <FigureCell
        key={column.key}
        column={column}
        figures={figures}
        owner={owner}
        ownerLabel={ownerLabel}
        currency={report.currency}
        onOpen={onOpen}
      />
    ));

  return (
    <div
      className="table-scroll manager-table-scroll"
      // What takes the focus comes fully into view beside the salesperson's column: the browser leaves
      // a figure or a header that shows a few pixels at the edge where it is, its focus ring cut off.
      onFocus={(e) => e.target.scrollIntoView({ block: 'nearest', inline: 'nearest' })}
    >
      <table className="data-table manager-table" aria-label={t('manager.tableLabel', { period: periodText })}>
        <colgroup>
          <col className="manager-col-person" />
        </colgroup>
        {groupSpans().map(({ group, span }) => (
          <colgroup key={group} span={span} />
        ))}
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className="manager-person">
              {t('manager.person')}
            </th>
            {groupSpans().map(({ group, span }) => (
              <th key={group} scope="colgroup" colSpan={span} className="manager-group">
                {t(`manager.groups.${group}`)}
              </th>
            ))}
          </tr>
          <tr ref={headRow} onKeyDown={onHeadKeyDown}>
            {FIGURE_COLUMNS.map((column) => (
              <ColumnHeader
                key={column.key}
                column={column}
                currency={report.currency}
                tabStop={column.key === current}
                onFocus={() => setCurrent(column.key)}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.owner} className={row.owner === '' ? 'is-pool' : undefined} data-owner={row.owner}>
              <th scope="row" className="manager-person">
                {label(row.owner)}
              </th>
              {cells(row, row.owner, label(row.owner))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="manager-totals" data-owner="total">
            <th scope="row" className="manager-person">
              {t('manager.total')}
            </th>
            {cells(report.totals, null, t('manager.total'))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
