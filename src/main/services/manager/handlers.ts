import type { HandlersOf } from '../../engine/handler-types';
import { managerList } from './list';
import { managerReport } from './report';
import { managerTargets, saveManagerTargets } from './targets';

/** The engine's handlers for the manager.* channels (#20 item 5): each calls the service beside it. */
export const managerHandlers = {
  'manager.report': (rt, input) => managerReport(rt.ctx, input),
  'manager.list': (rt, input) => managerList(rt.ctx, input),
  'manager.targets': (rt, input) => managerTargets(rt.ctx, input.year),
  'manager.saveTargets': (rt, input) => saveManagerTargets(rt.ctx, input),
} satisfies HandlersOf<'manager'>;
