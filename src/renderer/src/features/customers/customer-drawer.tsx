import type { ReactNode } from 'react';

/**
 * The customer panel's place beside the grid, which stays in use while the panel follows its active
 * row. (antd's Drawer was tried here: it takes keyboard events on its own element, so Ctrl+K and a
 * dialog's Enter stopped working once a customer was open; the panel keeps a plain place for now.)
 */
export function CustomerDrawer({ open, children }: { open: boolean; children: ReactNode }) {
  return open ? <div className="detail-slot">{children}</div> : null;
}
