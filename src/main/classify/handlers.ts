import type { HandlersOf } from '../engine/handler-types';
import { DEFAULT_RULES } from '../../shared/domain/classification';
import { isoNow } from '../services/context';
import { classifyCustomers, listRuns } from './classify';
import { currentRules, saveRules } from './rules-store';

/** The engine's handlers for the classify.* channels: each calls the service beside it. */
export const classifyHandlers = {
  'classify.run': (rt, input, job) => classifyCustomers(rt.ctx, input.trigger, job),
  'classify.runs': (rt, input) => listRuns(rt.ctx.read, input.limit),
  'classify.rules': (rt) => {
    const current = currentRules(rt.ctx.read);
    return { version: current.version, rules: current.rules, defaults: DEFAULT_RULES, savedAt: current.savedAt };
  },
  'classify.saveRules': (rt, input) => {
    const now = isoNow(rt.ctx);
    return rt.ctx.db.transaction((tx) => ({ version: saveRules(tx, input.rules, input.baseVersion, now) }));
  },
} satisfies HandlersOf<'classify'>;
