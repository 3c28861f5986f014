import type { TFunction } from 'i18next';
import { FOLLOW_UP_TYPES } from '../../../../shared/domain/followups';
import { COMPLAINT_SEVERITIES, NEED_CATEGORIES } from '../../../../shared/domain/relationship';
import type { ManagerFigure } from '../../../../shared/ipc/channels/manager';
import { currencyDigits, formatMoney } from '../../lib/money-format';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** An order's amount as the engine words it ("1234.50 USD"). */
const AMOUNT = /^(-?\d+(?:\.\d+)?) ([A-Z]{3})$/;

/**
 * A list row's detail in the user's language. The engine words it language-neutrally: a follow-up's
 * type, a need's category, a complaint's severity, why a customer went back to the pool, an order's
 * amount ("1234.50 USD"); those are named as the rest of the app names them, anything else (a
 * customer's source, an inquiry's subject, a firm's own category) is shown as written.
 */
export function detailText(t: TFunction, lang: string, figure: ManagerFigure, detail: string): string {
  switch (figure) {
    case 'followupsPlanned':
    case 'followupsDone':
    case 'followupsOverdue':
      return isOneOf(FOLLOW_UP_TYPES, detail) ? t(`followups.types.${detail}`) : detail;
    case 'needsOpen':
      return isOneOf(NEED_CATEGORIES, detail) ? t(`relationship.needCategories.${detail}`) : detail;
    case 'complaintsOpen':
    case 'complaintsOverdue':
      return isOneOf(COMPLAINT_SEVERITIES, detail) ? t(`relationship.severities.${detail}`) : detail;
    case 'returned':
      return detail === 'release'
        ? t('manager.list.details.released')
        : detail === 'rule:followup'
          ? t('manager.list.details.ruleFollowup')
          : detail === 'rule:order'
            ? t('manager.list.details.ruleOrder')
            : detail.startsWith('rule')
              ? t('manager.list.details.rule')
              : detail;
    case 'orders': {
      const m = AMOUNT.exec(detail);
      if (!m?.[1] || !m[2]) return detail;
      return formatMoney(Math.round(Number(m[1]) * 10 ** currencyDigits(m[2])), m[2], lang);
    }
    default:
      return detail;
  }
}
