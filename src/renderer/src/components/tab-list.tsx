import { Tabs } from 'antd';
import { useLayoutEffect, useRef } from 'react';

interface Props<T extends string> {
  /** Names the ids: tab `${idPrefix}-tab-${name}`, count test id `${idPrefix}-count-${name}`; the caller's panel is labelled by the tab. */
  idPrefix: string;
  tabs: readonly T[];
  selected: T;
  /** A click, or Enter/Space on the focused tab, chose a tab (a click may choose the selected one again). */
  onSelect: (tab: T) => void;
  /** The tab list's accessible name. */
  label: string;
  tabLabel: (tab: T) => string;
  /** The count after each label ('' hides it); without it, tabs have no count. */
  count?: (tab: T) => string;
  /** Tabs whose count shows as a warning. */
  overdue?: (tab: T) => boolean;
  /** Extra classes of the tab bar. */
  className?: string;
}

/**
 * A row of tabs: antd's Tabs, used for its tab bar only (the caller renders the selected tab's panel
 * itself, labelled by `${idPrefix}-tab-${selected}`). From the keyboard: ←/→ move between the tabs,
 * Home/End go to the first/last, Enter or Space opens the focused one; only the selected tab is in
 * the Tab order.
 */
export function TabList<T extends string>({ idPrefix, tabs, selected, onSelect, label, tabLabel, count, overdue, className }: Props<T>) {
  const root = useRef<HTMLDivElement>(null);

  // antd gives its tab list no name; ours is the caller's.
  useLayoutEffect(() => {
    root.current?.querySelector('[role="tablist"]')?.setAttribute('aria-label', label);
  });

  return (
    <div ref={root} className={className ? `tab-bar ${className}` : 'tab-bar'}>
      <Tabs
        id={idPrefix}
        activeKey={selected}
        onTabClick={(key) => onSelect(key as T)}
        destroyOnHidden
        items={tabs.map((name) => ({
          key: name,
          label: (
            <span className={overdue?.(name) ? 'tab-label has-overdue' : 'tab-label'}>
              {tabLabel(name)}
              {count ? (
                <span className="tab-count" data-testid={`${idPrefix}-count-${name}`}>
                  {count(name)}
                </span>
              ) : null}
            </span>
          ),
        }))}
      />
    </div>
  );
}
