import { prefsPatchSchema, prefsSchema } from '../../domain/prefs';
import { channel, none } from '../channel';

export const prefsChannels = {
  /** Everyday preferences (language, owners, today's fair, backup schedule), kept in the database. */
  'prefs.get': channel('read', none, prefsSchema),
  'prefs.save': channel('write', prefsPatchSchema, prefsSchema),
} as const;
