/** A column a card can be moved to from its menu. */
export interface MoveTarget {
  key: string;
  label: string;
}
