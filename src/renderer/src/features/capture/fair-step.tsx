import { Button } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { TextField } from '../../components/text-field';

interface Props {
  /** The last fair's name, offered again. */
  previous: string;
  saving: boolean;
  error: string | undefined;
  onConfirm: (name: string) => void;
  onSkip: () => void;
}

/** Asked once a day before the first lead: the fair being worked today (Enter confirms; empty or Skip = none). */
export function FairStep({ previous, saving, error, onConfirm, onSkip }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(previous);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const trimmed = name.trim();
    if (trimmed) onConfirm(trimmed);
    else onSkip();
  };
  return (
    <form className="form" noValidate onSubmit={submit} aria-label={t('capture.fairTitle')}>
      <TextField
        label={t('capture.fairLabel')}
        hint={t('capture.fairHint')}
        value={name}
        onValueChange={setName}
        maxLength={120}
        data-autofocus
        autoFocus
        autoComplete="off"
        onFocus={(e) => e.currentTarget.select()}
      />
      <FormError message={error} />
      <div className="form-actions">
        <Button onClick={onSkip} disabled={saving}>
          {t('capture.fairSkip')}
        </Button>
        <Button type="primary" htmlType="submit" disabled={saving} aria-busy={saving || undefined}>
          {t('capture.fairStart')}
        </Button>
      </div>
    </form>
  );
}
