/** English text of safety; strings.zh-CN.ts has exactly the same keys (its type says so). */
export const safetyEn = {
  safety: {
    recovery: {
      title: 'ExportDesk cannot open your database',
      corrupt: 'The database file is damaged or is not an ExportDesk database. ExportDesk has not changed it.',
      newerVersion:
        'This database was written by a newer version of ExportDesk. Install the latest ExportDesk to open it. This version has not changed the file and will never convert it back.',
      openFailed:
        'ExportDesk could not open its database. Check that the file is not open in another program and that the disk is writable, then start ExportDesk again.',
      file: 'Database file',
      backupFolder: 'Backup folder',
      details: 'Technical details',
      newestBackup: 'The newest good backup was made on {{date}} ({{reason}}).',
      noBackup: 'There is no good backup in the backup folder.',
      keptAside:
        'Restoring moves the damaged file aside — it is kept beside the database, not deleted — and puts a copy of the backup in its place. Changes made after the backup will not be in it.',
      restoreLatest: 'Restore the backup from {{date}}',
      startEmpty: 'Start with an empty database',
      startEmptyTitle: 'Start with an empty database?',
      startEmptyBody:
        'The damaged file is moved aside and kept; ExportDesk starts with no customers. You can still restore a backup later in Settings.',
      startEmptyConfirm: 'Start empty',
      cancel: 'Cancel',
      working: 'Restoring…',
      restored: 'The backup from {{date}} was restored. The damaged database was kept at {{path}}.',
      startedEmpty: 'ExportDesk started with an empty database. The previous file was kept at {{path}}.',
      continue: 'Open ExportDesk',
    },
    backups: {
      title: 'Backups',
      intro:
        'ExportDesk backs up your database by itself: on the schedule set under General (every 30 minutes unless you change it) when something changed, before every import and when you quit. It keeps the last 10 backups, one a day for 14 days and one a month for 6 months, and checks each backup after writing it.',
      folder: 'Backup folder',
      last: 'Last backup',
      never: 'No backup yet',
      backUpNow: 'Back up now',
      working: 'Backing up…',
      done: 'Backup made: {{file}}',
      tableCaption: 'Backups, newest first',
      when: 'Made',
      reason: 'Why',
      size: 'Size',
      file: 'File',
      restore: 'Restore…',
      restoreLabel: 'Restore the backup from {{date}}',
      empty: 'There are no backups yet.',
      confirmTitle: 'Restore this backup?',
      confirmBody:
        'The database is replaced with the backup from {{date}}; changes made since then will not be in it. The current database is not deleted: it is kept beside it (its file name contains “before-restore”), so this restore can be undone.',
      confirm: 'Restore',
      cancel: 'Cancel',
      restoring: 'Restoring…',
      restored: 'The backup from {{date}} was restored. The previous database was kept at {{path}}.',
      reasons: {
        scheduled: 'Scheduled',
        import: 'Before an import',
        quit: 'At quit',
        manual: 'By hand',
        'pre-migrate': 'Before an update',
      },
    },
  },
} as const;
