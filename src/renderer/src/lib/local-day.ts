/** A moment's calendar day in the user's zone as an ISO date ("2026-04-15"; a date input's value). */
export function localDay(when: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${when.getFullYear()}-${p(when.getMonth() + 1)}-${p(when.getDate())}`;
}

/** A keyboard shortcut as this platform writes it: the macOS form on a Mac, the other one elsewhere. */
export function shortcutLabel(mac: string, other: string): string {
  const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
  return isMac ? mac : other;
}
