import { useRef, type KeyboardEvent } from 'react';

interface Props<T extends string> {
  /** Names the ids: tab `${idPrefix}-tab-${name}`, panel `${idPrefix}-panel`, count test id `${idPrefix}-count-${name}`. */
  idPrefix: string;
  tabs: readonly T[];
  selected: T;
  /** A click or ←/→/Home/End chose a tab (a click may choose the selected one again). */
  onSelect: (tab: T) => void;
  /** The tab list's accessible name. */
  label: string;
  tabLabel: (tab: T) => string;
  /** The count after each label ('' hides it); without it, tabs have no count. */
  count?: (tab: T) => string;
  /** Tabs whose count shows as a warning. */
  overdue?: (tab: T) => boolean;
  /** The look: segmented buttons with counts (default), or the caller's own classes. */
  className?: string;
  tabClassName?: string;
}

/**
 * A row of tabs (role=tablist) worked from the keyboard: ←/→ move round the tabs, Home/End go to
 * the first/last; only the selected tab is in the Tab order. The caller renders the panel with
 * id `${idPrefix}-panel`, labelled by `${idPrefix}-tab-${selected}`.
 */
export function TabList<T extends string>({
  idPrefix,
  tabs,
  selected,
  onSelect,
  label,
  tabLabel,
  count,
  overdue,
  className = 'segmented-tabs',
  tabClassName = 'segmented-tab',
}: Props<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>());

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.indexOf(selected);
    const to =
      e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length] ?? selected;
    onSelect(next);
    refs.current.get(next)?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className={className} onKeyDown={onKeyDown}>
      {tabs.map((name) => (
        <button
          key={name}
          ref={(el) => {
            if (el) refs.current.set(name, el);
            else refs.current.delete(name);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${name}`}
          aria-selected={selected === name}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={selected === name ? 0 : -1}
          className={overdue?.(name) ? `${tabClassName} has-overdue` : tabClassName}
          onClick={() => onSelect(name)}
        >
          {tabLabel(name)}
          {count ? (
            <span className={`${tabClassName}-count`} data-testid={`${idPrefix}-count-${name}`}>
              {count(name)}
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
}
