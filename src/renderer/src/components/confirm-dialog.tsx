import { Button } from 'antd';
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
        <Button data-autofocus onClick={() => onAnswer(false)}>
          {cancelLabel}
        </Button>
        <Button type="primary" danger={destructive} onClick={() => onAnswer(true)}>
          {confirmLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}
