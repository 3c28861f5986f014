import { useId, type ReactNode } from 'react';

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
