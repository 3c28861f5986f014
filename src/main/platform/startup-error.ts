import { isErrorCode, toErrorShape, type ErrorCode } from '../../shared/errors';
import type { UiLanguage } from './locale';

/** The text of the dialog shown when the engine (the database) cannot start. */
export interface StartupErrorText {
  title: string;
  message: string;
  detail: string;
  quit: string;
  showFile: string;
}

type Known = 'DB_TOO_NEW' | 'DB_CORRUPT' | 'DB_OPEN_FAILED' | 'OTHER';

const MESSAGES: Record<UiLanguage, Record<Known, string> & { title: string; quit: string; showFile: string; file: string; reason: string }> = {
  en: {
    title: 'ExportDesk cannot start',
    DB_TOO_NEW:
      'This database was written by a newer ExportDesk. Install the latest version of ExportDesk to open it; this version has not changed the file.',
    DB_CORRUPT:
      'The database file is damaged or is not an ExportDesk database. ExportDesk has not changed it. Restore it from a backup (in the “backups” folder beside it), or move it aside to start with an empty database.',
    DB_OPEN_FAILED:
      'ExportDesk could not open its database. Check that the file is not open in another program and that the disk is writable, then start ExportDesk again.',
    OTHER: 'ExportDesk could not start its database engine. Reinstalling ExportDesk may help.',
    quit: 'Quit',
    showFile: 'Show the file',
    file: 'Database file',
    reason: 'Reason',
  },
  zh: {
    title: 'ExportDesk 无法启动',
    DB_TOO_NEW: '此数据库由更新版本的 ExportDesk 创建。请安装最新版本的 ExportDesk 后再打开；当前版本没有修改该文件。',
    DB_CORRUPT: '数据库文件已损坏，或不是 ExportDesk 数据库。ExportDesk 没有修改该文件。请从备份恢复（位于其旁边的 backups 文件夹），或将其移到别处后以空数据库启动。',
    DB_OPEN_FAILED: 'ExportDesk 无法打开数据库。请确认该文件未被其他程序占用、磁盘可写，然后重新启动 ExportDesk。',
    OTHER: 'ExportDesk 无法启动数据库引擎。重新安装 ExportDesk 可能会解决此问题。',
    quit: '退出',
    showFile: '显示文件',
    file: '数据库文件',
    reason: '原因',
  },
};

function known(code: ErrorCode | undefined): Known {
  return code === 'DB_TOO_NEW' || code === 'DB_CORRUPT' || code === 'DB_OPEN_FAILED' ? code : 'OTHER';
}

/** The localized dialog text for an engine start failure (an AppError with a DB_* code, or anything else). */
export function startupErrorText(error: unknown, language: UiLanguage, dbPath: string): StartupErrorText {
  const shape = toErrorShape(error);
  const code = isErrorCode(shape.code) ? shape.code : undefined;
  const m = MESSAGES[language];
  return {
    title: m.title,
    message: m[known(code)],
    detail: `${m.file}: ${dbPath}\n${m.reason}: ${shape.code} — ${shape.message}`,
    quit: m.quit,
    showFile: m.showFile,
  };
}
