/** What other features use of quotations: the customer panel's section and the Settings letterhead. */
export { CustomerQuotationsSection } from './customer-quotations-section';
export { LetterheadSection } from './letterhead-section';
/** A sent, accepted or declined document on the customer's timeline. */
export { quotationTimelineText } from './quotation-timeline-text';
