import { useTranslation } from 'react-i18next';
import { RFM_SEGMENTS, type RfmSegment } from '../../../../shared/domain/classification-enums';
import { SEGMENT_NAME_MAX } from './rule-limits';
import type { RulesFieldErrors } from './rules-errors';
import type { SegmentNameValues } from './rules-form-values';

interface Props {
  names: SegmentNameValues;
  errors: RulesFieldErrors;
  onChange: (segment: RfmSegment, lang: 'en' | 'zh', value: string) => void;
}

/** The firm's own segment names, English and Chinese; a blank one shows the built-in name. */
export function SegmentNamesTable({ names, errors, onChange }: Props) {
  const { t, i18n } = useTranslation();
  // Blank inputs show the built-in name of their own language as a placeholder.
  const builtIn = { en: i18n.getFixedT('en'), zh: i18n.getFixedT('zh-CN') };
  return (
    <div className="table-scroll">
      <table className="data-table segment-names-table">
        <caption className="field-label">{t('settings.rules.names.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.rules.names.segment')}</th>
            <th scope="col">{t('settings.rules.names.en')}</th>
            <th scope="col">{t('settings.rules.names.zh')}</th>
          </tr>
        </thead>
        <tbody>
          {RFM_SEGMENTS.map((s) => {
            const name = t(`enums.segment.${s}`);
            return (
              <tr key={s}>
                <th scope="row">{name}</th>
                {(['en', 'zh'] as const).map((lang) => {
                  const error = errors[`segmentName.${s}.${lang}`];
                  const errorId = `segment-name-${s}-${lang}-error`;
                  return (
                    <td key={lang}>
                      <input
                        type="text"
                        className="segment-name-input"
                        lang={lang === 'zh' ? 'zh-CN' : 'en'}
                        aria-label={t(lang === 'en' ? 'settings.rules.names.enLabel' : 'settings.rules.names.zhLabel', { segment: name })}
                        placeholder={builtIn[lang](`enums.segment.${s}`)}
                        maxLength={SEGMENT_NAME_MAX}
                        value={names[s][lang]}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                        onChange={(e) => onChange(s, lang, e.target.value)}
                      />
                      {error ? (
                        <p id={errorId} className="field-error">
                          {error}
                        </p>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="field-hint">{t('settings.rules.names.hint')}</p>
    </div>
  );
}
