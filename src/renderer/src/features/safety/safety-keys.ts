/** Query-cache keys of the start-up state and the backup list (refreshed on every data.changed). */
export const safetyKeys = {
  status: () => ['safety', 'status'] as const,
  backups: () => ['safety', 'backups'] as const,
};
