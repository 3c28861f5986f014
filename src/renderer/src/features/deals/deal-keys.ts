/** Query-cache keys for deals; everything starts with 'deals'. */
export const dealKeys = {
  all: ['deals'] as const,
  board: (limit: number) => ['deals', 'board', limit] as const,
  ofCustomer: (customerId: number) => ['deals', 'customer', customerId] as const,
  stale: (limit: number) => ['deals', 'stale', limit] as const,
  settings: ['deals', 'settings'] as const,
  inquiries: (customerId: number) => ['deals', 'inquiries', customerId] as const,
  proposal: (inquiryId: number) => ['deals', 'proposal', inquiryId] as const,
};
