/** Query-cache key of the workspace status (refreshed, like every query, on data.changed). */
export const workspaceKeys = {
  status: () => ['workspace', 'status'] as const,
};
