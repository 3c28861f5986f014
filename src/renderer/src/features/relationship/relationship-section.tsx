import type { CustomerDetail } from '../../../../shared/domain/customer';

/** Needs and complaints of one customer in the detail panel (stub). */
export function RelationshipSection(_props: { customer: CustomerDetail; locked: boolean }) {
  return null;
}
