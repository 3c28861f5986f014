import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppCommand } from '../../app/use-app-command';
import { GlobalSearchDialog } from './global-search-dialog';
import { shortcutLabel } from '../../lib/local-day';
import { closeGlobalSearch, openGlobalSearch, useGlobalSearchOpen } from './search-store';
import '../../styles/search.css';

/** Another dialog is open: Ctrl/⌘+K leaves it alone. */
const otherDialogOpen = () => document.querySelector('[aria-modal="true"]') !== null;

/**
 * Mounted once by the app shell: opens the search palette on Ctrl/⌘+K, from the desktop menu
 * (app.command) or from the navigation's button, on every page.
 */
export function GlobalSearch() {
  const open = useGlobalSearchOpen();
  useAppCommand('globalSearch', () => {
    if (!otherDialogOpen()) openGlobalSearch();
  });
  return open ? <GlobalSearchDialog onClose={closeGlobalSearch} /> : null;
}

/** The navigation's "Search" button, with its shortcut. */
export function GlobalSearchButton() {
  const { t } = useTranslation();
  const shortcut = shortcutLabel('⌘K', 'Ctrl+K');
  return (
    <Button
      className="global-search-button"
      onClick={openGlobalSearch}
      aria-keyshortcuts="Control+K Meta+K"
      title={t('search.buttonHint', { shortcut })}
    >
      <span>{t('search.button')}</span>
      <kbd className="global-search-kbd">{shortcut}</kbd>
    </Button>
  );
}
