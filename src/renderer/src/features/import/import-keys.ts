/** Query-cache keys for import data. */
export const importKeys = {
  all: ['imports'] as const,
  history: () => ['imports', 'history'] as const,
};
