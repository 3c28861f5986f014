/** Query-cache keys of lead assignment (refreshed on data.changed like every query). */
export const assignmentKeys = { rules: () => ['assignment', 'rules'] as const };
