import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { NEED_CATEGORIES, NEED_PRIORITIES, NEED_STATUSES, type Need } from '../../../../shared/domain/relationship';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { MarketSummary } from './market-summary';
import { NeedDialog } from './need-dialog';
import { NeedsBoard, type NeedColumn } from './needs-board';
import { isNeedPriority, isNeedStatus, needCategoryLabel, needStatusLabel, priorityLabel, type NeedPriority } from './relationship-labels';
import { newShortcutLabel, NewRecordButton, useNewShortcut } from './new-record-button';
import { PAGE_LIMIT, useNeedList } from './use-relationship-data';
import { useRelationshipWrites } from './use-relationship-writes';
import { SearchSelect } from '../../components/search-select';

type GroupBy = 'status' | 'category';

const PRIORITY_RANK: Record<NeedPriority, number> = { high: 0, medium: 1, low: 2 };
/** Within a column: high priority first, then the newest. */
const byPriority = (a: Need, b: Need) =>
  PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || b.createdAt.localeCompare(a.createdAt) || b.id - a.id;

/**
 * Needs (需求): a board by status or category with counts, filters, "Move to…", and the counts by
 * market; "New need" (Ctrl/⌘+N) records one for a customer picked by typing.
 */
export function NeedsPage() {
  const { t, i18n } = useTranslation();
  const groupId = useId();
  const categoryId = useId();
  const priorityId = useId();
  const [groupBy, setGroupBy] = useState<GroupBy>('status');
  const [category, setCategory] = useState<string | null>(null);
  const [priority, setPriority] = useState<NeedPriority | null>(null);
  const list = useNeedList({ limit: PAGE_LIMIT });
  const { run } = useRelationshipWrites();
  const newButton = useRef<HTMLButtonElement>(null);
  const [creating, setCreating] = useState(false);
  /** The need just recorded: its card gets focus once the board shows it. */
  const [focusId, setFocusId] = useState<number | null>(null);
  const [backToButton, setBackToButton] = useState(0);
  useNewShortcut(() => setCreating(true), !creating);

  const all = list.data;
  /** Built-in categories, then a firm's own ones found in the data (alphabetical). */
  const categories = useMemo(() => {
    const collator = new Intl.Collator(i18n.language === 'zh-CN' ? 'zh-CN-u-co-pinyin' : i18n.language);
    const builtIn: readonly string[] = NEED_CATEGORIES;
    const own = [...new Set((all ?? []).map((n) => n.category))].filter((c) => !builtIn.includes(c)).sort(collator.compare);
    if (category !== null && !builtIn.includes(category) && !own.includes(category)) own.push(category);
    return [...builtIn, ...own].map((key) => ({ key, label: needCategoryLabel(t, key) }));
  }, [all, category, t, i18n.language]);

  const shown = useMemo(
    () =>
      (all ?? [])
        .filter((n) => (category === null || n.category === category) && (priority === null || n.priority === priority))
        .sort(byPriority),
    [all, category, priority],
  );

  /** Every column of the grouping, filters aside (the market counts are over all needs). */
  const groups = useMemo(
    () => (groupBy === 'status' ? NEED_STATUSES.map((s) => ({ key: s, label: needStatusLabel(t, s) })) : categories),
    [groupBy, categories, t],
  );

  const columns = useMemo<NeedColumn[]>(
    () =>
      groups
        .filter((g) => groupBy === 'status' || category === null || g.key === category)
        .map((g) => ({ ...g, needs: shown.filter((n) => (groupBy === 'status' ? n.status : n.category) === g.key) })),
    [groupBy, groups, category, shown],
  );

  const move = async (need: Need, key: string): Promise<boolean> => {
    const column = columns.find((c) => c.key === key)?.label ?? key;
    if (groupBy === 'status' && !isNeedStatus(key)) return false;
    const patch = groupBy === 'status' && isNeedStatus(key) ? { status: key } : { category: key };
    const result = await run(() => call('needs.update', { id: need.id, version: need.version, patch }), {
      done: () => t('relationship.needs.moved', { company: need.company, column }),
      conflict: t('relationship.needs.conflict'),
    });
    return result.ok;
  };

  const created = (saved: Need | null) => {
    setCreating(false);
    if (!saved) {
      setBackToButton((n) => n + 1);
      return;
    }
    // A filter that would hide the new need is lifted, so it is on the board.
    if (category !== null && saved.category !== category) setCategory(null);
    if (priority !== null && saved.priority !== priority) setPriority(null);
    setFocusId(saved.id);
  };
  // After the dialog has gone (it gives focus back to where it was opened from): the new card, or the button.
  useEffect(() => {
    if (backToButton > 0) newButton.current?.focus();
  }, [backToButton]);
  useEffect(() => {
    if (focusId === null) return;
    const card = document.querySelector<HTMLElement>(`.needs-board [data-need-id="${focusId}"]`);
    if (!card) return;
    card.querySelector<HTMLElement>('button.menu-button')?.focus();
    card.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    setFocusId(null);
  }, [focusId, columns]);

  const filtered = category !== null || priority !== null;
  const groupLabel = t(groupBy === 'status' ? 'relationship.needs.groupStatus' : 'relationship.needs.groupCategory');

  return (
    <div className="needs-page">
      <div className="page-header">
        <h1 className="page-title">{t('relationship.needs.title')}</h1>
        <div className="toolbar relationship-toolbar">
          <div className="toolbar-field">
            <label htmlFor={groupId}>{t('relationship.needs.groupBy')}</label>
            <SearchSelect
              id={groupId}
              value={groupBy}
              options={[
                { value: 'status', label: t('relationship.needs.groupStatus') },
                { value: 'category', label: t('relationship.needs.groupCategory') },
              ]}
              onChange={(v) => setGroupBy(v === 'category' ? 'category' : 'status')}
            />
          </div>
          <div className="toolbar-field">
            <label htmlFor={categoryId}>{t('relationship.needs.category')}</label>
            <SearchSelect
              id={categoryId}
              value={category === null ? '' : `=${category}`}
              className={category === null ? undefined : 'is-filtering'}
              options={[
                { value: '', label: t('relationship.needs.allCategories') },
                ...categories.map((c) => ({ value: `=${c.key}`, label: c.label })),
              ]}
              onChange={(v) => setCategory(v === '' ? null : v.slice(1))}
            />
          </div>
          <div className="toolbar-field">
            <label htmlFor={priorityId}>{t('relationship.needs.priority')}</label>
            <SearchSelect
              id={priorityId}
              value={priority ?? ''}
              className={priority === null ? undefined : 'is-filtering'}
              options={[
                { value: '', label: t('relationship.needs.allPriorities') },
                ...NEED_PRIORITIES.map((p) => ({ value: p, label: priorityLabel(t, p) })),
              ]}
              onChange={(v) => setPriority(isNeedPriority(v) ? v : null)}
            />
          </div>
          {all ? <span className="toolbar-total">{t('relationship.needs.total', { count: shown.length })}</span> : null}
        </div>
        <NewRecordButton ref={newButton} label={t('relationship.newNeed')} onClick={() => setCreating(true)} />
      </div>
      <div className="relationship-body" aria-busy={list.isFetching || undefined}>
        {!all ? (
          <p className="relationship-message muted">{list.isError ? errorText(t, toIpcError(list.error)) : t('common.loading')}</p>
        ) : (
          <>
            {all.length === 0 ? (
              <EmptyState text={t('relationship.needs.empty', { shortcut: newShortcutLabel() })} />
            ) : shown.length === 0 && filtered ? (
              <EmptyState text={t('relationship.needs.emptyFiltered')} />
            ) : (
              <p className="relationship-hint muted">{t('relationship.needs.hint')}</p>
            )}
            {all.length >= PAGE_LIMIT ? (
              <p className="relationship-hint muted">{t('relationship.needs.more', { count: PAGE_LIMIT })}</p>
            ) : null}
            <NeedsBoard
              label={t('relationship.needs.boardLabel', { grouping: groupLabel })}
              groupBy={groupBy}
              columns={columns}
              onMove={move}
            />
            <MarketSummary groupBy={groupBy} columns={groups} />
          </>
        )}
      </div>
      {creating ? <NeedDialog onClose={created} /> : null}
    </div>
  );
}
