import { NOW_MS_SQL, UUIDV7_SQL } from '../db/migrations/0013_sync_capture';
import { hotFragment } from '../db/sql';

/**
 * A new row's gid (a UUIDv7 made in SQL) for the value list of a bulk insert: a row inserted with
 * its gid skips the 0013 gid trigger, whose extra UPDATE per row made an import far slower.
 */
export const NEW_GID = hotFragment(UUIDV7_SQL(NOW_MS_SQL));
