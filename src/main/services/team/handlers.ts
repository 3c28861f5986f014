import type { HandlersOf } from '../../engine/handler-types';
import { answerCollisionRequest, requestCollision } from './collision-requests';
import { checkCollisions } from './collisions';

/** The engine's handlers for the team.* channels: each calls the engine's TeamSync (team-sync.ts). */
export const teamHandlers = {
  'team.status': (rt) => rt.team.status(),
  'team.probe': (rt, input) => rt.team.probe(input.server),
  'team.preview': (rt, input, job) => rt.team.preview(input, job),
  'team.join': (rt, input, job) => rt.team.join(input, job),
  'team.leave': (rt) => rt.team.leave(),
  'team.sync': (rt, _input, job) => rt.team.syncNow(job),
  'team.conflicts': (rt, input) => rt.team.conflicts(input.resolved ?? false),
  'team.resolveConflict': (rt, input) => rt.team.resolve(input.id, input.keep),
  'team.collisions': (rt, input) => checkCollisions(rt.ctx, rt.team, input),
  'team.collisionReports': (rt) => rt.team.collisionReports(),
  'team.members': (rt) => rt.team.members(),
  'team.collisionHandled': (rt, input) => rt.team.collisionHandled(input.id),
  'team.collisionRequest': (rt, input) => requestCollision(rt.team, input),
  'team.answerRequest': (rt, input) => answerCollisionRequest(rt.ctx, rt.team, input),
} satisfies HandlersOf<'team'>;
