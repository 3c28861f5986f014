import { PlaceholderPage } from '../../app/placeholder-page';

/** Complaints list (stub: replaced by the relationship UI). */
export function ComplaintsPage() {
  return <PlaceholderPage route="complaints" />;
}
