import { Drawer } from 'antd';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

const WIDTH_KEY = 'exportdesk.customerPanelWidth';
const DEFAULT_WIDTH = 440;
const MIN_WIDTH = 360;
const MAX_WIDTH = 760;

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
 * antd marks a drawer as a modal dialog; this one is not (the grid beside it stays usable), so its
 * section is made a plain container and the panel inside (an <aside> named after the customer) is what
 * assistive technology meets.
 */
export function CustomerDrawer({ open, children }: { open: boolean; children: ReactNode }) {
  const slot = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(storedWidth);
  const latestWidth = useRef(width);
  latestWidth.current = width;

  useLayoutEffect(() => {
    if (!open) return;
    const section = slot.current?.querySelector('.ant-drawer-section');
    section?.removeAttribute('role');
    section?.removeAttribute('aria-modal');
  });

  return (
    <div ref={slot} className={open ? 'detail-slot is-open' : 'detail-slot'} style={{ width: open ? width : 0 }}>
      <Drawer
        open={open}
        placement="right"
        mask={false}
        getContainer={false}
        closable={false}
        title={null}
        keyboard={false}
        focusable={{ trap: false, focusTriggerAfterClose: false }}
        size={width}
        rootClassName="detail-drawer"
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
