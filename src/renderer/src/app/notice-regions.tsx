import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/error-text';
import type { IpcError } from '../lib/ipc';

interface Props {
  error: IpcError | null;
  status: string;
  /** Undo (or another action) offered with the confirmation. */
  action?: { label: string; run: () => void };
  onDismiss: () => void;
}

/**
 * The one alert region (errors, localized by code) and the one polite status region (confirmations).
 * Both stay in the DOM so assistive technology announces changes; they live outside the shell so
 * they remain reachable while a modal dialog makes the shell inert.
 */
export function NoticeRegions({ error, status, action, onDismiss }: Props) {
  const { t } = useTranslation();
  return (
    <div className="notices">
      <div role="alert" className={error ? 'notice notice-error' : 'notice-empty'}>
        {error ? (
          <>
            <p className="notice-text">{errorText(t, error)}</p>
            <button type="button" className="button button-small" onClick={onDismiss}>
              {t('common.dismiss')}
            </button>
          </>
        ) : null}
      </div>
      <div className={status ? 'notice notice-status' : 'notice-empty'}>
        <span role="status" className="notice-text">
          {status}
        </span>
        {status && action ? (
          <button type="button" className="button button-small" onClick={action.run}>
            {action.label}
          </button>
        ) : null}
      </div>
    </div>
  );
}
