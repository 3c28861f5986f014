import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { classLabel } from '../../lib/class-labels';
import type { TierFilter } from './followup-keys';

const TIERS: readonly TierFilter[] = ['A', 'B', 'C', 'none'];

interface Props {
  owners: Record<string, number> | undefined;
  owner: string | null;
  onOwnerChange: (owner: string | null) => void;
  tier: TierFilter | null;
  onTierChange: (tier: TierFilter | null) => void;
}

// Owner option values: '' = all owners; '=<name>' = one owner, so "no owner" ('') can be chosen too.
const encode = (owner: string) => `=${owner}`;

/** Owner (from the customers' owners) and value tier filters of the follow-up lists. */
export function FollowUpFilters({ owners, owner, onOwnerChange, tier, onTierChange }: Props) {
  const { t, i18n } = useTranslation();
  const ownerId = useId();
  const tierId = useId();
  const ownerNames = useMemo(() => {
    const names = Object.keys(owners ?? {});
    if (owner !== null && !names.includes(owner)) names.push(owner);
    const collator = new Intl.Collator(i18n.language === 'zh-CN' ? 'zh-CN-u-co-pinyin' : i18n.language);
    return names.sort((a, b) => Number(a === '') - Number(b === '') || collator.compare(a, b));
  }, [owners, owner, i18n.language]);

  return (
    <div className="toolbar followup-toolbar">
      <div className="toolbar-field">
        <label htmlFor={ownerId}>{t('followups.filters.owner')}</label>
        <select
          id={ownerId}
          value={owner === null ? '' : encode(owner)}
          className={owner === null ? undefined : 'is-filtering'}
          onChange={(e) => onOwnerChange(e.target.value === '' ? null : e.target.value.slice(1))}
        >
          <option value="">{t('followups.filters.allOwners')}</option>
          {ownerNames.map((name) => (
            <option key={name} value={encode(name)}>
              {name === '' ? t('followups.filters.noOwner') : name}
            </option>
          ))}
        </select>
      </div>
      <div className="toolbar-field">
        <label htmlFor={tierId}>{t('followups.filters.tier')}</label>
        <select
          id={tierId}
          value={tier ?? ''}
          className={tier === null ? undefined : 'is-filtering'}
          onChange={(e) => onTierChange(TIERS.find((x) => x === e.target.value) ?? null)}
        >
          <option value="">{t('followups.filters.allTiers')}</option>
          {TIERS.map((x) => (
            <option key={x} value={x}>
              {classLabel(t, i18n.language, 'tier', x)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
