import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RFM_SEGMENTS, type RfmSegment } from '../../../../shared/domain/classification-enums';
import type { SegmentNameValues } from './rules-form-values';
import { segmentLabel } from './segment-label';
import { SearchSelect } from '../../components/search-select';

interface Props {
  grid: RfmSegment[][];
  names: SegmentNameValues;
  error?: string;
  onChange: (grid: RfmSegment[][]) => void;
}

const SCORES = [1, 2, 3, 4, 5] as const;

/** The R×F grid: rows R5 (most recent buyers) down to R1, columns F1 to F5 (most orders), a segment per cell. */
export function RfmGridTable({ grid, names, error, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const hintId = useId();
  const options = RFM_SEGMENTS.map((s) => ({ value: s, label: segmentLabel(t, i18n.language, s, names) }));
  const unused = RFM_SEGMENTS.filter((s) => !grid.some((row) => row.includes(s)));

  const set = (r: number, f: number, segment: RfmSegment) =>
    onChange(grid.map((row, ri) => (ri === r - 1 ? row.map((cell, fi) => (fi === f - 1 ? segment : cell)) : [...row])));

  return (
    <div className="rfm-grid">
      <div className="table-scroll">
        <table className="data-table rfm-grid-table" aria-describedby={hintId}>
          <caption className="field-label">{t('settings.rules.grid.caption')}</caption>
          <thead>
            <tr>
              <td />
              {SCORES.map((f) => (
                <th key={f} scope="col">
                  {t('settings.rules.grid.f', { score: f })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...SCORES].reverse().map((r) => (
              <tr key={r}>
                <th scope="row">{t('settings.rules.grid.r', { score: r })}</th>
                {SCORES.map((f) => {
                  const value = grid[r - 1]?.[f - 1] ?? 'hibernating';
                  return (
                    <td key={f} className={`segment-cell segment-${value}`}>
                      <SearchSelect
                        aria-label={t('settings.rules.grid.cellLabel', { r, f })}
                        value={value}
                        aria-invalid={error ? true : undefined}
                        options={options}
                        onChange={(v) => set(r, f, v as RfmSegment)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={hintId} className="field-hint">
        {t('settings.rules.grid.hint')}
      </p>
      {unused.length ? (
        <p className="field-hint">
          {t('settings.rules.grid.unused', {
            segments: unused.map((s) => segmentLabel(t, i18n.language, s, names)).join(t('settings.listSeparator')),
          })}
        </p>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
