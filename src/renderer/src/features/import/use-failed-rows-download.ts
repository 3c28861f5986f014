import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notice-context';
import { downloadFile } from '../../lib/download-file';
import { call } from '../../lib/ipc';

/** Downloads the rows an import skipped (a CSV the user can fix and import again). */
export function useFailedRowsDownload(): { download: (batchId: number) => Promise<void>; downloading: number | null } {
  const { t } = useTranslation();
  const notices = useNotices();
  const [downloading, setDownloading] = useState<number | null>(null);
  const download = useCallback(
    async (batchId: number) => {
      setDownloading(batchId);
      notices.clearError();
      try {
        const file = await call('import.failedRows', { batchId });
        downloadFile(file);
        notices.announce(t('import.downloaded', { file: file.fileName }));
      } catch (err) {
        notices.showError(err);
      } finally {
        setDownloading(null);
      }
    },
    [notices, t],
  );
  return { download, downloading };
}
