import type { TeamConflict, TeamStatus } from '../../shared/domain/team';
import { askHidden, passwordFromStdin } from '../../server/terminal';
import { printTable } from '../print-table';
import { command, int, UsageError, type Command } from '../command';

function describeStatus(s: TeamStatus): string {
  if (s.state === 'off') return `not in a team${s.waiting ? ` (${s.waiting} changes kept from before)` : ''}`;
  const who = s.user ? `${s.user.name} (${s.user.login}, ${s.user.role})` : '?';
  const lines = [
    `${s.state}: ${s.server} as ${who}, device "${s.deviceName}"`,
    `waiting ${s.waiting} changes; ${s.conflicts} conflicts to look at; last sync ${s.lastSyncAt ?? 'never'}`,
  ];
  if (s.offlineSince) lines.push(`offline since ${s.offlineSince}`);
  if (s.problem) lines.push(`problem ${s.problem.code}: ${s.problem.message}`);
  return lines.join('\n');
}

const show = (v: unknown) => (v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v));

function conflictRows(list: TeamConflict[]) {
  return list.map((c) => ({
    id: c.id,
    customer: c.company ?? '–',
    table: c.tbl,
    field: c.field,
    mine: show(c.mine).slice(0, 40),
    theirs: c.code ? `(${c.code})` : show(c.theirs).slice(0, 40),
    kept: c.kept,
    resolved: c.resolvedAt ?? '',
  }));
}

/** The team server (#19): joining this book to a team, syncing, the conflict list. */
export const teamCommands: readonly Command[] = [
  command({
    name: 'team join',
    usage: '<https://server[:port]> --login <login> [--fingerprint <sha256>] [--device <name>] [--password-stdin] [--preview]',
    summary:
      'join a team server: without --fingerprint it only shows the server certificate’s fingerprint to compare with the one the server printed; with it, logs in (the password asked, or piped with --password-stdin), downloads the team’s book, merges matching customers and uploads this book (--preview: only what it would upload and merge)',
    strings: ['login', 'fingerprint', 'device'],
    flags: ['password-stdin', 'preview'],
    async run({ argument, opt, flag, call, print, out }) {
      if (!argument) throw new UsageError('team join needs the server address (https://host:port)');
      const probe = await call('team.probe', { server: argument });
      if (!opt.fingerprint) {
        print({ probe }, () =>
          out(
            `${argument} shows the certificate\n  SHA-256 fingerprint: ${probe.fingerprint}\n  subject: ${probe.subject}\n  valid to: ${probe.validTo}\ncompare it with the one the server printed, then run again with --fingerprint ${probe.fingerprint}`,
          ),
        );
        return 2;
      }
      if (!opt.login) throw new UsageError('team join needs --login');
      const password = flag['password-stdin']
        ? await passwordFromStdin()
        : await askHidden(`Password for ${opt.login}: `, (m) => new UsageError(m));
      const input = {
        server: argument,
        login: opt.login,
        password,
        fingerprint: opt.fingerprint,
        deviceName: opt.device ?? (process.env.HOSTNAME || 'ExportDesk CLI'),
      };
      if (flag.preview) {
        const p = await call('team.preview', input);
        print(p, () =>
          out(`this book: ${p.customers} customers, ${p.matched} of them match the team’s and would be merged; ${p.rows} rows to upload`),
        );
        return 0;
      }
      const status = await call('team.join', input);
      print(status, () => out(describeStatus(status)));
      return status.state === 'error' ? 1 : 0;
    },
  }),
  command({
    name: 'team status',
    summary: 'whether this book is in a team, what waits to be sent, conflicts, the last sync',
    async run({ call, print, out }) {
      const s = await call('team.status', {});
      print(s, () => out(describeStatus(s)));
      return 0;
    },
  }),
  command({
    name: 'team sync',
    summary: 'push what waits and pull what is new, now; exit code 1 when the server could not be reached or refused',
    async run({ call, print, out }) {
      const s = await call('team.sync', {});
      print(s, () => out(describeStatus(s)));
      return s.state === 'error' || s.state === 'offline' ? 1 : 0;
    },
  }),
  command({
    name: 'team conflicts',
    usage: '[--all]',
    summary: 'concurrent edits and refused changes still to look at (--all: the resolved ones too)',
    flags: ['all'],
    async run({ flag, call, print, out }) {
      const open = await call('team.conflicts', {});
      const list = flag.all ? [...open, ...(await call('team.conflicts', { resolved: true }))] : open;
      print(list, () => printTable(out, conflictRows(list), ['id', 'customer', 'table', 'field', 'mine', 'theirs', 'kept', 'resolved']));
      return 0;
    },
  }),
  command({
    name: 'team resolve',
    usage: '<conflictId> --keep mine|theirs',
    summary: 'keep my value (written again: it wins everywhere) or theirs (the conflict is closed)',
    strings: ['keep'],
    async run({ argument, opt, call, print, out }) {
      if (!argument) throw new UsageError('team resolve needs the conflict id');
      if (opt.keep !== 'mine' && opt.keep !== 'theirs') throw new UsageError('--keep must be mine or theirs');
      const c = await call('team.resolveConflict', { id: int(argument, 'conflictId', 0), keep: opt.keep });
      print(c, () => out(`conflict ${c.id} resolved: kept ${opt.keep}`));
      return 0;
    },
  }),
  command({
    name: 'team leave',
    summary: 'stop syncing: the book stays on this computer as it is, unsent changes are kept',
    async run({ call, print, out }) {
      const s = await call('team.leave', {});
      print(s, () => out(describeStatus(s)));
      return 0;
    },
  }),
];
