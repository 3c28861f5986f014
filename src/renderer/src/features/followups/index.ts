/** What other features use of follow-ups: the plan dialog and the timeline shown in the customer panel. */
export { PlanFollowUpDialog } from './plan-followup-dialog';
export { TimelineSection } from './timeline-section';
