/** What other features use of deals: the Deals page, the customer panel's section, Today's stale deals, the pipeline settings. */
export { DealsPage } from './deals-page';
export { CustomerDealsSection } from './customer-deals-section';
export { StaleDealsPanel } from './stale-deals-panel';
export { PipelineSettingsSection } from './pipeline-settings-section';
/** A deal's activity on the customer's timeline, in the user's language. */
export { dealTimelineText } from './deal-timeline-text';
