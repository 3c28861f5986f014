import { Button } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFilterInput, CustomerSort } from '../../../../shared/domain/customer';
import { useNotices } from '../../app/notice-context';
import { ModalDialog } from '../../components/modal-dialog';
import { currentLanguage } from '../../i18n';
import { downloadFile } from '../../lib/download-file';
import { call } from '../../lib/ipc';
import { localTimeZone } from '../../lib/local-time';
import type { GridColumnId } from './grid-column-ids';

type ExportFormat = 'csv' | 'xlsx';
type ExportTarget = 'customers' | 'inquiries' | 'orders';

interface Props {
  filter: CustomerFilterInput;
  sort: CustomerSort;
  total: number | undefined;
  /** The grid's visible columns, in grid order: the export writes exactly these. */
  columns: readonly GridColumnId[];
  /** The customers selected in the grid: only these of the list are exported. */
  ids?: readonly number[];
  onClose: () => void;
}

/**
 * "Export": the current grid view (filter, sort, visible columns; the selected rows only when given) as Excel (the default: widths,
 * a frozen header, IDs and phones as text) or CSV, in the page's language and time zone, the
 * contacts on request; inquiries and orders too.
 */
export function ExportDialog({ filter, sort, total, columns, ids, onClose }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const groupId = useId();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [includeContacts, setIncludeContacts] = useState(false);
  const [busy, setBusy] = useState<ExportTarget | null>(null);

  const fetchFile = (target: ExportTarget) => {
    const language = currentLanguage();
    const timeZone = localTimeZone();
    if (target === 'customers') {
      const customers = ids ? { ...filter, ids: [...ids] } : filter;
      return call('export.customers', { filter: customers, sort, columns: [...columns], includeContacts, format, language, timeZone });
    }
    if (target === 'inquiries') return call('export.inquiries', { format, language, timeZone });
    return call('export.orders', { format, language, timeZone });
  };

  const run = async (target: ExportTarget) => {
    setBusy(target);
    notices.clearError();
    try {
      const file = await fetchFile(target);
      downloadFile(file);
      const done = { customers: 'export.doneCustomers', inquiries: 'export.doneInquiries', orders: 'export.doneOrders' } as const;
      notices.announce(t(done[target], { count: file.rows, file: file.fileName }));
      onClose();
    } catch (err) {
      notices.showError(err);
      setBusy(null);
    }
  };

  const option = (value: ExportFormat, label: string) => (
    <div className="radio-option">
      <input
        id={`${groupId}-${value}`}
        type="radio"
        name={groupId}
        value={value}
        checked={format === value}
        onChange={() => setFormat(value)}
      />
      <label htmlFor={`${groupId}-${value}`}>{label}</label>
    </div>
  );

  return (
    <ModalDialog title={t('export.title')} onRequestClose={onClose} size="small">
      <div role="radiogroup" aria-labelledby={`${groupId}-title`} className="radio-group">
        <p id={`${groupId}-title`} className="group-title">
          {t('export.format')}
        </p>
        {option('xlsx', t('export.xlsx'))}
        {option('csv', t('export.csv'))}
      </div>
      {ids ? (
        <p>{t('export.selectedScope', { count: ids.length })}</p>
      ) : total !== undefined ? (
        <p>{t('export.customersScope', { count: total })}</p>
      ) : null}
      <div className="radio-option">
        <input
          id={`${groupId}-contacts`}
          type="checkbox"
          checked={includeContacts}
          aria-describedby={`${groupId}-contacts-hint`}
          onChange={(e) => setIncludeContacts(e.target.checked)}
        />
        <label htmlFor={`${groupId}-contacts`}>{t('export.includeContacts')}</label>
        <span id={`${groupId}-contacts-hint`} className="field-hint muted">
          {t('export.includeContactsHint')}
        </span>
      </div>
      <div className="export-actions">
        <Button type="primary" disabled={busy !== null} aria-busy={busy === 'customers' || undefined} onClick={() => void run('customers')}>
          {t('export.customers')}
        </Button>
      </div>
      <p className="muted">{t('export.othersHint')}</p>
      <div className="export-actions">
        <Button disabled={busy !== null} aria-busy={busy === 'inquiries' || undefined} onClick={() => void run('inquiries')}>
          {t('export.inquiries')}
        </Button>
        <Button disabled={busy !== null} aria-busy={busy === 'orders' || undefined} onClick={() => void run('orders')}>
          {t('export.orders')}
        </Button>
      </div>
      <p className="muted" aria-live="polite">
        {busy ? t('export.working') : ''}
      </p>
      <div className="form-actions">
        <Button onClick={onClose}>{t('export.close')}</Button>
      </div>
    </ModalDialog>
  );
}
