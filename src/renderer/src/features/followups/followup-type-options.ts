import type { TFunction } from 'i18next';
import { FOLLOW_UP_TYPES, type FollowUpType } from '../../../../shared/domain/followups';
import type { SelectOption } from '../../components/select-field';

export function isFollowUpType(value: string): value is FollowUpType {
  return (FOLLOW_UP_TYPES as readonly string[]).includes(value);
}

/** The follow-up types as select options, in the current language. */
export function followUpTypeOptions(t: TFunction): SelectOption[] {
  return FOLLOW_UP_TYPES.map((type) => ({ value: type, label: t(`followups.types.${type}`) }));
}
