import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/domain/customer';
import { formatDate, formatDateTime } from '../../i18n/format-date';
import { classLabel } from '../../lib/class-labels';
import { useClassContext } from '../../lib/class-context';
import { ChurnCell, LifecycleCell, MatrixCell, PriorityCell, RfmCell, SegmentCell, TierCell } from './customer-cells';
import { UncountedOrdersNote } from '../../components/uncounted-orders-note';
import { formatMoney } from '../../lib/money-format';
import { PotentialEditor } from './potential-editor';
import { useFilterOptions } from './use-filter-options';

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'summary-item summary-wide' : 'summary-item'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface Props {
  customer: CustomerDetail;
  /** The potential editor is open. */
  editingPotential: boolean;
  /** Another editor is open in the panel: "Change potential" waits. */
  locked: boolean;
  onEditPotential: () => void;
  onPotentialSaved: (customer: CustomerDetail) => void;
  onCancelPotential: () => void;
  onConflict: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

/** Every class of the customer from the last classification run, with the figures behind them. */
export function ClassificationSection(props: Props) {
  const { customer, editingPotential, locked } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = useId();
  const { currency } = useClassContext();
  const c = customer.classes;
  const dash = t('common.notSet');
  const continents = useFilterOptions('continents', { archived: 'all' }, c.continent !== '');
  const regions = useFilterOptions('regions', { archived: 'all' }, c.region !== '');
  const money = (minor: number) => (currency ? formatMoney(minor, currency, lang, true) : dash);
  const days = (n: number) => t('classes.days', { count: n });
  const ago = (n: number) => t('classes.daysAgo', { count: n });
  const hasScores = c.rScore !== null && c.fScore !== null && c.mScore !== null;
  const override = customer.lifecycleOverride;

  return (
    <section className="detail-section classification" aria-labelledby={headingId}>
      <div className="section-header">
        <h3 id={headingId}>{t('classes.title')}</h3>
      </div>
      <dl className="summary">
        <Item label={t('enums.dimension.continent')}>
          {classLabel(t, lang, 'continent', c.continent, continents.data?.find((o) => o.key === c.continent)?.name)}
        </Item>
        <Item label={t('enums.dimension.region')}>
          {classLabel(t, lang, 'region', c.region, regions.data?.find((o) => o.key === c.region)?.name)}
        </Item>
        <Item label={t('enums.dimension.segment')}>
          <SegmentCell segment={c.segment} />
        </Item>
        <Item label={t('classes.rfmScores')}>
          {hasScores ? <RfmCell classes={c} /> : <span className="muted">{t('classes.noScores')}</span>}
        </Item>
        <Item label={t('classes.recency')}>{c.recencyDays === null ? dash : days(c.recencyDays)}</Item>
        <Item label={t('classes.frequency')}>{c.frequency.toLocaleString(lang)}</Item>
        <Item label={t('classes.monetary')}>{money(c.monetaryMinor)}</Item>
        <Item label={t('enums.dimension.tier')}>
          <TierCell tier={c.tier} />
        </Item>
        <Item label={t('classes.revenue')}>{money(c.revenueMinor)}</Item>
        <Item label={t('classes.potential')}>
          <span className="potential-value">
            {t('classes.potentialValue', { value: c.potential })}{' '}
            <span className={c.potentialOverridden ? 'badge badge-manual' : 'badge'}>
              {c.potentialOverridden ? t('classes.potentialManual') : t('classes.potentialComputed')}
            </span>
          </span>
          {!editingPotential ? (
            <Button size="small" className="potential-change" disabled={locked} onClick={props.onEditPotential}>
              {t('classes.changePotential')}
            </Button>
          ) : null}
        </Item>
      </dl>
      <UncountedOrdersNote customerId={customer.id} />
      {editingPotential ? (
        <PotentialEditor
          customer={customer}
          onSaved={props.onPotentialSaved}
          onCancel={props.onCancelPotential}
          onConflict={props.onConflict}
          onDirtyChange={props.onDirtyChange}
        />
      ) : null}
      <dl className="summary">
        <Item label={t('enums.dimension.matrix')}>
          <MatrixCell cell={c.matrix} />
        </Item>
        <Item label={t('enums.dimension.churn')}>
          <ChurnCell churn={c.churn} />
        </Item>
        {c.rhythmDays !== null && c.recencyDays !== null ? (
          <Item label={t('classes.rhythm')} wide>
            {t('classes.churnDetail', { gap: days(c.rhythmDays), ago: ago(c.recencyDays) })}
          </Item>
        ) : null}
        <Item label={t('classes.orderCount')}>{c.orderCount.toLocaleString(lang)}</Item>
        <Item label={t('classes.lastOrder')}>
          {c.lastOrderAt
            ? c.recencyDays === null
              ? formatDate(c.lastOrderAt, lang)
              : t('classes.lastOrderValue', { date: formatDate(c.lastOrderAt, lang), ago: ago(c.recencyDays) })
            : t('classes.noOrders')}
        </Item>
        <Item label={t('fields.lifecycle')} wide>
          <LifecycleCell stage={customer.lifecycleStage} override={override} />{' '}
          <span className="muted class-note">
            {override
              ? t('classes.lifecycleOverridden', { stage: t(`enums.lifecycle.${customer.lifecycleStage}`) })
              : t('classes.lifecycleDerived')}
          </span>
        </Item>
        <Item label={t('enums.dimension.suggestedPriority')} wide>
          <PriorityCell priority={c.suggestedPriority} />
          {customer.priority && customer.priority !== c.suggestedPriority ? (
            <span className="muted class-note"> {t('classes.priorityNote', { priority: t(`enums.priority.${customer.priority}`) })}</span>
          ) : null}
        </Item>
        <Item label={t('classes.classifiedAt')} wide>
          {c.classifiedAt ? formatDateTime(c.classifiedAt, lang) : t('classes.notClassified')}
        </Item>
      </dl>
    </section>
  );
}
