import type { HandlersOf } from '../../engine/handler-types';
import { readPrefs, savePrefs } from './prefs';

/** The engine's handlers for the prefs.* channels: each calls the service beside it. */
export const prefsHandlers = {
  'prefs.get': (rt) => readPrefs(rt.ctx.read),
  'prefs.save': (rt, input) => savePrefs(rt.ctx, input, rt.safety),
} satisfies HandlersOf<'prefs'>;
