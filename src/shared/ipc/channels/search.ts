import { globalSearchInputSchema, globalSearchResultSchema } from '../../domain/search';
import { channel } from '../channel';

export const searchChannels = {
  /** Ctrl/Cmd+K: customers, contacts, inquiry IDs and order numbers matching what is typed, grouped. */
  'search.global': channel('read', globalSearchInputSchema, globalSearchResultSchema),
} as const;
