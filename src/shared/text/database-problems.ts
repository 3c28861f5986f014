import type { Language } from '../language';

/** Why the database cannot be used, said once for the start-up dialog (main) and the page's error text. */
export type DatabaseProblem = 'DB_TOO_NEW' | 'DB_CORRUPT' | 'DB_OPEN_FAILED';

export const DATABASE_PROBLEMS = {
  en: {
    DB_TOO_NEW:
      'This database was written by a newer ExportDesk. Install the latest version of ExportDesk to open it; this version has not changed the file.',
    DB_CORRUPT:
      'The database file is damaged or is not an ExportDesk database. ExportDesk has not changed it. Restore it from a backup (in the “backups” folder beside it), or move it aside to start with an empty database.',
    DB_OPEN_FAILED:
      'ExportDesk could not open its database. Check that the file is not open in another program and that the disk is writable, then start ExportDesk again.',
  },
  'zh-CN': {
    DB_TOO_NEW: '此数据库由更新版本的 ExportDesk 创建。请安装最新版本的 ExportDesk 后再打开；当前版本没有修改该文件。',
    DB_CORRUPT:
      '数据库文件已损坏，或不是 ExportDesk 数据库。ExportDesk 没有修改该文件。请从备份恢复（位于其旁边的 backups 文件夹），或将其移到别处后以空数据库启动。',
    DB_OPEN_FAILED: 'ExportDesk 无法打开数据库。请确认该文件未被其他程序占用、磁盘可写，然后重新启动 ExportDesk。',
  },
} as const satisfies Record<Language, Record<DatabaseProblem, string>>;
