/** Query-cache keys for the Settings page. */
export const settingsKeys = {
  all: ['settings'] as const,
  rules: () => ['settings', 'rules'] as const,
  currency: () => ['settings', 'currency'] as const,
  runs: (limit: number) => ['settings', 'runs', limit] as const,
};
