import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandOverUndo } from '../../../../shared/ipc/channels/pool';
import { useNotices } from '../../app/notice-context';
import { FormActions } from '../../components/form-actions';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { SelectField, type SelectOption } from '../../components/select-field';
import { useDialogForm } from '../../components/use-dialog-form';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { useOwners } from '../../lib/use-owners';
import { handOverPreviewText, handOverWhat, type HandOverTarget } from './handover-text';

/** The To choice that means the public pool (the engine's ''): no name starts with a space (names are trimmed). */
const POOL = ' pool';

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

interface Props {
  /** The salesperson whose customers go ('' = chosen in the dialog). */
  from: string;
  onClose: () => void;
}

/**
 * Hand over customers (离职交接, #20): all of one salesperson's customers, with their open follow-ups
 * and complaints (their needs follow the customers), to a colleague or to the public pool. A live
 * line says what would move (pool.handOverPreview); Hand over (pool.handOver) closes the dialog and
 * reports the counts with Undo (pool.undoHandOver with exactly what moved). Keyboard: type in To to
 * narrow the list, Enter chooses, Enter again hands over; Escape cancels.
 */
export function HandOverDialog({ from: initialFrom, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const owners = useOwners();
  const previewId = useId();
  const { form, saving, setSaving, close } = useDialogForm(onClose);
  const [from, setFrom] = useState(initialFrom.trim());
  // Opened from a salesperson's row, the dialog starts in To; else in From.
  const startInTo = initialFrom.trim() !== '';
  const [to, setTo] = useState('');

  const preview = useQuery({
    queryKey: ['pool', 'handOverPreview', from] as const,
    queryFn: () => call('pool.handOverPreview', { from, to: '' }),
    enabled: from !== '',
  });

  const people = (extra: string): SelectOption[] =>
    [...owners, ...(extra && !owners.some((o) => o === extra) ? [extra] : [])].map((name) => ({ value: name, label: name }));
  const fromOptions: SelectOption[] = [{ value: '', label: t('settings.handOver.chooseFrom'), disabled: true }, ...people(from)];
  const toOptions: SelectOption[] = [
    { value: '', label: t('settings.handOver.chooseTo'), disabled: true },
    { value: POOL, label: t('settings.handOver.toPool'), keywords: 'pool 公海' },
    ...people(''),
  ];

  const target: HandOverTarget = to === '' ? { kind: 'none' } : to === POOL ? { kind: 'pool' } : { kind: 'person', name: to };
  const same = from !== '' && target.kind === 'person' && sameName(target.name, from);
  const counts = preview.data;
  const ready = from !== '' && target.kind !== 'none' && !same && counts !== undefined && counts.customers > 0;

  let line = '';
  if (from !== '') {
    if (same) line = t('settings.handOver.sameTarget', { from });
    else if (counts) line = handOverPreviewText(t, i18n.language, from, counts, target);
    else if (preview.isError) line = errorText(t, toIpcError(preview.error));
    else line = t('common.loading');
  }

  const undo = async (what: HandOverUndo) => {
    const back = await call('pool.undoHandOver', what);
    notices.announce(t('settings.handOver.undone', { what: handOverWhat(t, i18n.language, back), from: what.from }));
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // Enter in a select submits even while Hand over is disabled: nothing to do then.
    if (saving || !ready) return;
    setSaving(true);
    notices.clearError();
    try {
      const engineTo = target.kind === 'person' ? target.name : '';
      const done = await call('pool.handOver', { from, to: engineTo });
      const what = handOverWhat(t, i18n.language, done);
      onClose();
      notices.announce(
        engineTo ? t('settings.handOver.done', { to: engineTo, what }) : t('settings.handOver.donePool', { what }),
        done.customers > 0 ? { label: t('common.undo'), run: () => undo(done.undo) } : undefined,
      );
    } catch (err) {
      notices.showError(err);
      setSaving(false);
    }
  };

  return (
    <ModalDialog title={t('settings.handOver.title')} onRequestClose={close} describedBy={previewId}>
      <form ref={form} className="form handover-form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <SelectField
          label={t('settings.handOver.from')}
          hint={t('settings.handOver.fromHint')}
          value={from}
          options={fromOptions}
          onValueChange={setFrom}
          search
          data-autofocus={startInTo ? undefined : true}
        />
        <SelectField
          label={t('settings.handOver.to')}
          hint={t('settings.handOver.toHint')}
          value={to}
          options={toOptions}
          onValueChange={setTo}
          search
          data-autofocus={startInTo ? true : undefined}
        />
        <p id={previewId} className="handover-preview" role="status" data-testid="handover-preview">
          {line}
        </p>
        <FormActions
          onCancel={close}
          saving={saving}
          busy={!ready}
          saveLabel={saving ? t('settings.handOver.submitting') : t('settings.handOver.submit')}
        />
      </form>
    </ModalDialog>
  );
}
