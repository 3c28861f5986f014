import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridSelection } from './use-grid-selection';

/**
 * A row's selection box. Out of the Tab order (the grid is one stop; Space on the focused row
 * toggles it), and a click leaves the focus on the row, so Space and the arrows go on from there.
 */
export function RowSelectBox({
  company,
  checked,
  onClick,
}: {
  company: string;
  checked: boolean;
  onClick: (e: MouseEvent<HTMLInputElement>) => void;
}) {
  const { t } = useTranslation();
  return (
    <input
      type="checkbox"
      className="row-select"
      tabIndex={-1}
      aria-label={t('bulk.selectRow', { company })}
      checked={checked}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      // The click handler selects; the box shows the selection it is given.
      onChange={() => undefined}
    />
  );
}

/** The header's box: every customer of the filter (not only the rows loaded), or none again. */
export function SelectAllBox({ total, selection }: { total: number; selection: GridSelection }) {
  const { t } = useTranslation();
  const box = useRef<HTMLInputElement>(null);
  const some = selection.ids.size > 0 && !selection.all;
  useEffect(() => {
    if (box.current) box.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={box}
      type="checkbox"
      className="row-select"
      aria-label={t('bulk.selectAll', { count: total })}
      checked={selection.all}
      onChange={() => (selection.all || some ? selection.clear() : void selection.selectAll())}
    />
  );
}
