import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ColumnMapping, type ImportField, type ImportKind } from '../../../../shared/domain/import';
import { SelectField } from '../../components/select-field';
import { ColumnFieldSelect } from './column-field-select';
import { columnLabel, isImportKind } from './import-fields';
import type { Analysis } from './import-types';
import { PreviewSummary } from './preview-summary';
import { StepSection } from './step-section';
import type { PreviewState } from './use-import-preview';

/** Below this confidence the wizard asks the user to check what was detected. */
const SURE = 0.75;

interface Props {
  analysis: Analysis;
  kind: ImportKind;
  mapping: ColumnMapping;
  missing: ImportField[][];
  preview: PreviewState;
  onKindChange: (kind: ImportKind) => void;
  onFieldChange: (column: number, field: ImportField | null) => void;
  onBack: () => void;
  onNext: () => void;
  focusOnMount: boolean;
}

/** Step 2: the kind of file and, per column, the field it is imported as (with sample values). */
export function MappingStep({
  analysis,
  kind,
  mapping,
  missing,
  preview,
  onKindChange,
  onFieldChange,
  onBack,
  onNext,
  focusOnMount,
}: Props) {
  const { t } = useTranslation();
  const mapped = mapping.filter((f) => f !== null).length;
  const detectedKind = t(`importKinds.${analysis.kind}`);
  const missingText = missing.map((alternatives) => alternatives.map((f) => t(`importFields.${f}`)).join(' / ')).join(', ');

  return (
    <StepSection title={t('import.steps.mapping')} focusOnMount={focusOnMount}>
      <div className="mapping-top">
        <div className="mapping-kind">
          <SelectField
            label={t('import.kind')}
            value={kind}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`importKinds.${k}`) }))}
            onValueChange={(v) => {
              if (isImportKind(v)) onKindChange(v);
            }}
          />
          <p className="muted">
            {analysis.confidence >= SURE
              ? t('import.detected', { kind: detectedKind })
              : t('import.detectedUnsure', { kind: detectedKind })}
          </p>
          {analysis.remembered ? <p className="note">{t('import.remembered')}</p> : null}
          <p className="muted">{t('import.mappedCount', { mapped, total: mapping.length })}</p>
        </div>
        <PreviewSummary state={preview} kind={kind} />
      </div>
      <div className="table-scroll">
        <table className="data-table mapping-table">
          <caption className="visually-hidden">{t('import.columnsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.columnHeader')}</th>
              <th scope="col">{t('import.samplesHeader')}</th>
              <th scope="col">{t('import.fieldHeader')}</th>
            </tr>
          </thead>
          <tbody>
            {analysis.columns.map((column) => {
              const header = columnLabel(t, column);
              return (
                <tr key={column.index}>
                  <th scope="row" className="column-name">
                    {header}
                  </th>
                  <td className="samples">
                    {column.samples.length === 0 ? (
                      <span className="muted">{t('import.noSamples')}</span>
                    ) : (
                      column.samples.map((s, i) => (
                        <span key={i} className="sample">
                          {s}
                        </span>
                      ))
                    )}
                  </td>
                  <td>
                    <ColumnFieldSelect
                      label={t('import.fieldFor', { header })}
                      value={mapping[column.index] ?? null}
                      kind={kind}
                      onChange={(field) => onFieldChange(column.index, field)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="inline-error" aria-live="polite">
        {missing.length > 0 ? t('import.needsField', { fields: missingText }) : ''}
      </p>
      <div className="wizard-actions">
        <Button onClick={onBack}>{t('import.back')}</Button>
        <Button type="primary" disabled={missing.length > 0} onClick={onNext}>
          {t('import.next')}
        </Button>
      </div>
    </StepSection>
  );
}
