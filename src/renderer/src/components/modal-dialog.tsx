import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { focusableIn } from './focusable';
import { popModal, pushModal } from './modal-stack';

interface Props {
  title: string;
  /** Escape (and the caller's own Cancel/Close buttons) ask to close; the caller decides. */
  onRequestClose: () => void;
  children: ReactNode;
  role?: 'dialog' | 'alertdialog';
  describedBy?: string;
  className?: string;
}

/**
 * A modal dialog: rendered over the app, everything behind it inert, Tab kept inside, the first
 * field (or the element marked data-autofocus) focused on open and the previous focus restored on close.
 */
export function ModalDialog({ title, onRequestClose, children, role = 'dialog', describedBy, className }: Props) {
  const titleId = useId();
  const backdrop = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const layer = backdrop.current;
    const box = dialog.current;
    if (!layer || !box) return undefined;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    pushModal(layer);
    const first = box.querySelector<HTMLElement>('[data-autofocus]') ?? focusableIn(box)[0] ?? box;
    first.focus();
    return () => {
      popModal(layer);
      if (previous && previous.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys from a dialog stacked on top (rendered through its own portal) are that dialog's business.
    if (!dialog.current || !dialog.current.contains(e.target as Node)) return;
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      onRequestClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = focusableIn(dialog.current);
    const firstItem = items[0];
    const lastItem = items[items.length - 1];
    if (!firstItem || !lastItem) {
      e.preventDefault();
      return;
    }
    if (e.shiftKey && (document.activeElement === firstItem || !dialog.current.contains(document.activeElement))) {
      e.preventDefault();
      lastItem.focus();
    } else if (!e.shiftKey && document.activeElement === lastItem) {
      e.preventDefault();
      firstItem.focus();
    }
  };

  return createPortal(
    <div className="modal-backdrop" ref={backdrop}>
      <div
        ref={dialog}
        className={className ? `modal ${className}` : 'modal'}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
