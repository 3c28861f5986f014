import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/ipc/contract';
import type { Language } from '../../shared/language';
import { mainText } from '../text/catalog';

export interface MenuOptions {
  language: Language;
  /** process.platform: macOS gets the app menu and its window conventions. */
  platform: string;
  /** Reload and DevTools only when run from source. */
  isDev: boolean;
  /** Runs a page command (quick capture, search, print); the page has the same shortcuts. */
  onCommand?: (command: AppCommand) => void;
}

/** The menu's accelerators for the page's commands (src/renderer/src/app/use-app-command.ts matches them). */
export const COMMAND_ACCELERATORS: Record<AppCommand, string> = {
  quickCapture: 'CommandOrControl+Shift+L',
  globalSearch: 'CommandOrControl+K',
  printCustomer: 'CommandOrControl+P',
};

/**
 * The application menu. The Edit menu's roles are what make copy, paste, undo and select-all
 * work in the page's inputs (on macOS they only work through a menu with these roles).
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = mainText(options.language).menu;
  const mac = options.platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [];

  if (mac) {
    template.push({
      label: 'ExportDesk',
      submenu: [
        { role: 'about', label: t.about },
        sep,
        { role: 'services', label: t.services },
        sep,
        { role: 'hide', label: t.hide },
        { role: 'hideOthers', label: t.hideOthers },
        { role: 'unhide', label: t.unhide },
        sep,
        { role: 'quit', label: t.quit },
      ],
    });
  }

  const command = (c: AppCommand): MenuItemConstructorOptions => ({
    label: t[c],
    accelerator: COMMAND_ACCELERATORS[c],
    click: () => options.onCommand?.(c),
  });
  template.push({
    label: t.file,
    submenu: [
      command('quickCapture'),
      command('globalSearch'),
      sep,
      command('printCustomer'),
      sep,
      mac ? { role: 'close', label: t.close } : { role: 'quit', label: t.quit },
    ],
  });

  template.push({
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      sep,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      ...(mac ? [{ role: 'pasteAndMatchStyle', label: t.pasteAndMatchStyle } as const] : []),
      { role: 'delete', label: t.delete },
      sep,
      { role: 'selectAll', label: t.selectAll },
    ],
  });

  template.push({
    label: t.view,
    submenu: [
      ...(options.isDev
        ? [{ role: 'reload', label: t.reload } as const, { role: 'toggleDevTools', label: t.toggleDevTools } as const, sep]
        : []),
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      sep,
      { role: 'togglefullscreen', label: t.togglefullscreen },
    ],
  });

  template.push({
    label: t.window,
    // On macOS the window role adds the list of open windows.
    ...(mac ? { role: 'window' as const } : {}),
    submenu: mac
      ? [{ role: 'minimize', label: t.minimize }, { role: 'zoom', label: t.zoom }, sep, { role: 'front', label: t.front }]
      : [
          { role: 'minimize', label: t.minimize },
          { role: 'close', label: t.close },
        ],
  });

  return template;
}
