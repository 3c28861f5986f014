import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppCommand } from '../../app/use-app-command';
import { closeQuickCapture, openQuickCapture, useQuickCaptureOpen } from './capture-store';
import { shortcutLabel } from '../../lib/local-day';
import { QuickCaptureDialog } from './quick-capture-dialog';

/**
 * Mounted once by the app shell: opens the quick-capture dialog on Ctrl/⌘+Shift+L, from the desktop
 * menu or global shortcut (app.command), or from the navigation's button, on every page.
 */
export function QuickCapture() {
  const open = useQuickCaptureOpen();
  useAppCommand('quickCapture', openQuickCapture);
  return open ? <QuickCaptureDialog onClose={closeQuickCapture} /> : null;
}

/** The navigation's "Quick capture" button, with its shortcut. */
export function QuickCaptureButton() {
  const { t } = useTranslation();
  const shortcut = shortcutLabel('⇧⌘L', 'Ctrl+Shift+L');
  return (
    <Button
      className="quick-capture-button"
      onClick={openQuickCapture}
      aria-keyshortcuts="Control+Shift+L Meta+Shift+L"
      title={t('capture.buttonHint', { shortcut })}
    >
      <span>{t('capture.button')}</span>
      <kbd className="quick-capture-kbd">{shortcut}</kbd>
    </Button>
  );
}
