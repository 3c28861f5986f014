/**
 * What other features use of follow-ups: the plan and log dialogs and the timeline shown in the customer panel,
 * and the fields of a plan (type options, the due field) for the grid's plan for several customers.
 */
export { LogTouchDialog } from './log-touch-dialog';
export { PlanFollowUpDialog } from './plan-followup-dialog';
export { TimelineSection } from './timeline-section';
export { followUpTypeOptions, isFollowUpType } from './followup-type-options';
export { useDueField } from './use-due-field';
