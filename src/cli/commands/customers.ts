import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { printTable } from '../print-table';
import { command, int, UsageError, type Command } from '../command';

/** Customers. */
export const customersCommands: readonly Command[] = [
  command({
    name: 'customers add',
    usage:
      '--company <name> [--country <ISO-2>] [--industry <text>] [--email <address>] [--name <contact>] [--phone <text>] [--city <text>] [--owner <text>]',
    summary: 'add a customer (with a contact when --email, --name or --phone is given)',
    strings: ['company', 'country', 'industry', 'email', 'name', 'phone', 'city', 'owner'],
    async run({ opt, call, print, out }) {
      if (!opt.company) throw new UsageError('--company is required');
      const contact = opt.email || opt.name || opt.phone ? [{ email: opt.email ?? '', name: opt.name ?? '', phone: opt.phone ?? '' }] : [];
      const c = await call('customers.create', {
        company: opt.company,
        country: opt.country ?? '',
        industry: opt.industry ?? '',
        city: opt.city ?? '',
        owner: opt.owner ?? '',
        contacts: contact,
      });
      print(c, () => out(`created customer ${c.id}: ${c.company}${c.country ? ` (${c.country})` : ''}`));
      return 0;
    },
  }),
  command({
    name: 'customers list',
    usage: '[--search <text>] [--country <ISO-2>] [--segment <slug>] [--tier A|B|C|none] [--limit <n>]',
    summary: 'customers; with --json each carries its classes (region, segment, R/F/M, tier, potential, lifecycle, churn…)',
    strings: ['search', 'country', 'segment', 'tier', 'limit'],
    async run({ opt, call, print, out }) {
      const limit = int(opt.limit, 'limit', 1000);
      const rows: ChannelOutput<'customers.list'>['rows'] = [];
      let after: ChannelInput<'customers.list'>['after'];
      while (rows.length < limit) {
        const page = await call('customers.list', {
          filter: {
            search: opt.search ?? '',
            countries: opt.country ? [opt.country] : [],
            segments: opt.segment ? [opt.segment as never] : [],
            tiers: opt.tier ? [opt.tier as never] : [],
          },
          limit: Math.min(1000, limit - rows.length),
          ...(after ? { after } : {}),
        });
        rows.push(...page.rows);
        if (!page.nextCursor) break;
        after = page.nextCursor;
      }
      print(rows, () =>
        printTable(
          out,
          rows.map((r) => ({
            ...r,
            segment: r.classes.segment,
            tier: r.classes.tier,
            lifecycle: r.lifecycleOverride ?? r.lifecycleStage,
            churn: r.classes.churn,
          })),
          ['id', 'company', 'country', 'industry', 'owner', 'segment', 'tier', 'lifecycle', 'churn'],
        ),
      );
      return 0;
    },
  }),
];
