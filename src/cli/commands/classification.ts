import { printTable } from '../print-table';
import { command, type Command } from '../command';

/** Classification. */
export const classificationCommands: readonly Command[] = [
  command({
    name: 'stats',
    summary: 'counts of customers, contacts, inquiries, orders; by region, continent, segment, tier, lifecycle',
    async run({ call, print, out }) {
      const s = await call('stats.overview', {});
      print(s, () => {
        out(
          `customers ${s.customers} (archived ${s.archivedCustomers}), contacts ${s.contacts}, inquiries ${s.inquiries}, orders ${s.orders}`,
        );
        printTable(
          out,
          s.byRegion.map((r) => ({ region: `${r.name.en} ${r.name.zh}`, customers: r.count })),
          ['region', 'customers'],
        );
        for (const [label, counts] of [
          ['segments', s.bySegment],
          ['tiers', s.byTier],
          ['lifecycle', s.byLifecycle],
          ['churn', s.byChurn],
        ] as const) {
          out(
            `${label}: ${Object.entries(counts)
              .map(([k, n]) => `${k} ${n}`)
              .join(', ')}`,
          );
        }
        if (s.lastRun) out(`last classified ${s.lastRun.startedAt} (rules v${s.lastRun.rulesVersion})`);
      });
      return 0;
    },
  }),
  command({
    name: 'classify',
    summary: 'reclassify every customer now; prints customers per class and who moved since the last run',
    async run({ call, print, out }) {
      const run = await call('classify.run', { trigger: 'manual' });
      print(run, () => {
        out(
          `classified ${run.customers} customers in ${run.durationMs} ms with rules v${run.rulesVersion}; ${run.moved} moved since the last run`,
        );
        for (const [dimension, counts] of Object.entries(run.counts)) {
          out(
            `${dimension}: ${Object.entries(counts)
              .map(([k, n]) => `${k} ${n}`)
              .join(', ')}`,
          );
          const moves = Object.entries(run.moves[dimension] ?? {});
          if (moves.length) out(`  moved: ${moves.map(([k, n]) => `${k} ${n}`).join(', ')}`);
        }
        const missing = Object.entries(run.missingRates);
        if (missing.length) out(`no exchange rate (orders left out of revenue): ${missing.map(([c, n]) => `${c} ${n}`).join(', ')}`);
      });
      return 0;
    },
  }),
];
