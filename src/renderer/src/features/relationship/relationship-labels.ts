import type { TFunction } from 'i18next';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  NEED_CATEGORIES,
  NEED_PRIORITIES,
  NEED_STATUSES,
  type Complaint,
  type Need,
} from '../../../../shared/domain/relationship';
import type { SelectOption } from '../../components/select-field';

export type NeedCategory = (typeof NEED_CATEGORIES)[number];
export type NeedStatus = Need['status'];
export type NeedPriority = Need['priority'];
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export type ComplaintSeverity = Complaint['severity'];
export type ComplaintStatus = Complaint['status'];

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

export const isNeedStatus = (v: string): v is NeedStatus => isOneOf(NEED_STATUSES, v);
export const isNeedPriority = (v: string): v is NeedPriority => isOneOf(NEED_PRIORITIES, v);
export const isNeedCategory = (v: string): v is NeedCategory => isOneOf(NEED_CATEGORIES, v);
export const isComplaintSeverity = (v: string): v is ComplaintSeverity => isOneOf(COMPLAINT_SEVERITIES, v);
export const isComplaintCategory = (v: string): v is ComplaintCategory => isOneOf(COMPLAINT_CATEGORIES, v);

/**
 * Display names. Categories are the built-in slugs or a firm's own words (from the CLI or an
 * import): a built-in slug is translated, anything else is shown as written.
 */
export const needCategoryLabel = (t: TFunction, category: string): string =>
  isNeedCategory(category) ? t(`relationship.needCategories.${category}`) : category;
export const needStatusLabel = (t: TFunction, status: NeedStatus): string => t(`relationship.needStatuses.${status}`);
export const priorityLabel = (t: TFunction, priority: NeedPriority): string => t(`enums.priority.${priority}`);
export const complaintCategoryLabel = (t: TFunction, category: string): string =>
  isComplaintCategory(category) ? t(`relationship.complaintCategories.${category}`) : category;
export const severityLabel = (t: TFunction, severity: ComplaintSeverity): string => t(`relationship.severities.${severity}`);
export const complaintStatusLabel = (t: TFunction, status: ComplaintStatus): string => t(`relationship.complaintStatuses.${status}`);

export const needCategoryOptions = (t: TFunction): SelectOption[] =>
  NEED_CATEGORIES.map((c) => ({ value: c, label: needCategoryLabel(t, c) }));
export const needStatusOptions = (t: TFunction): SelectOption[] => NEED_STATUSES.map((s) => ({ value: s, label: needStatusLabel(t, s) }));
export const priorityOptions = (t: TFunction): SelectOption[] => NEED_PRIORITIES.map((p) => ({ value: p, label: priorityLabel(t, p) }));
export const complaintCategoryOptions = (t: TFunction): SelectOption[] =>
  COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: complaintCategoryLabel(t, c) }));
export const severityOptions = (t: TFunction): SelectOption[] =>
  COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: severityLabel(t, s) }));
