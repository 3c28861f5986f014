import { Button, Tooltip } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useTargets } from './use-manager';

interface Props {
  /** The year whose targets say whether this user may change them. */
  year: number;
  onOpen: () => void;
}

/** "Set targets" (opens the targets dialog); for a salesperson in a team disabled, with the reason as a tooltip and a description. */
export function TargetsButton({ year, onOpen }: Props) {
  const { t } = useTranslation();
  const reasonId = useId();
  const targets = useTargets(year);
  const blocked = targets.data?.canEdit === false;
  const button = (
    <Button
      aria-haspopup="dialog"
      aria-describedby={blocked ? reasonId : undefined}
      disabled={blocked || targets.isPending}
      onClick={onOpen}
    >
      {t('manager.targets.button')}
    </Button>
  );
  if (!blocked) return button;
  // A disabled button gets no pointer events of its own: the tooltip hangs on a wrapper.
  return (
    <>
      <Tooltip title={t('manager.targets.managersOnly')}>
        <span className="targets-blocked">{button}</span>
      </Tooltip>
      <span id={reasonId} className="visually-hidden">
        {t('manager.targets.managersOnly')}
      </span>
    </>
  );
}
