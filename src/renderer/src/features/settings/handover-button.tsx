import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { popupContainer } from '../../components/modal-dialog';
import { useTeamStatus } from '../team';

/** Whether this user may hand customers over: in a team only managers and admins (the engine says MANAGER_REQUIRED otherwise). */
export function useMayHandOver(): boolean {
  const team = useTeamStatus();
  return team.data?.user?.role !== 'salesperson';
}

interface Props {
  /** The button's text. */
  text: string;
  /** Its accessible name when the text alone does not say whose customers (a row's button). */
  label?: string;
  /** A salesperson in a team: disabled, with "Only managers hand customers over" as a tooltip (and the note `noteId` on the page). */
  blocked: boolean;
  noteId?: string;
  disabled?: boolean;
  size?: 'small';
  onOpen: () => void;
}

/** "Hand over…" (opens the hand-over dialog), or disabled with the reason for a salesperson in a team. */
export function HandOverButton({ text, label, blocked, noteId, disabled, size, onOpen }: Props) {
  const { t } = useTranslation();
  const button = (
    <Button
      size={size}
      aria-haspopup="dialog"
      aria-label={label}
      aria-describedby={blocked ? noteId : undefined}
      disabled={blocked || disabled}
      onClick={onOpen}
    >
      {text}
    </Button>
  );
  if (!blocked) return button;
  // A disabled button gets no pointer events of its own: the tooltip hangs on a wrapper.
  return (
    <Tooltip title={t('settings.handOver.managersOnly')} getPopupContainer={popupContainer}>
      <span className="handover-blocked">{button}</span>
    </Tooltip>
  );
}
