import { useId } from 'react';
import { ModalDialog } from './modal-dialog';

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  destructive?: boolean;
}

interface Props extends ConfirmRequest {
  onAnswer: (confirmed: boolean) => void;
}

/** A yes/no question in an alertdialog; the safe answer (cancel) has focus first. */
export function ConfirmDialog({ title, body, confirmLabel, cancelLabel, destructive, onAnswer }: Props) {
  const bodyId = useId();
  return (
    <ModalDialog title={title} role="alertdialog" describedBy={bodyId} onRequestClose={() => onAnswer(false)} size="small">
      <p id={bodyId}>{body}</p>
      <div className="form-actions">
        <button type="button" className="button" data-autofocus onClick={() => onAnswer(false)}>
          {cancelLabel}
        </button>
        <button type="button" className={destructive ? 'button button-danger' : 'button button-primary'} onClick={() => onAnswer(true)}>
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
