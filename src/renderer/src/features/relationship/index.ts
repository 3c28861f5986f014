/** What other features use of needs and complaints: their section of the customer panel. */
export { RelationshipSection } from './relationship-section';
/** A complaint's order, amount claimed and photos, for its entry on the customer's timeline. */
export { ComplaintFacts } from './complaint-facts';
/** The customer picker of a new need or complaint, also used by a new deal. */
export { CustomerPicker, type PickedCustomer } from './customer-picker';
