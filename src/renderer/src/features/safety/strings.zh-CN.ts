import type { Strings } from '../../i18n/strings-type';
import type { safetyEn } from './strings.en';

/** 简体中文：键与 strings.en.ts 完全一致（由类型保证）。 */
export const safetyZhCN: Strings<typeof safetyEn> = {
  safety: {
    recovery: {
      title: 'ExportDesk 无法打开数据库',
      corrupt: '数据库文件已损坏，或不是 ExportDesk 数据库。ExportDesk 没有修改该文件。',
      newerVersion:
        '此数据库由更新版本的 ExportDesk 创建。请安装最新版本的 ExportDesk 后再打开。当前版本没有修改该文件，也绝不会把它转换回旧格式。',
      openFailed: 'ExportDesk 无法打开数据库。请确认该文件未被其他程序占用、磁盘可写，然后重新启动 ExportDesk。',
      file: '数据库文件',
      backupFolder: '备份文件夹',
      details: '技术细节',
      newestBackup: '最新的完好备份创建于 {{date}}（{{reason}}）。',
      noBackup: '备份文件夹中没有完好的备份。',
      keptAside: '恢复时，损坏的文件会被移到一旁保留（放在数据库旁边，不会删除），并用备份的副本替换它。备份之后所做的更改不会包含在内。',
      restoreLatest: '恢复 {{date}} 的备份',
      startEmpty: '以空数据库启动',
      startEmptyTitle: '以空数据库启动？',
      startEmptyBody: '损坏的文件会被移到一旁并保留；ExportDesk 将以没有客户的空数据库启动。之后仍可在“设置”中恢复备份。',
      startEmptyConfirm: '以空数据库启动',
      cancel: '取消',
      working: '正在恢复…',
      restored: '已恢复 {{date}} 的备份。损坏的数据库已保留在 {{path}}。',
      startedEmpty: 'ExportDesk 已以空数据库启动。原来的文件已保留在 {{path}}。',
      continue: '打开 ExportDesk',
    },
    backups: {
      title: '备份',
      intro:
        'ExportDesk 会自动备份数据库：有更改时按“常规”中设置的间隔（默认每 30 分钟）一次、每次导入之前以及退出时。它保留最近 10 个备份、14 天内每天一个、6 个月内每月一个，并在写入后检查每个备份。',
      folder: '备份文件夹',
      last: '上次备份',
      never: '尚无备份',
      backUpNow: '立即备份',
      working: '正在备份…',
      done: '已创建备份：{{file}}',
      tableCaption: '备份（最新的在前）',
      when: '创建时间',
      reason: '原因',
      size: '大小',
      file: '文件',
      restore: '恢复…',
      restoreLabel: '恢复 {{date}} 的备份',
      empty: '还没有备份。',
      confirmTitle: '恢复此备份？',
      confirmBody:
        '数据库将被替换为 {{date}} 的备份；此后所做的更改不会包含在内。当前数据库不会被删除，而是保留在它旁边（文件名含“before-restore”），因此这次恢复也可以撤销。',
      confirm: '恢复',
      cancel: '取消',
      restoring: '正在恢复…',
      restored: '已恢复 {{date}} 的备份。之前的数据库已保留在 {{path}}。',
      reasons: {
        scheduled: '定时',
        import: '导入之前',
        quit: '退出时',
        manual: '手动',
        'pre-migrate': '升级之前',
      },
    },
  },
};
