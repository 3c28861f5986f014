import { resolve } from 'node:path';
import { printTable } from '../print-table';
import { command, UsageError, type Command } from '../command';

/** Data safety. */
export const safetyCommands: readonly Command[] = [
  command({
    name: 'check',
    usage: '[--full]',
    summary: 'database integrity: quick_check (--full: integrity_check); exit code 1 when not sound',
    flags: ['full'],
    recovery: true,
    async run({ flag, engine, call, print, out }) {
      const startup = engine.safety.state;
      if (startup.state !== 'ok') {
        const report = {
          ok: false,
          state: startup.state,
          code: startup.problem?.code ?? '',
          message: startup.problem?.message ?? '',
          problems: startup.problem?.details ?? [],
        };
        print(report, () =>
          out(`NOT OK (${startup.state}): ${report.message}${report.problems.length ? `\n${report.problems.join('\n')}` : ''}`),
        );
        return 1;
      }
      const c = await call('db.check', { full: flag.full });
      print({ ...c, state: 'ok' }, () =>
        out(c.ok ? `ok (${c.sizeBytes} bytes, schema ${c.schemaVersion})` : `NOT OK:\n${c.problems.join('\n')}`),
      );
      return c.ok ? 0 : 1;
    },
  }),
  command({
    name: 'backup',
    usage: '[--out <file>]',
    summary: 'a verified backup to <file> (must not exist), else into the backups folder beside the database',
    strings: ['out'],
    async run({ opt, engine, print, out }) {
      const b = opt.out ? engine.safety.backupTo(resolve(opt.out)) : engine.safety.backupNow('manual');
      print(b, () => out(`backed up to ${b.path} (${b.sizeBytes} bytes, checked)`));
      return 0;
    },
  }),
  command({
    name: 'backups list',
    summary: 'the backups in the backups folder, newest first',
    recovery: true,
    async run({ call, print, out }) {
      const list = await call('backups.list', {});
      print(list, () => {
        out(`backups folder: ${list.dir}`);
        printTable(
          out,
          list.backups.map((b) => ({ file: b.fileName, created: b.createdAt, reason: b.reason, bytes: b.sizeBytes })),
          ['file', 'created', 'reason', 'bytes'],
        );
      });
      return 0;
    },
  }),
  command({
    name: 'restore',
    usage: '<file>',
    summary: 'replace the database with a backup; the current database is kept beside it first',
    recovery: true,
    async run({ argument, engine, print, out }) {
      if (!argument) throw new UsageError('restore needs the backup file');
      const r = await engine.safety.restoreFrom(resolve(argument));
      print(r, () => out(`restored ${r.restoredFrom}${r.keptAsidePath ? `; the previous database was kept at ${r.keptAsidePath}` : ''}`));
      return 0;
    },
  }),
];
