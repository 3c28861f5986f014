import { Button } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notice-context';
import { FormActions } from '../../components/form-actions';
import { ModalDialog } from '../../components/modal-dialog';
import { SelectField } from '../../components/select-field';
import { countriesByName } from '../../i18n/region-names';
import { call } from '../../lib/ipc';
import { customerKeys } from '../../lib/customer-keys';

/** Imported country texts the table did not recognise, with how many customers have each. */
export function useUnrecognisedCountries() {
  return useQuery({
    queryKey: [...customerKeys.all, 'unrecognised-countries'],
    queryFn: () => call('customers.unrecognisedCountries', {}),
  });
}

interface Props {
  /** Narrows the grid to these customers. */
  onShow: () => void;
}

/**
 * A line above the grid while some customers have an imported country that was not recognised
 * (kept as written): show them, or give each text a country in one step for all its customers.
 */
export function UnrecognisedCountriesNotice({ onShow }: Props) {
  const { t } = useTranslation();
  const list = useUnrecognisedCountries();
  const [fixing, setFixing] = useState(false);
  const customers = (list.data ?? []).reduce((n, x) => n + x.customers, 0);
  if (customers === 0) return null;
  return (
    <div className="notice-strip" role="note">
      <span>{t('customers.unrecognisedNotice', { count: customers })}</span>
      <Button size="small" onClick={onShow}>
        {t('customers.unrecognisedShow')}
      </Button>
      <Button size="small" onClick={() => setFixing(true)}>
        {t('customers.unrecognisedFix')}
      </Button>
      {fixing ? <FixCountriesDialog texts={list.data ?? []} onClose={() => setFixing(false)} /> : null}
    </div>
  );
}

function FixCountriesDialog({ texts, onClose }: { texts: readonly { text: string; customers: number }[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const options = useMemo(
    () => [
      { value: '', label: t('customers.unrecognisedKeep') },
      ...countriesByName(i18n.language).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
    ],
    [i18n.language, t],
  );
  const fix = useMutation({
    mutationFn: async () => {
      let changed = 0;
      for (const [text, country] of Object.entries(chosen))
        if (country) changed += (await call('customers.fixCountry', { text, country })).changed;
      return changed;
    },
    onSuccess: (changed) => {
      notices.announce(t('customers.unrecognisedFixed', { count: changed }));
      onClose();
    },
    onError: (err) => notices.showError(err),
  });
  const any = Object.values(chosen).some(Boolean);
  return (
    <ModalDialog title={t('customers.unrecognisedFixTitle')} onRequestClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (any) fix.mutate();
          else onClose();
        }}
      >
        <p className="muted">{t('customers.unrecognisedFixHint')}</p>
        {texts.map((x, i) => (
          <SelectField
            key={x.text}
            label={t('customers.unrecognisedFixLabel', { text: x.text, count: x.customers })}
            value={chosen[x.text] ?? ''}
            options={options}
            onValueChange={(v) => setChosen((c) => ({ ...c, [x.text]: v }))}
            {...(i === 0 ? { 'data-autofocus': true } : {})}
          />
        ))}
        <FormActions onCancel={onClose} saving={fix.isPending} saveLabel={t('customers.unrecognisedApply')} />
      </form>
    </ModalDialog>
  );
}
