import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { errorText } from '../../i18n/error-text';
import { classLabel } from '../../lib/class-labels';
import { toIpcError } from '../../lib/ipc';
import { useAreaNames, useNeedSummary } from './use-relationship-data';
import { SearchSelect } from '../../components/search-select';

type Group = ChannelOutput<'needs.summary'>[number];
type Level = 'continent' | 'region';

interface Props {
  groupBy: 'status' | 'category';
  /** The board's columns in order, to order and name the table's columns. */
  columns: readonly { key: string; label: string }[];
}

interface Row {
  key: string;
  label: string;
  counts: Record<string, number>;
  total: number;
}

/** Rows of one split (areas or industries) of the summary: each market's needs per group, busiest market first. */
function rowsOf(
  groups: readonly Group[],
  pick: (g: Group) => Record<string, number>,
  label: (key: string) => string,
  collator: Intl.Collator,
): Row[] {
  const rows = new Map<string, Row>();
  for (const g of groups) {
    for (const [market, n] of Object.entries(pick(g))) {
      const row = rows.get(market) ?? { key: market, label: label(market), counts: {}, total: 0 };
      row.counts[g.key] = (row.counts[g.key] ?? 0) + n;
      row.total += n;
      rows.set(market, row);
    }
  }
  return [...rows.values()].sort(
    (a, b) => b.total - a.total || Number(a.key === '') - Number(b.key === '') || collator.compare(a.label, b.label),
  );
}

/**
 * "What do markets ask for": every need (not only the board's filtered ones) counted per column of
 * the board's grouping, by the customer's continent or region and by industry.
 */
export function MarketSummary({ groupBy, columns }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = useId();
  const levelId = useId();
  const [level, setLevel] = useState<Level>('continent');
  const summary = useNeedSummary(groupBy);
  const areas = useAreaNames(level);
  const number = useMemo(() => new Intl.NumberFormat(lang), [lang]);
  const collator = useMemo(() => new Intl.Collator(lang === 'zh-CN' ? 'zh-CN-u-co-pinyin' : lang), [lang]);

  const groups = summary.data;
  const keys = useMemo(() => {
    const present = new Set((groups ?? []).map((g) => g.key));
    const ordered = columns.filter((c) => present.has(c.key));
    const extra = (groups ?? []).filter((g) => !columns.some((c) => c.key === g.key)).map((g) => ({ key: g.key, label: g.key }));
    return [...ordered, ...extra];
  }, [groups, columns]);

  const areaRows = useMemo(
    () =>
      rowsOf(
        groups ?? [],
        (g) => (level === 'continent' ? g.byContinent : g.byRegion),
        (code) => classLabel(t, lang, level, code, areas.data?.get(code)),
        collator,
      ),
    [groups, level, areas.data, t, lang, collator],
  );
  const industryRows = useMemo(
    () =>
      rowsOf(
        groups ?? [],
        (g) => g.byIndustry,
        (name) => name || t('enums.notSetClass'),
        collator,
      ),
    [groups, t, collator],
  );

  const table = (caption: string, firstColumn: string, rows: readonly Row[]) => (
    <table className="market-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          {keys.map((k) => (
            <th scope="col" key={k.key} className="market-number">
              {k.label}
            </th>
          ))}
          <th scope="col" className="market-number">
            {t('relationship.markets.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {keys.map((k) => {
              const n = row.counts[k.key] ?? 0;
              return (
                <td key={k.key} className={n ? 'market-number' : 'market-number market-zero'}>
                  {number.format(n)}
                </td>
              );
            })}
            <td className="market-number market-total">{number.format(row.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section className="market-summary" aria-labelledby={headingId}>
      <div className="market-summary-header">
        <h2 id={headingId}>{t('relationship.markets.title')}</h2>
        <div className="toolbar-field">
          <label htmlFor={levelId}>{t('relationship.markets.area')}</label>
          <SearchSelect
            id={levelId}
            value={level}
            options={[
              { value: 'continent', label: t('enums.dimension.continent') },
              { value: 'region', label: t('enums.dimension.region') },
            ]}
            onChange={(v) => setLevel(v === 'region' ? 'region' : 'continent')}
          />
        </div>
      </div>
      <p className="muted market-summary-hint">
        {t(groupBy === 'status' ? 'relationship.markets.hintStatus' : 'relationship.markets.hintCategory')}
      </p>
      {!groups ? (
        <p className="muted">{summary.isError ? errorText(t, toIpcError(summary.error)) : t('common.loading')}</p>
      ) : groups.length === 0 ? (
        <p className="muted">{t('relationship.markets.empty')}</p>
      ) : (
        <div className="market-tables">
          {table(
            t(level === 'continent' ? 'relationship.markets.byContinent' : 'relationship.markets.byRegion'),
            t(`enums.dimension.${level}`),
            areaRows,
          )}
          {table(t('relationship.markets.byIndustry'), t('enums.dimension.industry'), industryRows)}
        </div>
      )}
    </section>
  );
}
