/** English text of search; strings.zh-CN.ts has exactly the same keys (its type says so). */
export const searchEn = {
  search: {
    button: 'Search',
    buttonHint: 'Search customers, contacts, inquiries and orders ({{shortcut}})',
    title: 'Search',
    label: 'Search customers, contacts, inquiries and orders',
    placeholder: 'Company, contact, e-mail, phone, inquiry ID or order number',
    results: 'Search results',
    hint: 'Type part of a company or contact name, an e-mail, a phone number, an inquiry ID or an order number.',
    searching: 'Searching…',
    none: 'Nothing matches “{{query}}”.',
    count_one: '{{count, number}} match. ↑ and ↓ move, Enter opens the customer.',
    count_other: '{{count, number}} matches. ↑ and ↓ move, Enter opens the customer.',
    more: 'first {{count, number}}',
    groups: {
      customers: 'Customers',
      contacts: 'Contacts',
      inquiries: 'Inquiries',
      orders: 'Orders',
      all: 'More',
    },
    archived: 'Archived',
    tier: 'Tier {{tier}}',
    inquiry: 'Inquiry',
    order: 'Order',
    showAll: 'Show all customers matching “{{query}}” in the list',
    keys: {
      move: 'move',
      open: 'open',
      close: 'close',
    },
  },
} as const;
