/** The customer's activity timeline in the detail panel (stub). */
export function TimelineSection(_props: { customerId: number }) {
  return null;
}
