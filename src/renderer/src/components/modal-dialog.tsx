import { Modal } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { focusableIn } from './focusable';
import { popModal, pushModal } from './modal-stack';

/** How wide a dialog is: a question or a few fields, a form, or a two-column form. */
export type DialogSize = 'small' | 'default' | 'wide';

const WIDTHS: Record<DialogSize, number> = { small: 420, default: 480, wide: 720 };

/** The class of each dialog's own layer (a dialog's date pickers and menus open inside it). */
export const MODAL_LAYER_CLASS = 'modal-layer';

/** Where an antd pop-up of `trigger` opens: in its dialog's layer (above the dialog, not made inert by it), else in the body. */
export const popupContainer = (trigger: HTMLElement): HTMLElement => trigger.closest<HTMLElement>(`.${MODAL_LAYER_CLASS}`) ?? document.body;

interface Props {
  title: string;
  /** Escape (and the caller's own Cancel/Close buttons) ask to close; the caller decides. */
  onRequestClose: () => void;
  children: ReactNode;
  role?: 'dialog' | 'alertdialog';
  describedBy?: string;
  size?: DialogSize;
  /** Placed near the top (a command palette), so results grow downwards. */
  top?: boolean;
  /** Classes of the dialog's body (its layout). */
  className?: string;
}

/**
 * A modal dialog: antd's Modal, open while it is mounted (the caller mounts it to open it). Over the
 * app, everything behind it inert and hidden from assistive technology (modal-stack), Tab kept
 * inside, the first field (or the element marked data-autofocus) focused on open, and the focus
 * given back on close to where it was. Escape asks to close and goes no further, so the panel or page
 * beneath does not also react to it.
 */
export function ModalDialog({ title, onRequestClose, children, role = 'dialog', describedBy, size = 'default', top, className }: Props) {
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

  // antd renders the dialog element itself; its role and description are set once it exists.
  const bodyRef = useCallback(
    (el: HTMLDivElement | null) => {
      body.current = el;
      if (!el) return;
      const box = el.closest<HTMLElement>('[role="dialog"], [role="alertdialog"]');
      if (box) {
        box.setAttribute('role', role);
        if (describedBy) box.setAttribute('aria-describedby', describedBy);
      }
    },
    [role, describedBy],
  );

  const focusFirst = () => {
    const el = body.current;
    if (!el) return;
    // The marked element, or the field inside it (a select puts the mark on its wrapper, not on its input).
    const marked = el.querySelector<HTMLElement>('[data-autofocus]');
    const first = (marked ? (focusableIn(marked)[0] ?? marked) : focusableIn(el)[0]) ?? el;
    first.focus();
  };
  useEffect(focusFirst, []);
  // Whether the user pressed a key or the pointer in the dialog since it opened.
  const touched = useRef(false);
  // antd focuses its dialog box once the opening motion ends, which on a busy machine comes after the
  // first field had the focus (and the user may be typing in it); and its focus lock, starting while
  // the dialog is still hidden, puts the focus in the first field rather than in the one marked
  // data-autofocus. So once open: focus outside the dialog's fields goes back to the field meant, and
  // so does focus the lock left on the first field while the user has not yet touched the dialog.
  const afterOpen = (open: boolean) => {
    const el = body.current;
    const active = document.activeElement;
    if (!open || !el) return;
    const lost = !active || active === el || !el.contains(active);
    const marked = el.querySelector('[data-autofocus]');
    // Where antd's lock puts it (the first field): a field further on was chosen (a click, a screen
    // reader, a test's focus()) and keeps the focus.
    const byLock = active !== null && active === focusableIn(el)[0];
    if (lost || (!touched.current && marked !== null && !marked.contains(active) && byLock)) focusFirst();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    touched.current = true;
    if (e.key !== 'Escape' || e.nativeEvent.isComposing) return;
    // Keys from a dialog stacked on top (rendered through its own portal) are that dialog's business.
    if (!layer.contains(e.target as Node)) return;
    e.stopPropagation();
    e.preventDefault();
    onRequestClose();
  };

  return (
    <Modal
      open
      // The title is the dialog's heading (and its name: antd labels the dialog by it).
      title={<h2 className="modal-heading">{title}</h2>}
      width={WIDTHS[size]}
      footer={null}
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      centered={!top}
      classNames={top ? { wrapper: 'modal-top' } : undefined}
      getContainer={() => layer}
      focusable={{ focusTriggerAfterClose: false }}
      afterOpenChange={afterOpen}
      modalRender={(content) => (
        <div onKeyDown={onKeyDown} onPointerDown={() => (touched.current = true)}>
          {content}
        </div>
      )}
    >
      <div ref={bodyRef} className={className ? `modal-body ${className}` : 'modal-body'} tabIndex={-1}>
        {children}
      </div>
    </Modal>
  );
}
