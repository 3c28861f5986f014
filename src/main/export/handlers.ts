import type { HandlersOf } from '../engine/handler-types';
import { exportCustomers } from './export-views';
import { exportInquiries, exportOrders } from './records-export';

/** The engine's handlers for the export.* channels: each calls the service beside it. */
export const exportHandlers = {
  'export.customers': (rt, input) => exportCustomers(rt.ctx, input),
  'export.inquiries': (rt, input) => exportInquiries(rt.ctx, input),
  'export.orders': (rt, input) => exportOrders(rt.ctx, input),
} satisfies HandlersOf<'export'>;
