import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TabList } from '../../components/tab-list';
import { errorText } from '../../i18n/error-text';
import { toIpcError } from '../../lib/ipc';
import { useCustomerFacets } from '../../lib/use-customer-facets';
import { StaleDealsPanel } from '../deals';
import { ChurnRiskPanel } from './churn-risk-panel';
import type { FollowUpBucket, TierFilter } from './followup-keys';
import { FollowUpFilters } from './followup-filters';
import { FollowUpTable } from './followup-table';
import { OverdueComplaints } from './overdue-complaints';
import { PlanPanel } from './plan-panel';
import { LIST_LIMIT, useBucketCounts, useChurnRisk, useFollowUpList, useFollowUpPlan, type BucketCount } from './use-followups';

type Bucket = Exclude<FollowUpBucket, 'open'>;
/** The follow-up lists, then the churn-risk list and the cadence proposals. */
type Tab = Bucket | 'churn' | 'plan';
const TABS: readonly Tab[] = ['today', 'overdue', 'upcoming', 'done', 'churn', 'plan'];
const isBucket = (tab: Tab): tab is Bucket => tab !== 'churn' && tab !== 'plan';

/**
 * Follow-ups: Today (with overdue complaints above it) / Overdue / next 7 days / Done, the
 * customers at churn risk and the proposed follow-ups, filtered by owner and value tier, worked
 * from the keyboard.
 */
export function FollowUpsPage() {
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<Tab>('today');
  const [owner, setOwner] = useState<string | null>(null);
  const [tier, setTier] = useState<TierFilter | null>(null);
  const tiers = useMemo<TierFilter[]>(() => (tier ? [tier] : []), [tier]);
  const bucket = isBucket(tab) ? tab : null;
  const bucketCounts = useBucketCounts(owner, tiers);
  const churn = useChurnRisk(owner, tiers);
  // Proposals read every customer: counted only while their tab is open (and shown while fresh).
  const plan = useFollowUpPlan(tab === 'plan', owner, tiers);
  const counts: Partial<Record<Tab, BucketCount>> = {
    ...bucketCounts,
    churn: churn.data ? { count: churn.data.items.length, more: churn.data.more } : undefined,
    plan: plan.data && !plan.isStale ? { count: plan.data.total, more: false } : undefined,
  };
  const list = useFollowUpList(bucket, owner, tiers);
  const facets = useCustomerFacets('active');
  const filtered = owner !== null || tier !== null;

  const countText = (c: BucketCount | undefined) =>
    c === undefined ? '' : c.more ? t('followups.countMore', { count: c.count }) : new Intl.NumberFormat(i18n.language).format(c.count);

  const tabLabel = t(`followups.tabs.${tab}`);
  const data = list.data;

  return (
    <div className="followups-page">
      <div className="page-header">
        <h1 className="page-title">{t('followups.title')}</h1>
        <FollowUpFilters owners={facets.data?.owners} owner={owner} onOwnerChange={setOwner} tier={tier} onTierChange={setTier} />
      </div>
      <div className="tab-subbar">
        <TabList
          idPrefix="followups"
          tabs={TABS}
          selected={tab}
          onSelect={setTab}
          label={t('followups.tabsLabel')}
          tabLabel={(name) => t(`followups.tabs.${name}`)}
          count={(name) => countText(counts[name])}
          overdue={(name) => name === 'overdue' && (counts.overdue?.count ?? 0) > 0}
        />
        <p className="keys-hint muted" id="followups-keys-hint" hidden={bucket === null}>
          {t('followups.shortcutsHint')}
        </p>
      </div>
      <div
        role="tabpanel"
        id="followups-panel"
        aria-labelledby={`followups-tab-${tab}`}
        aria-describedby={bucket === null ? undefined : 'followups-keys-hint'}
        className="tab-panel"
        aria-busy={(bucket === null ? tab === 'churn' && churn.isFetching : list.isFetching) || undefined}
      >
        {tab === 'today' ? <OverdueComplaints owner={owner} /> : null}
        {tab === 'today' ? <StaleDealsPanel /> : null}
        {tab === 'churn' ? (
          <ChurnRiskPanel owner={owner} tiers={tiers} filtered={filtered} />
        ) : tab === 'plan' ? (
          <PlanPanel owner={owner} tiers={tiers} filtered={filtered} />
        ) : !data ? (
          <p className="followup-message muted">{list.isError ? errorText(t, toIpcError(list.error)) : t('common.loading')}</p>
        ) : (
          <>
            <FollowUpTable
              label={tabLabel}
              items={data.items}
              done={tab === 'done'}
              emptyText={filtered ? t('followups.emptyFiltered') : t(`followups.empty.${tab}`)}
            />
            {data.more ? <p className="followup-message muted">{t('followups.more', { count: LIST_LIMIT })}</p> : null}
          </>
        )}
      </div>
    </div>
  );
}
