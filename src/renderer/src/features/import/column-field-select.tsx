import { useTranslation } from 'react-i18next';
import type { ImportField, ImportKind } from '../../../../shared/domain/import';
import { fieldGroupsFor, isImportField } from './import-fields';
import { SearchSelect } from '../../components/search-select';

interface Props {
  label: string;
  value: ImportField | null;
  kind: ImportKind;
  onChange: (field: ImportField | null) => void;
}

/** The field one column is imported as, grouped by what it describes; "Ignore this column" first. */
export function ColumnFieldSelect({ label, value, kind, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <SearchSelect
      className={value ? 'field-select' : 'field-select is-ignored'}
      aria-label={label}
      value={value ?? ''}
      options={[
        { value: '', label: t('import.ignoreColumn') },
        ...fieldGroupsFor(kind).map(({ group, fields }) => ({
          label: t(`importFieldGroups.${group}`),
          options: fields.map((field) => ({ value: field, label: t(`importFields.${field}`) })),
        })),
      ]}
      onChange={(v) => onChange(isImportField(v) ? v : null)}
    />
  );
}
