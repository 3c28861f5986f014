import { DatePicker, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PERIOD_PRESETS, type Month, type PeriodChoice } from './period';

const MONTH_FORMAT = 'YYYY-MM';

interface Props {
  choice: PeriodChoice;
  /** The months shown (the preset's, or those picked). */
  months: { fromMonth: Month; toMonth: Month };
  onChoose: (choice: PeriodChoice) => void;
  onMonths: (months: { fromMonth: Month; toMonth: Month }) => void;
}

/**
 * The period above the table: This month, Last month, This quarter, This year (the arrow keys move
 * between them), or Months… with a first and a last month (type "2026-11" or pick in the calendar).
 */
export function PeriodPicker({ choice, months, onChoose, onMonths }: Props) {
  const { t } = useTranslation();
  const startId = useId();
  const endId = useId();
  const choices: PeriodChoice[] = [...PERIOD_PRESETS, 'months'];
  const value: [Dayjs, Dayjs] = [dayjs(`${months.fromMonth}-01`), dayjs(`${months.toMonth}-01`)];

  return (
    <div className="manager-period">
      <Segmented<PeriodChoice>
        aria-label={t('manager.period.label')}
        // The choices are the tab stop (one, as radio buttons): the group itself is not another.
        tabIndex={-1}
        value={choice}
        onChange={onChoose}
        options={choices.map((c) => ({ value: c, label: t(`manager.period.${c}`) }))}
      />
      {choice === 'months' ? (
        <span className="manager-months" role="group" aria-label={t('manager.period.rangeLabel')}>
          <label htmlFor={startId} className="visually-hidden">
            {t('manager.period.from')}
          </label>
          <label htmlFor={endId} className="visually-hidden">
            {t('manager.period.to')}
          </label>
          <DatePicker.RangePicker
            id={{ start: startId, end: endId }}
            picker="month"
            format={MONTH_FORMAT}
            value={value}
            allowClear={false}
            placeholder={[t('manager.period.from'), t('manager.period.to')]}
            onChange={(dates) => {
              const [from, to] = dates ?? [];
              if (from && to) onMonths({ fromMonth: from.format(MONTH_FORMAT), toMonth: to.format(MONTH_FORMAT) });
            }}
          />
        </span>
      ) : null}
    </div>
  );
}
