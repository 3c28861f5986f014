import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFilterInput, CustomerSort } from '../../../../shared/domain/customer';
import { useNotices } from '../../app/notice-context';
import { ModalDialog } from '../../components/modal-dialog';
import { currentLanguage } from '../../i18n';
import { downloadFile } from '../../lib/download-file';
import { call } from '../../lib/ipc';
import { gridExportColumns } from './export-columns';
import type { GridColumnId } from './grid-column-ids';

type ExportFormat = 'csv' | 'xlsx';
type ExportTarget = 'customers' | 'inquiries' | 'orders';

interface Props {
  filter: CustomerFilterInput;
  sort: CustomerSort;
  total: number | undefined;
  /** The grid's visible columns: the export has the same ones (where it has them). */
  columns: readonly GridColumnId[];
  onClose: () => void;
}

/** "Export": the current grid view (filter, sort, columns) as CSV or Excel; inquiries and orders too. */
export function ExportDialog({ filter, sort, total, columns, onClose }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const groupId = useId();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [busy, setBusy] = useState<ExportTarget | null>(null);

  const fetchFile = (target: ExportTarget) => {
    const language = currentLanguage();
    if (target === 'customers') return call('export.customers', { filter, sort, columns: gridExportColumns(columns), format, language });
    if (target === 'inquiries') return call('export.inquiries', { format, language });
    return call('export.orders', { format, language });
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
    <ModalDialog title={t('export.title')} onRequestClose={onClose} className="modal-small">
      <div role="radiogroup" aria-labelledby={`${groupId}-title`} className="radio-group">
        <p id={`${groupId}-title`} className="group-title">
          {t('export.format')}
        </p>
        {option('csv', t('export.csv'))}
        {option('xlsx', t('export.xlsx'))}
      </div>
      {total !== undefined ? <p>{t('export.customersScope', { count: total })}</p> : null}
      <div className="export-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy !== null}
          aria-busy={busy === 'customers' || undefined}
          onClick={() => void run('customers')}
        >
          {t('export.customers')}
        </button>
      </div>
      <p className="muted">{t('export.othersHint')}</p>
      <div className="export-actions">
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          aria-busy={busy === 'inquiries' || undefined}
          onClick={() => void run('inquiries')}
        >
          {t('export.inquiries')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          aria-busy={busy === 'orders' || undefined}
          onClick={() => void run('orders')}
        >
          {t('export.orders')}
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {busy ? t('export.working') : ''}
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('export.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
