import type { HandlersOf } from '../../engine/handler-types';
import { applyPoolRules } from './apply-rules';
import { whoAmI } from './me';
import { handOver, handOverPreview, undoHandOver } from './handover';
import { claimCustomer, poolStatus, releaseCustomer } from './pool';
import { poolRulesView, savePoolRules } from './rules';

/** The engine's handlers for the pool.* channels (#20): each calls the service beside it. */
export const poolHandlers = {
  'pool.rules': (rt) => poolRulesView(rt.ctx.read),
  'pool.saveRules': (rt, input) => savePoolRules(rt.ctx, input),
  'pool.status': (rt, input) => poolStatus(rt.ctx, input.customerId),
  'pool.claim': (rt, input) => claimCustomer(rt.ctx, input.customerId),
  'pool.release': (rt, input) => releaseCustomer(rt.ctx, input.customerId),
  // In a team the server applies the rules (a manager may ask it to now); on a book of its own, the laptop.
  'pool.applyRules': (rt, _input, job) => (whoAmI(rt.ctx.read).inTeam ? rt.team.applyPoolRules(job) : applyPoolRules(rt.ctx)),
  'pool.handOverPreview': (rt, input) => handOverPreview(rt.ctx, input),
  'pool.handOver': (rt, input) => handOver(rt.ctx, input),
  'pool.undoHandOver': (rt, input) => undoHandOver(rt.ctx, input),
} satisfies HandlersOf<'pool'>;
