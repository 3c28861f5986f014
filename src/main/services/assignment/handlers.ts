import type { HandlersOf } from '../../engine/handler-types';
import { assignmentRulesView, saveAssignmentRules } from './rules';

/** The engine's handlers for the assignment.* channels (#20): each calls the service beside it. */
export const assignmentHandlers = {
  'assignment.rules': (rt) => assignmentRulesView(rt.ctx.read),
  'assignment.saveRules': (rt, input) => saveAssignmentRules(rt.ctx, input),
} satisfies HandlersOf<'assignment'>;
