import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { classLabel } from '../../lib/class-labels';
import { useOwners } from '../../lib/use-owners';
import type { TierFilter } from './followup-keys';
import { SearchSelect } from '../../components/search-select';

const TIERS: readonly TierFilter[] = ['A', 'B', 'C', 'none'];

interface Props {
  /** The customers' owners with counts (whether some customers have no owner). */
  owners: Record<string, number> | undefined;
  owner: string | null;
  onOwnerChange: (owner: string | null) => void;
  tier: TierFilter | null;
  onTierChange: (tier: TierFilter | null) => void;
}

// Owner option values: '' = all owners; '=<name>' = one owner, so "no owner" ('') can be chosen too.
const encode = (owner: string) => `=${owner}`;

/** Owner (the staff from Settings, then the customers' owners) and value tier filters of the follow-up lists. */
export function FollowUpFilters({ owners, owner, onOwnerChange, tier, onTierChange }: Props) {
  const { t, i18n } = useTranslation();
  const ownerId = useId();
  const tierId = useId();
  // Follow-ups match their owner exactly, so names that differ in case stay apart here.
  const known = useOwners({ exact: true });
  const ownerNames = useMemo(() => {
    const names = [...known];
    if (owner && !names.includes(owner)) names.push(owner);
    // "No owner" last.
    if (owner === '' || (owners && '' in owners)) names.push('');
    return names;
  }, [known, owners, owner]);

  return (
    <div className="toolbar followup-toolbar">
      <div className="toolbar-field">
        <label htmlFor={ownerId}>{t('followups.filters.owner')}</label>
        <SearchSelect
          search
          id={ownerId}
          value={owner === null ? '' : encode(owner)}
          className={owner === null ? undefined : 'is-filtering'}
          options={[
            { value: '', label: t('followups.filters.allOwners') },
            ...ownerNames.map((name) => ({ value: encode(name), label: name === '' ? t('followups.filters.noOwner') : name })),
          ]}
          onChange={(v) => onOwnerChange(v === '' ? null : v.slice(1))}
        />
      </div>
      <div className="toolbar-field">
        <label htmlFor={tierId}>{t('followups.filters.tier')}</label>
        <SearchSelect
          id={tierId}
          value={tier ?? ''}
          className={tier === null ? undefined : 'is-filtering'}
          options={[
            { value: '', label: t('followups.filters.allTiers') },
            ...TIERS.map((x) => ({ value: x, label: classLabel(t, i18n.language, 'tier', x) })),
          ]}
          onChange={(v) => onTierChange(TIERS.find((x) => x === v) ?? null)}
        />
      </div>
    </div>
  );
}
