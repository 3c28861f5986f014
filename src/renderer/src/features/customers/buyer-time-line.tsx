import { useTranslation } from 'react-i18next';
import { buyerDay, holidaysWithin, HOLIDAYS_SHOWN_DAYS, utcOffsetLabel } from '../../../../shared/domain/buyer-time';
import { buyerNow, holidayDay, useBuyerZone, useNow, weekdayTime } from '../../lib/use-buyer-time';

interface Props {
  country: string | null;
  city: string | null;
}

/**
 * The buyer's local time: "Local time 14:05 (Berlin, UTC+1) · in working hours", or outside them
 * with the next good time to call in their time and the user's; their public holidays in the next
 * 14 days. Nothing without a country.
 */
export function BuyerTimeLine({ country, city }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const query = useBuyerZone(country, city);
  const now = useNow();
  const zone = query.data;
  const clock = buyerNow(zone, now);
  if (!zone?.zone || !clock) return null;
  const holidays = holidaysWithin(zone.holidays, buyerDay(now, zone.zone), HOLIDAYS_SHOWN_DAYS);
  const zh = lang.startsWith('zh');
  const state = clock.inWorkingHours
    ? t('detail.buyerTime.inHours')
    : [
        t(
          clock.reason === 'holiday'
            ? 'detail.buyerTime.outsideHoliday'
            : clock.reason === 'weekend'
              ? 'detail.buyerTime.outsideWeekend'
              : 'detail.buyerTime.outside',
        ),
        clock.nextGood !== null
          ? t('detail.buyerTime.next', { their: weekdayTime(clock.nextGood, lang, zone.zone), yours: weekdayTime(clock.nextGood, lang) })
          : '',
      ]
        .filter(Boolean)
        .join(t('detail.buyerTime.comma'));
  return (
    <div className="buyer-time" data-testid="buyer-time">
      <p className="buyer-time-line">
        <span>
          {t('detail.buyerTime.line', {
            time: clock.localTime,
            place: zone.place ?? zone.zone,
            offset: utcOffsetLabel(clock.offsetMinutes),
          })}
        </span>
        <span className={clock.inWorkingHours ? 'buyer-time-state' : 'buyer-time-state muted'}> · {state}</span>
      </p>
      {zone.source === 'guess' ? <p className="muted buyer-time-note">{t('detail.buyerTime.guess')}</p> : null}
      <p className="muted buyer-time-holidays" data-testid="buyer-holidays">
        {holidays.length === 0
          ? t('detail.buyerTime.noHolidays')
          : t('detail.buyerTime.holidays', {
              list: holidays
                .map((h) => `${holidayDay(h.date, lang)} ${zh && h.nameZh ? h.nameZh : h.name}`)
                .join(t('detail.buyerTime.listSep')),
            })}
      </p>
    </div>
  );
}
