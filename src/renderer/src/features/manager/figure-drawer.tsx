import { Button } from 'antd';
import { useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerFigure, ManagerPeriod } from '../../../../shared/ipc/channels/manager';
import { customersHash } from '../../app/route-filter';
import { ModalDrawer } from '../../components/modal-drawer';
import { useRowFocus } from '../../components/use-row-focus';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format-date';
import { classLabel } from '../../lib/class-labels';
import { toIpcError } from '../../lib/ipc';
import { detailText } from './detail-text';
import { useFigureList } from './use-manager';

/** What a figure's button asks to open: one row's list of one figure. */
export interface FigureRequest {
  /** The row's salesperson ('' the public pool, null the totals row). */
  owner: string | null;
  /** The row as the table names it ("Li Na", "Public pool", "Total"). */
  ownerLabel: string;
  figure: ManagerFigure;
  /** The figure's full name ("Overdue follow-ups"). */
  figureName: string;
}

interface Props {
  request: FigureRequest;
  period: ManagerPeriod;
  /** The period in words ("Nov – Dec 2026"). */
  periodText: string;
  onClose: () => void;
}

/** Opens a customer as the rest of the app does: the customers list narrowed to it, its panel open. */
function openCustomer(id: number, company: string): void {
  window.location.hash = customersHash({ search: company.slice(0, 200) }, { id, company });
}

/**
 * The list behind one figure ("Li Na · Overdue follow-ups · Nov – Dec 2026"), newest first: customer,
 * country, what the row is about and when (local time), with "Showing 500 of 1,234" when the engine
 * cut it. A row opens its customer on a click or Enter; ↑/↓/Home/End move between rows. Escape closes,
 * the focus going back to the figure.
 */
export function FigureDrawer({ request, period, periodText, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const countId = useId();
  const list = useFigureList(period, request.owner, request.figure);
  const items = useMemo(() => (list.data?.items ?? []).map((item, index) => ({ ...item, id: index })), [list.data]);
  const nav = useRowFocus(items, false);
  const table = useRef<HTMLTableElement>(null);
  // The list arrives after the drawer opened (its body focused meanwhile): the first row takes the focus.
  const hasItems = items.length > 0;
  useEffect(() => {
    const active = document.activeElement;
    if (!hasItems || !(active instanceof HTMLElement) || !active.classList.contains('modal-drawer-body')) return;
    table.current?.querySelector<HTMLElement>('tbody tr')?.focus();
  }, [hasItems]);
  const title = t('manager.list.title', { owner: request.ownerLabel, figure: request.figureName, period: periodText });

  const total = list.data?.total ?? 0;
  const countText = list.isPending
    ? t('common.loading')
    : list.isError
      ? ''
      : items.length < total
        ? t('manager.list.truncated', { shown: items.length, total })
        : t('manager.list.count', { count: total });

  const onRowKeyDown = (index: number, item: (typeof items)[number]) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (nav.handleRowKey(e, index)) return;
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    openCustomer(item.customerId, item.company);
  };

  return (
    <ModalDrawer title={title} onRequestClose={onClose} describedBy={countId} className="manager-drawer">
      <div className="manager-list-head">
        <p id={countId} className="manager-list-count" role="status">
          {countText}
        </p>
        {items.length > 0 ? <p className="muted keys-hint">{t('manager.list.keys')}</p> : null}
      </div>
      {list.isError ? (
        <div className="manager-list-error" role="alert">
          <p>{errorText(t, toIpcError(list.error))}</p>
          <Button onClick={() => void list.refetch()}>{t('manager.retry')}</Button>
        </div>
      ) : !list.isPending && items.length === 0 ? (
        <p className="muted manager-list-empty">{t('manager.list.empty')}</p>
      ) : items.length > 0 ? (
        <table ref={table} className="row-table manager-list" aria-label={title} onBlur={nav.onTableBlur}>
          <thead>
            <tr>
              <th scope="col">{t('manager.list.company')}</th>
              <th scope="col">{t('manager.list.country')}</th>
              <th scope="col">{t('manager.list.detail')}</th>
              <th scope="col">{t('manager.list.date')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => {
              const row = nav.rowProps(index, item);
              return (
                <tr
                  key={item.id}
                  ref={row.rowRef}
                  className="focus-row manager-list-row"
                  tabIndex={row.tabbable ? 0 : -1}
                  aria-label={t('manager.list.open', { company: item.company })}
                  data-customer-id={item.customerId}
                  onFocus={row.onFocusRow}
                  onKeyDown={onRowKeyDown(index, item)}
                  onClick={() => openCustomer(item.customerId, item.company)}
                >
                  <td className="manager-list-company">{item.company}</td>
                  <td>{classLabel(t, lang, 'country', item.country)}</td>
                  <td className="manager-list-detail">{detailText(t, lang, request.figure, item.detail)}</td>
                  <td className="nowrap manager-list-date">{item.at ? formatDateTime(item.at, lang) : t('common.notSet')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </ModalDrawer>
  );
}
