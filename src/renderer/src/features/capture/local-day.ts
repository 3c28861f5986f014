/** The user's local calendar day as an ISO date ("2026-04-15"): the day a fair name was set for. */
export function localIsoDay(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The keyboard shortcut as this platform writes it. */
export function captureShortcutLabel(): string {
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
  return mac ? '⇧⌘L' : 'Ctrl+Shift+L';
}
