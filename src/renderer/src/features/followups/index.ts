/**
 * What other features use of follow-ups: the plan and log dialogs and the timeline shown in the
 * customer panel, and the plan form the grid's plan for several customers opens.
 */
export { LogTouchDialog } from './log-touch-dialog';
export { PlanFollowUpDialog } from './plan-followup-dialog';
export { PlanFormDialog, type FollowUpPlan } from './plan-form-dialog';
export { TimelineSection } from './timeline-section';
