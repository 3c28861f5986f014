import { printTable } from '../print-table';
import { command, int, localZone, type Command } from '../command';

/** Follow-ups and complaints. */
export const followupsCommands: readonly Command[] = [
  command({
    name: 'followups list',
    usage: '[--due overdue|today|upcoming|open|done] [--owner <name>] [--tz <IANA zone>] [--limit <n>]',
    summary: "follow-ups in your local days (zone: --tz, else this computer's)",
    strings: ['due', 'owner', 'tz', 'limit'],
    async run({ opt, call, print, out }) {
      const list = await call('followups.list', {
        bucket: (opt.due ?? 'open') as never,
        timeZone: opt.tz ?? localZone(),
        ...(opt.owner !== undefined ? { owner: opt.owner } : {}),
        limit: int(opt.limit, 'limit', 1000),
      });
      print(list.items, () =>
        printTable(
          out,
          list.items.map((f) => ({ id: f.id, due: f.dueAt, type: f.type, company: f.company, owner: f.owner, note: f.note })),
          ['id', 'due', 'type', 'company', 'owner', 'note'],
        ),
      );
      return 0;
    },
  }),
  command({
    name: 'followups plan',
    usage: '[--apply] [--tz <IANA zone>] [--limit <n>]',
    summary: 'follow-ups the cadence rules propose (unanswered inquiries, quotations, tier rhythm); --apply plans them',
    strings: ['tz', 'limit'],
    flags: ['apply'],
    async run({ opt, flag, call, print, out }) {
      const timeZone = opt.tz ?? localZone();
      const plan = await call('followups.plan', { timeZone, limit: int(opt.limit, 'limit', 5000) });
      const applied = flag.apply ? await call('followups.applyPlan', { timeZone, reasons: [] }) : null;
      print({ ...plan, planned: applied?.planned ?? 0 }, () => {
        printTable(out, plan.proposals, ['customerId', 'company', 'tier', 'owner', 'type', 'dueAt', 'reason']);
        out(
          `${plan.total} proposed (inquiry ${plan.byReason.inquiry ?? 0}, quotation ${plan.byReason.quotation ?? 0}, cadence ${plan.byReason.cadence ?? 0})${applied ? `; ${applied.planned} planned` : ''}`,
        );
      });
      return 0;
    },
  }),
  command({
    name: 'complaints list',
    usage: '[--overdue] [--limit <n>]',
    summary: 'open and past complaints; --overdue: past their response target',
    strings: ['limit'],
    flags: ['overdue'],
    async run({ opt, flag, call, print, out }) {
      const list = await call('complaints.list', { overdueOnly: flag.overdue, limit: int(opt.limit, 'limit', 500) });
      print(list, () =>
        printTable(
          out,
          list.map((k) => ({
            id: k.id,
            dueBy: k.dueBy,
            overdue: k.overdue ? 'yes' : '',
            severity: k.severity,
            status: k.status,
            company: k.company,
            owner: k.owner,
          })),
          ['id', 'dueBy', 'overdue', 'severity', 'status', 'company', 'owner'],
        ),
      );
      return 0;
    },
  }),
];
