import type { HandlersOf } from '../../engine/handler-types';
import { captureStats, findDuplicates, saveLead } from './capture';

/** The engine's handlers for the capture.* channels: each calls the service beside it. */
export const captureHandlers = {
  'capture.duplicates': (rt, input) => findDuplicates(rt.ctx, input),
  'capture.save': (rt, input) => saveLead(rt.ctx, input),
  'capture.stats': (rt, input) => captureStats(rt.ctx, input),
} satisfies HandlersOf<'capture'>;
