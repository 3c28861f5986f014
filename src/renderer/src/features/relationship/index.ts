/** What other features use of needs and complaints: their section of the customer panel. */
export { RelationshipSection } from './relationship-section';
