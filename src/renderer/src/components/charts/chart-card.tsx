import { useId, type ReactNode, type TableHTMLAttributes } from 'react';

interface Props {
  title: string;
  /** A line under the title (what is counted, how much is shown). */
  note?: string | undefined;
  wide?: boolean;
  children: ReactNode;
}

/** One dashboard panel: a titled section holding a chart and its data as a table. */
export function ChartCard({ title, note, wide = false, children }: Props) {
  const titleId = useId();
  return (
    <section className={wide ? 'dash-card dash-card-wide' : 'dash-card'} aria-labelledby={titleId}>
      <header className="dash-card-head">
        <h2 id={titleId} className="dash-card-title">
          {title}
        </h2>
        {note ? <p className="muted dash-card-note">{note}</p> : null}
      </header>
      {children}
    </section>
  );
}

interface ChartDataProps extends TableHTMLAttributes<HTMLTableElement> {
  /** The disclosure's label ("Show as table"). */
  summary: string;
  /** The table's (visually hidden) caption: the chart's title. */
  caption: string;
  /** The header cells. */
  columns: ReactNode;
  /** The body rows. */
  children: ReactNode;
}

/** A chart's data as a table under a "Show as table" disclosure (also the keyboard way into the chart). */
export function ChartData({ summary, caption, columns, children, className, ...table }: ChartDataProps) {
  return (
    <details className="chart-data">
      <summary>{summary}</summary>
      <table className={className ? `data-table chart-table ${className}` : 'data-table chart-table'} {...table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>{columns}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </details>
  );
}
