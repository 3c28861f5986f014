/** What other features use of quotations: the customer panel's section and the Settings letterhead. */
export { CustomerQuotationsSection } from './customer-quotations-section';
export { LetterheadSection } from './letterhead-section';
