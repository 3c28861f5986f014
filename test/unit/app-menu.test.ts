import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, COMMAND_ACCELERATORS } from '../../src/main/platform/menu';
import { APP_COMMANDS, type AppCommand } from '../../src/shared/ipc/contract';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);
}

function menu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const found = template.find((i) => i.label === label);
  if (!found || !Array.isArray(found.submenu)) throw new Error(`no ${label} menu`);
  return found.submenu;
}

describe('buildMenuTemplate', () => {
  it('has an Edit menu whose roles make copy and paste work in inputs', () => {
    for (const platform of ['win32', 'darwin', 'linux']) {
      const edit = roles(menu(buildMenuTemplate({ language: 'en', platform, isDev: false }), 'Edit'));
      expect(edit, platform).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    }
  });

  it('labels everything in Chinese for Chinese users', () => {
    const t = buildMenuTemplate({ language: 'zh-CN', platform: 'win32', isDev: false });
    expect(t.map((i) => i.label)).toEqual(['文件', '编辑', '视图', '窗口']);
    const labels = menu(t, '编辑')
      .filter((i) => i.type !== 'separator')
      .map((i) => i.label);
    expect(labels).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '删除', '全选']);
  });

  it('gives macOS its app menu', () => {
    const t = buildMenuTemplate({ language: 'en', platform: 'darwin', isDev: false });
    expect(t[0]?.label).toBe('ExportDesk');
    expect(roles(t)).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
  });

  it('offers reload and DevTools only in development', () => {
    expect(roles(buildMenuTemplate({ language: 'en', platform: 'win32', isDev: false }))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ language: 'en', platform: 'win32', isDev: false }))).not.toContain('reload');
    expect(roles(buildMenuTemplate({ language: 'en', platform: 'win32', isDev: true }))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });

  it('offers quick capture, search and printing in the File menu, with the page shortcuts, and runs them', () => {
    const ran: AppCommand[] = [];
    for (const platform of ['win32', 'darwin']) {
      const file = menu(buildMenuTemplate({ language: 'en', platform, isDev: false, onCommand: (c) => ran.push(c) }), 'File');
      const items = file.filter((i) => i.accelerator);
      expect(items.map((i) => i.label)).toEqual(['Quick Capture…', 'Search Everything…', 'Print Customer Card…']);
      expect(items.map((i) => i.accelerator)).toEqual(['CommandOrControl+Shift+L', 'CommandOrControl+K', 'CommandOrControl+P']);
      for (const item of items) (item.click as () => void)();
    }
    expect(ran).toEqual([...APP_COMMANDS, ...APP_COMMANDS]);
    expect(Object.keys(COMMAND_ACCELERATORS).sort()).toEqual([...APP_COMMANDS].sort());
    const zh = menu(buildMenuTemplate({ language: 'zh-CN', platform: 'win32', isDev: false }), '文件');
    expect(zh.filter((i) => i.accelerator).map((i) => i.label)).toEqual(['快速录入…', '全局搜索…', '打印客户卡片…']);
  });
});
