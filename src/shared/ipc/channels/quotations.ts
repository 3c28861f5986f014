import { z } from 'zod';
import {
  letterheadSchema,
  quotableProductSchema,
  quotationFieldsSchema,
  quotationSchema,
  quotationSummarySchema,
} from '../../domain/quotations';
import { channel, fileDownloadSchema, idInput, none } from '../channel';

const id = z.number().int().positive();
/** An action on a document at the version the user sees (CONFLICT when it changed meanwhile). */
const versioned = z.strictObject({ id, version: z.number().int().positive() });

/** Quotations and proforma invoices (#21 item 3), and the letterhead they print. */
export const quotationsChannels = {
  'quotations.create': channel('write', quotationFieldsSchema.extend({ customerId: id }), quotationSchema),
  'quotations.update': channel('write', versioned.extend({ fields: quotationFieldsSchema }), quotationSchema),
  'quotations.get': channel('read', idInput, quotationSchema),
  'quotations.list': channel(
    'read',
    z.strictObject({ customerId: id.optional(), opportunityId: id.optional(), limit: z.number().int().min(1).max(2000).default(500) }),
    z.array(quotationSummarySchema),
  ),
  'quotations.send': channel('write', versioned, quotationSchema),
  'quotations.revise': channel('write', versioned, quotationSchema),
  'quotations.accept': channel('write', versioned, quotationSchema),
  'quotations.decline': channel('write', versioned, quotationSchema),
  'quotations.cancel': channel('write', versioned, quotationSchema),
  'quotations.makeProforma': channel('write', versioned, quotationSchema),
  /** The document as a PDF file (saved through the page's download, like exports). */
  'quotations.pdf': channel('read', idInput, fileDownloadSchema),
  /** Catalogue products for the line picker, by SKU or name (English or Chinese). */
  'quotations.products': channel(
    'read',
    z.strictObject({ query: z.string().trim().max(100).default(''), limit: z.number().int().min(1).max(100).default(20) }),
    z.array(quotableProductSchema),
  ),
  'quotations.letterhead': channel('read', none, letterheadSchema),
  'quotations.saveLetterhead': channel('write', letterheadSchema, letterheadSchema),
} as const;
