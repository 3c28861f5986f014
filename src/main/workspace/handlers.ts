import type { HandlersOf } from '../engine/handler-types';

/** The engine's handlers for the workspace.* channels: each calls the service beside it. */
export const workspaceHandlers = {
  'workspace.status': (rt) => rt.workspaces.status(),
  'workspace.openSample': (rt, _input, job) => rt.workspaces.openSample(job),
  'workspace.openMain': (rt) => rt.workspaces.openMain(),
  'workspace.removeSample': (rt) => rt.workspaces.removeSample(),
  'workspace.moveData': (rt, input, job) => rt.workspaces.moveData(input, job),
} satisfies HandlersOf<'workspace'>;
