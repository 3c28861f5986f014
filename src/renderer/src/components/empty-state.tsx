import { Empty } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  /** A heading (a page with nothing in it yet), or none (a list that shows nothing). */
  title?: string;
  /** What the state means, and what to do. */
  text?: ReactNode;
  /** The way forward: a button or a link. */
  children?: ReactNode;
  className?: string;
}

/**
 * "Nothing here": antd's Empty with its simple picture and the app's text under it, the way forward
 * below (outside antd's element, whose link reset would take an app's link-button's colours).
 */
export function EmptyState({ title, text, children, className }: Props) {
  return (
    <div className={className ? `app-empty ${className}` : 'app-empty'}>
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            {title ? <h2 className="app-empty-title">{title}</h2> : null}
            {text ? <p className="app-empty-text">{text}</p> : null}
          </>
        }
      />
      {children ? <div className="app-empty-actions">{children}</div> : null}
    </div>
  );
}
