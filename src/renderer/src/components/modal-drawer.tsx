import { Drawer } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { focusableIn } from './focusable';
import { MODAL_LAYER_CLASS } from './modal-dialog';
import { popModal, pushModal } from './modal-stack';

interface Props {
  /** The drawer's heading, and its name. */
  title: string;
  /** Escape, the close button and a click on the mask ask to close; the caller unmounts it. */
  onRequestClose: () => void;
  children: ReactNode;
  describedBy?: string;
  /** Width in pixels (at most the window's, less a margin). */
  width?: number;
  className?: string;
}

/**
 * A list that slides in from the right over the page, as a modal dialog: antd's Drawer, open while
 * it is mounted. Like ModalDialog: everything behind it inert (modal-stack), the first control (or
 * the element marked data-autofocus) focused on open, Escape closes it and goes no further, and the
 * focus goes back on close to what opened it.
 */
export function ModalDrawer({ title, onRequestClose, children, describedBy, width = 720, className }: Props) {
  const [layer] = useState(() => {
    const el = document.createElement('div');
    el.className = MODAL_LAYER_CLASS;
    return el;
  });
  const body = useRef<HTMLDivElement | null>(null);
  const previous = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    previous.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.body.appendChild(layer);
    pushModal(layer);
    return () => {
      popModal(layer);
      layer.remove();
      const back = previous.current;
      if (back && back.isConnected) back.focus();
    };
  }, [layer]);

  const bodyRef = useCallback(
    (el: HTMLDivElement | null) => {
      body.current = el;
      if (!el || !describedBy) return;
      el.closest<HTMLElement>('[role="dialog"]')?.setAttribute('aria-describedby', describedBy);
    },
    [describedBy],
  );

  const focusFirst = () => {
    const el = body.current;
    if (!el) return;
    const marked = el.querySelector<HTMLElement>('[data-autofocus]');
    const first = marked ?? focusableIn(el)[0] ?? el;
    first.focus();
  };
  useEffect(focusFirst, []);
  // Once the opening motion ends, focus that antd's lock left outside the body goes where it was meant to be.
  const afterOpen = (open: boolean) => {
    const el = body.current;
    if (!open || !el) return;
    const active = document.activeElement;
    if (!active || !el.contains(active)) focusFirst();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || e.nativeEvent.isComposing) return;
    if (!layer.contains(e.target as Node)) return;
    e.stopPropagation();
    e.preventDefault();
    onRequestClose();
  };

  return (
    <Drawer
      open
      placement="right"
      title={<h2 className="modal-heading">{title}</h2>}
      size={Math.min(width, Math.max(320, window.innerWidth - 48))}
      keyboard={false}
      // antd's close button, named in the app's language by antd's locale ("Close", "关闭").
      closable
      onClose={onRequestClose}
      getContainer={() => layer}
      focusable={{ focusTriggerAfterClose: false }}
      afterOpenChange={afterOpen}
      rootClassName={className}
      drawerRender={(content) => (
        <div className="modal-drawer-keys" onKeyDown={onKeyDown}>
          {content}
        </div>
      )}
    >
      <div ref={bodyRef} className="modal-drawer-body" tabIndex={-1}>
        {children}
      </div>
    </Drawer>
  );
}
