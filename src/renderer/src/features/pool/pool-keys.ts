/** Query-cache keys of the pool (refreshed on data.changed like every query). */
export const poolKeys = {
  all: ['pool'] as const,
  rules: () => ['pool', 'rules'] as const,
  status: (customerId: number) => ['pool', 'status', customerId] as const,
};
