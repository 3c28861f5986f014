import { Button, notification } from 'antd';
import { useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/error-text';
import { toIpcError } from '../lib/ipc';
import { NoticeContext, type NoticeAction, type Notices } from './notice-context';

/** Seconds a confirmation stays; one with Undo stays long enough to reach the button by keyboard. */
const STATUS_S = 6;
const ACTION_S = 12;

/** One error at a time (a new one replaces it); each confirmation its own key (see announce). */
const ERROR_KEY = 'error';

/**
 * Errors and confirmations as antd notifications, bottom-left over the navigation (clear of the grid,
 * of the customer panel's buttons and of a dialog's Save/Cancel). A confirmation is a polite status
 * (role=status) that goes by itself, with its action (Undo) as a button; an error is an alert
 * (role=alert), localized by its code, that stays until dismissed. Their layer lives outside the shell,
 * so it stays reachable while a modal dialog makes the shell inert.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [api, holder] = notification.useNotification({ placement: 'bottomLeft', bottom: 12, stack: false, showProgress: false });
  // A confirmation replaces the one shown under a new key: reopened under the same key while it was
  // fading out, antd kept the old text. The one going away is hidden at once (shell.css).
  const statusKey = useRef(0);

  const notices = useMemo<Notices>(() => {
    const showError = (err: unknown) =>
      api.error({
        key: ERROR_KEY,
        role: 'alert',
        title: errorText(t, toIpcError(err)),
        duration: false,
        closable: { 'aria-label': t('common.dismiss') },
        className: 'notice notice-error',
      });
    const runAction = (action: NoticeAction) => {
      api.destroy(`status-${statusKey.current}`);
      void Promise.resolve(action.run()).catch(showError);
    };
    return {
      showError,
      clearError: () => api.destroy(ERROR_KEY),
      announce: (text, action) => {
        api.destroy(`status-${statusKey.current}`);
        statusKey.current += 1;
        api.open({
          key: `status-${statusKey.current}`,
          role: 'status',
          title: text,
          duration: action ? ACTION_S : STATUS_S,
          closable: false,
          className: 'notice notice-status',
          actions: action ? (
            <Button size="small" onClick={() => runAction(action)}>
              {action.label}
            </Button>
          ) : undefined,
        });
      },
    };
  }, [api, t]);

  return (
    <NoticeContext.Provider value={notices}>
      {children}
      {holder}
    </NoticeContext.Provider>
  );
}
