import type { HandlersOf } from '../../engine/handler-types';
import { proposeFromInquiry } from './deal-proposal';
import { createDeal, listDeals, moveDeal, reopenDeal, updateDeal } from './deals';
import { pipelineBoard, staleDeals } from './pipeline';
import { readPipelineSettings, savePipelineSettings } from './pipeline-settings';

/** The engine's handlers for the deals.* channels: each calls the service beside it. */
export const dealsHandlers = {
  'deals.create': (rt, input) => createDeal(rt.ctx, input),
  'deals.propose': (rt, input) => proposeFromInquiry(rt.ctx.read, input.inquiryId),
  'deals.update': (rt, input) => updateDeal(rt.ctx, input),
  'deals.move': (rt, input) => moveDeal(rt.ctx, input),
  'deals.reopen': (rt, input) => reopenDeal(rt.ctx, input),
  'deals.list': (rt, input) => listDeals(rt.ctx, input),
  'deals.board': (rt, input) => pipelineBoard(rt.ctx, input),
  'deals.stale': (rt, input) => staleDeals(rt.ctx, input),
  'deals.settings': (rt) => readPipelineSettings(rt.ctx.read),
  'deals.saveSettings': (rt, input) => savePipelineSettings(rt.ctx, input),
} satisfies HandlersOf<'deals'>;
