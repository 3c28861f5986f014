/** Query-cache keys of quick capture (all refreshed on data.changed). */
export const captureKeys = {
  all: ['capture'] as const,
  prefs: () => ['capture', 'prefs'] as const,
  stats: (timeZone: string) => ['capture', 'stats', timeZone] as const,
  duplicates: (query: { company: string; country: string; email: string; phone: string }) => ['capture', 'duplicates', query] as const,
};
