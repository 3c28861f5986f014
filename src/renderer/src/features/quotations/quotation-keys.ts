/** Query-cache keys of quotations; everything starts with 'quotations'. */
export const quotationKeys = {
  all: ['quotations'] as const,
  ofCustomer: (customerId: number) => ['quotations', 'customer', customerId] as const,
  one: (id: number) => ['quotations', 'one', id] as const,
  products: (query: string) => ['quotations', 'products', query] as const,
  letterhead: ['quotations', 'letterhead'] as const,
};
