import { PlaceholderPage } from '../../app/placeholder-page';

/** Needs board (stub: replaced by the relationship UI). */
export function NeedsPage() {
  return <PlaceholderPage route="needs" />;
}
