import type { Header, ReactTable } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import type { gridFeatures } from './customer-columns';
import type { GridRow } from './use-customer-blocks';

type Features = typeof gridFeatures;

interface Props {
  table: ReactTable<Features, GridRow>;
  headers: Header<Features, GridRow, unknown>[];
  /** Shown first in the first header cell (the box that selects every row). */
  lead?: ReactNode;
}

/** The header row: sortable columns hold a button that toggles the engine's sort; aria-sort tells the state. */
export function GridHeaderRow({ table, headers, lead }: Props) {
  return (
    <tr role="row" aria-rowindex={1} className="grid-row grid-header-row">
      {headers.map((header, i) => {
        const column = header.column;
        const sortable = column.getCanSort();
        const sorted = column.getIsSorted();
        const ariaSort = !sortable ? undefined : sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
        return (
          <th
            key={header.id}
            role="columnheader"
            scope="col"
            aria-sort={ariaSort}
            className={`grid-header-cell col-${column.id}`}
            style={{ width: header.getSize() }}
          >
            {i === 0 ? lead : null}
            {sortable ? (
              <button type="button" className="sort-button" onClick={column.getToggleSortingHandler()}>
                <table.FlexRender header={header} />
                <span className="sort-indicator" aria-hidden="true">
                  {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                </span>
              </button>
            ) : (
              <table.FlexRender header={header} />
            )}
          </th>
        );
      })}
    </tr>
  );
}
