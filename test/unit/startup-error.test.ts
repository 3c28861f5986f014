import { describe, expect, it } from 'vitest';
import { languageOfLocale } from '../../src/shared/language';
import { startupErrorText } from '../../src/main/platform/startup-error';
import { AppError } from '../../src/shared/errors';

describe('languageOfLocale', () => {
  it('is Chinese for every Chinese locale and English otherwise', () => {
    for (const l of ['zh', 'zh-CN', 'zh-TW', 'zh_Hans', 'ZH-cn']) expect(languageOfLocale(l), l).toBe('zh-CN');
    for (const l of ['en-US', 'de', 'zu', '', undefined]) expect(languageOfLocale(l), String(l)).toBe('en');
  });
});

describe('startupErrorText', () => {
  const db = '/home/u/.config/ExportDesk/ExportDesk.db';

  it('explains a database from a newer version, in both languages', () => {
    const err = new AppError('DB_TOO_NEW', 'schema 9 > 3');
    expect(startupErrorText(err, 'en', db).message).toMatch(/^This database was written by a newer ExportDesk/);
    expect(startupErrorText(err, 'zh-CN', db).message).toMatch(/^此数据库由更新版本的 ExportDesk 创建/);
  });

  it('has its own text for a damaged file and for a file that cannot be opened', () => {
    const corrupt = startupErrorText(new AppError('DB_CORRUPT', 'x'), 'en', db);
    const failed = startupErrorText(new AppError('DB_OPEN_FAILED', 'x'), 'en', db);
    const other = startupErrorText(new Error('native module missing'), 'en', db);
    expect(corrupt.message).toMatch(/damaged/);
    expect(failed.message).toMatch(/could not open/);
    expect(other.message).toMatch(/could not start its database engine/);
    expect(new Set([corrupt.message, failed.message, other.message]).size).toBe(3);
    expect(startupErrorText(new AppError('DB_CORRUPT', 'x'), 'zh-CN', db).message).toMatch(/损坏/);
  });

  it('shows the file and the reason in the detail', () => {
    const t = startupErrorText(new AppError('DB_OPEN_FAILED', 'EACCES: permission denied'), 'zh-CN', db);
    expect(t.detail).toContain(db);
    expect(t.detail).toContain('DB_OPEN_FAILED');
    expect(t.detail).toContain('EACCES');
    expect(t.title).toBe('ExportDesk 无法启动');
    expect([t.quit, t.showFile]).toEqual(['退出', '显示文件']);
  });
});
