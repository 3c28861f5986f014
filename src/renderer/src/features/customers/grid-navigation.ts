/**
 * Where a key moves the active row in a grid of `total` rows, or null when the key is not a move.
 * `page` is how many rows fit in the viewport.
 */
export function nextRowIndex(key: string, current: number | null, total: number, page: number): number | null {
  if (total <= 0) return null;
  const from = current ?? -1;
  let next: number;
  switch (key) {
    case 'ArrowDown':
      next = from + 1;
      break;
    case 'ArrowUp':
      next = current === null ? 0 : from - 1;
      break;
    case 'PageDown':
      next = from + page;
      break;
    case 'PageUp':
      next = from - page;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = total - 1;
      break;
    default:
      return null;
  }
  return Math.min(total - 1, Math.max(0, next));
}
