import type { HandlersOf } from '../../engine/handler-types';
import { readLetterhead, saveLetterhead } from './letterhead';
import { quotableProducts } from './quotable-products';
import { quotationPdfFile } from './quotation-document';
import { answerQuotation, cancelQuotation, makeProforma, reviseQuotation, sendQuotation } from './quotation-status';
import { createQuotation, getQuotation, listQuotations, updateQuotation } from './quotations';

/** The engine's handlers for the quotations.* channels: each calls the service beside it. */
export const quotationsHandlers = {
  'quotations.create': (rt, input) => createQuotation(rt.ctx, input),
  'quotations.update': (rt, input) => updateQuotation(rt.ctx, input),
  'quotations.get': (rt, input) => getQuotation(rt.ctx, input),
  'quotations.list': (rt, input) => listQuotations(rt.ctx, input),
  'quotations.send': (rt, input) => sendQuotation(rt.ctx, input),
  'quotations.revise': (rt, input) => reviseQuotation(rt.ctx, input),
  'quotations.accept': (rt, input) => answerQuotation(rt.ctx, input, 'accept'),
  'quotations.decline': (rt, input) => answerQuotation(rt.ctx, input, 'decline'),
  'quotations.cancel': (rt, input) => cancelQuotation(rt.ctx, input),
  'quotations.makeProforma': (rt, input) => makeProforma(rt.ctx, input),
  'quotations.pdf': (rt, input) => quotationPdfFile(rt.ctx, input),
  'quotations.products': (rt, input) => quotableProducts(rt.ctx, input),
  'quotations.letterhead': (rt) => readLetterhead(rt.ctx.read),
  'quotations.saveLetterhead': (rt, input) => saveLetterhead(rt.ctx, input),
} satisfies HandlersOf<'quotations'>;
