import { RESULT_DIMENSIONS } from '../../shared/domain/surveys';
import { printTable } from '../print-table';
import { command, int, UsageError, type Command } from '../command';

/** Surveys. */
export const surveysCommands: readonly Command[] = [
  command({
    name: 'surveys list',
    summary: 'survey campaigns with how many were sent, answered and declined',
    async run({ call, print, out }) {
      const list = await call('surveys.campaigns', {});
      print(list, () =>
        printTable(
          out,
          list.map((c) => ({
            id: c.id,
            created: c.createdAt.slice(0, 10),
            name: c.name,
            recipients: c.counts.total,
            sent: c.counts.sent,
            answered: c.counts.answered,
            declined: c.counts.declined,
          })),
          ['id', 'created', 'name', 'recipients', 'sent', 'answered', 'declined'],
        ),
      );
      return 0;
    },
  }),
  command({
    name: 'surveys results',
    usage: `<campaignId|all> [--by ${RESULT_DIMENSIONS.join('|')}]`,
    summary: 'NPS and CSAT of a campaign ("all" for every campaign), overall and by the chosen dimension',
    strings: ['by'],
    async run({ opt, argument, call, print, out }) {
      if (!argument) throw new UsageError('surveys results needs a campaign id (or "all")');
      const by = (opt.by ?? 'overall') as (typeof RESULT_DIMENSIONS)[number];
      if (!RESULT_DIMENSIONS.includes(by)) throw new UsageError(`--by must be one of ${RESULT_DIMENSIONS.join(', ')}`);
      const results = await call('surveys.results', argument === 'all' ? { by } : { campaignId: int(argument, 'campaignId', 0), by });
      print(results, () => {
        const fmt = (n: number | null) => (n === null ? '–' : String(n));
        out(
          `responses ${results.overall.responses}; NPS ${fmt(results.overall.nps)} (${results.overall.promoters} promoters, ${results.overall.detractors} detractors of ${results.overall.npsCount}); CSAT ${fmt(results.overall.csatAvg)} (${results.overall.csatCount})`,
        );
        if (by !== 'overall') {
          printTable(
            out,
            results.groups.map((g) => ({
              [by]: g.key || '(none)',
              responses: g.responses,
              nps: fmt(g.nps),
              promoters: g.promoters,
              detractors: g.detractors,
              csat: fmt(g.csatAvg),
            })),
            [by, 'responses', 'nps', 'promoters', 'detractors', 'csat'],
          );
        }
      });
      return 0;
    },
  }),
];
