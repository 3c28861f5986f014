import { Drawer, type DrawerProps } from 'antd';
import { useRef, useState, type ReactNode } from 'react';

const WIDTH_KEY = 'exportdesk.customerPanelWidth';
const DEFAULT_WIDTH = 440;
const MIN_WIDTH = 360;
const MAX_WIDTH = 760;

/** Passed through to the drawer's section (antd's props type does not list them, rc-drawer forwards them). */
const NOT_MODAL = { role: 'none', 'aria-modal': false } as Partial<DrawerProps>;

const clampWidth = (w: number): number => Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w)));

function storedWidth(): number {
  const saved = Number(window.localStorage.getItem(WIDTH_KEY));
  return Number.isFinite(saved) && saved > 0 ? clampWidth(saved) : DEFAULT_WIDTH;
}

/**
 * The customer panel's place beside the grid: antd's Drawer, opened inside the page (not over it) and
 * without a mask, so the grid stays in use while the panel follows the active row. Its left edge can be
 * dragged wider or narrower; the width is remembered on this computer.
 *
 * antd marks a drawer's section as a modal dialog (role=dialog, aria-modal=true); this one is not (the
 * grid beside it stays usable, and Ctrl+K, which stands aside while a modal dialog is open, must still
 * work), so the section is given no role and aria-modal=false: the panel inside it (an <aside> named
 * after the customer) is what assistive technology meets.
 */
export function CustomerDrawer({ open, children }: { open: boolean; children: ReactNode }) {
  const [width, setWidth] = useState(storedWidth);
  const latestWidth = useRef(width);
  latestWidth.current = width;

  return (
    <div className={open ? 'detail-slot is-open' : 'detail-slot'} style={{ width: open ? width : 0 }}>
      <Drawer
        open={open}
        placement="right"
        mask={false}
        getContainer={false}
        closable={false}
        title={null}
        keyboard={false}
        // The focus stays where the user is (the grid's row: the panel follows it); antd would take it
        // onto the drawer's own element, where its key handling swallows the app's shortcuts (Ctrl+K).
        autoFocus={false}
        focusable={{ trap: false, focusTriggerAfterClose: false }}
        size={width}
        rootClassName="detail-drawer"
        {...NOT_MODAL}
        resizable={{
          onResize: (w) => setWidth(clampWidth(w)),
          onResizeEnd: () => window.localStorage.setItem(WIDTH_KEY, String(latestWidth.current)),
        }}
      >
        {children}
      </Drawer>
    </div>
  );
}
