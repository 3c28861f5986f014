import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../../../shared/domain/import';
import { FIELD_GROUPS, isImportField } from './import-fields';

interface Props {
  label: string;
  value: ImportField | null;
  onChange: (field: ImportField | null) => void;
}

/** The field one column is imported as, grouped by what it describes; "Ignore this column" first. */
export function ColumnFieldSelect({ label, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <select
      className={value ? 'field-select' : 'field-select is-ignored'}
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => onChange(isImportField(e.target.value) ? e.target.value : null)}
    >
      <option value="">{t('import.ignoreColumn')}</option>
      {FIELD_GROUPS.map(({ group, fields }) => (
        <optgroup key={group} label={t(`importFieldGroups.${group}`)}>
          {fields.map((field) => (
            <option key={field} value={field}>
              {t(`importFields.${field}`)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
