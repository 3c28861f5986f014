import { Segmented } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from './use-me';
import '../../styles/pool.css';

type Scope = 'all' | 'mine' | 'pool';
/** No choice shown: the owner filter names someone else, or several owners. */
const OTHER = 'other';

/** Which of the three the owner filter is ([] all, [me] mine, [''] the pool), if any. */
export function ownerScopeOf(owners: readonly string[], me: string | null): Scope | null {
  if (owners.length === 0) return 'all';
  if (owners.length !== 1) return null;
  if (owners[0] === '') return 'pool';
  return me !== null && owners[0] === me ? 'mine' : null;
}

interface Props {
  /** The grid's owner filter (customerFilterSchema.owners). */
  owners: readonly string[];
  onChange: (owners: string[]) => void;
}

/**
 * All / My customers / Pool over the grid: sets the owner filter, and shows the choice the filter
 * already is (from a saved view, a link, the owner select). "My customers" waits for a "me".
 */
export function OwnerScope({ owners, onChange }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const hintId = useId();
  const current = ownerScopeOf(owners, me);
  const choose = (scope: Scope) => {
    if (scope === current) return;
    if (scope === 'all') onChange([]);
    else if (scope === 'pool') onChange(['']);
    else if (me !== null) onChange([me]);
  };
  return (
    <div className="owner-scope">
      <Segmented<Scope | typeof OTHER>
        size="small"
        aria-label={t('pool.scope.label')}
        aria-describedby={me === null ? hintId : undefined}
        // The choices are the tab stop (one, as radio buttons): the group itself is not another.
        tabIndex={-1}
        value={current ?? OTHER}
        onChange={(v) => v !== OTHER && choose(v)}
        options={[
          { value: 'all', label: t('pool.scope.all') },
          { value: 'mine', label: t('pool.scope.mine'), disabled: me === null, tooltip: me === null ? t('pool.scope.noMe') : undefined },
          { value: 'pool', label: t('pool.scope.pool') },
        ]}
      />
      {me === null ? (
        <span id={hintId} className="visually-hidden">
          {t('pool.scope.noMe')}
        </span>
      ) : null}
    </div>
  );
}
