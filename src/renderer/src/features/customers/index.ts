/** What other features use of customers: the count of customers (dashboard headline). */
export { useCustomerTotal } from './use-customer-total';
