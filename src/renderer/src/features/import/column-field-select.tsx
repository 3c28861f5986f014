import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../../../shared/domain/import';
import { FIELD_GROUPS, isImportField } from './import-fields';
import { SearchSelect } from '../../components/search-select';

interface Props {
  label: string;
  value: ImportField | null;
  onChange: (field: ImportField | null) => void;
}

/** The field one column is imported as, grouped by what it describes; "Ignore this column" first. */
export function ColumnFieldSelect({ label, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <SearchSelect
      className={value ? 'field-select' : 'field-select is-ignored'}
      aria-label={label}
      value={value ?? ''}
      options={[
        { value: '', label: t('import.ignoreColumn') },
        ...FIELD_GROUPS.map(({ group, fields }) => ({
          label: t(`importFieldGroups.${group}`),
          options: fields.map((field) => ({ value: field, label: t(`importFields.${field}`) })),
        })),
      ]}
      onChange={(v) => onChange(isImportField(v) ? v : null)}
    />
  );
}
