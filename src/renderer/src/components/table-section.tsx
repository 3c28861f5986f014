import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  /** Beside the title (a filter, a button). */
  extra?: ReactNode;
  intro?: ReactNode;
  /** While the list is read: this instead of the table. */
  loading?: ReactNode;
  /** With no rows: this instead of the table. */
  empty: ReactNode;
  rowCount: number;
  /** The table's name (a hidden caption). */
  caption: string;
  /** The column headers; a string in `{ hidden }` is a column named for screen readers only (the actions). */
  columns: (ReactNode | { hidden: string })[];
  tableClassName: string;
  testId?: string;
  /** The rows (<tr>…). */
  children: ReactNode;
}

/** A settings-style section holding one table: its title, an intro, then "loading", an empty line or the table with its caption and headers. */
export function TableSection({ title, extra, intro, loading, empty, rowCount, caption, columns, tableClassName, testId, children }: Props) {
  const titleId = useId();
  const captionId = useId();
  return (
    <section className="settings-section" aria-labelledby={titleId} data-testid={testId}>
      <div className="settings-section-header">
        <h2 id={titleId} className="section-title">
          {title}
        </h2>
        {extra}
      </div>
      {intro ? <p className="muted settings-intro">{intro}</p> : null}
      {loading ? (
        <p className="muted">{loading}</p>
      ) : rowCount === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-scroll">
          <table className={`data-table ${tableClassName}`} aria-labelledby={captionId}>
            <caption id={captionId} className="visually-hidden">
              {caption}
            </caption>
            <thead>
              <tr>
                {columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c !== null && typeof c === 'object' && 'hidden' in c ? <span className="visually-hidden">{c.hidden}</span> : c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
