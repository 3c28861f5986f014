import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../src/main/platform/menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [
    ...(i.role ? [i.role] : []),
    ...(Array.isArray(i.submenu) ? roles(i.submenu) : []),
  ]);
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
    const t = buildMenuTemplate({ language: 'zh', platform: 'win32', isDev: false });
    expect(t.map((i) => i.label)).toEqual(['文件', '编辑', '视图', '窗口']);
    const labels = menu(t, '编辑').filter((i) => i.type !== 'separator').map((i) => i.label);
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
});
