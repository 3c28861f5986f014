import type { HandlersOf } from '../../engine/handler-types';
import { applyPlan, planPreview, undoPlan, readCadenceRules, saveCadenceRules } from './cadence';
import { churnRisk } from './churn-risk';
import {
  cancelFollowUp,
  completeFollowUp,
  createFollowUp,
  followUpCounts,
  listFollowUps,
  logFollowUp,
  nextStep,
  snoozeFollowUp,
  updateFollowUp,
} from './followups';
import { customerTimeline } from './timeline';

/** The engine's handlers for the cadence.*, followups.*, timeline.* channels: each calls the service beside it. */
export const followupsHandlers = {
  'followups.create': (rt, input) => createFollowUp(rt.ctx, input),
  'followups.log': (rt, input) => logFollowUp(rt.ctx, input),
  'followups.update': (rt, input) => updateFollowUp(rt.ctx, input),
  'followups.snooze': (rt, input) => snoozeFollowUp(rt.ctx, input),
  'followups.complete': (rt, input) => completeFollowUp(rt.ctx, input),
  'followups.cancel': (rt, input) => cancelFollowUp(rt.ctx, input),
  'followups.list': (rt, input) => listFollowUps(rt.ctx, input),
  'followups.nextStep': (rt, input) => nextStep(rt.ctx, input.customerId),
  'followups.counts': (rt, input) => followUpCounts(rt.ctx, input),
  'followups.churnRisk': (rt, input) => churnRisk(rt.ctx, input),
  'timeline.list': (rt, input) => customerTimeline(rt.ctx, input),
  'followups.plan': (rt, input) => planPreview(rt.ctx, input),
  'followups.applyPlan': (rt, input) => applyPlan(rt.ctx, input),
  'followups.undoPlan': (rt, input) => undoPlan(rt.ctx, input),
  'cadence.get': (rt) => readCadenceRules(rt.ctx.read),
  'cadence.save': (rt, input) => saveCadenceRules(rt.ctx, input),
} satisfies HandlersOf<'cadence' | 'followups' | 'timeline'>;
