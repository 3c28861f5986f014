import { letterheadSchema, MAX_LOGO_BYTES, type Letterhead } from '../../../shared/domain/quotations';
import { AppError } from '../../../shared/errors';
import type { ReadDb, WriteTx } from '../../db/sql';
import { isoNow, type ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings';

/** The settings key of the firm's letterhead (quotations and PIs). */
export const LETTERHEAD_KEY = 'letterhead';

/** The letterhead saved in Settings, or an empty one. */
export function readLetterhead(db: ReadDb | WriteTx): Letterhead {
  const parsed = letterheadSchema.safeParse(readSetting<unknown>(db, LETTERHEAD_KEY) ?? {});
  return parsed.success ? parsed.data : letterheadSchema.parse({});
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Buffer, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Saves the letterhead; a logo must be a PNG or JPEG (by its bytes) of at most MAX_LOGO_BYTES. */
export async function saveLetterhead(ctx: ServiceContext, input: Letterhead): Promise<Letterhead> {
  if (input.logo) {
    const bytes = Buffer.from(input.logo.contentBase64, 'base64');
    if (bytes.length > MAX_LOGO_BYTES) {
      throw new AppError('LETTERHEAD_LOGO_TOO_LARGE', `the logo is ${bytes.length} bytes; at most ${MAX_LOGO_BYTES}`, {
        size: bytes.length,
        max: MAX_LOGO_BYTES,
      });
    }
    const mime = startsWith(bytes, PNG) ? 'image/png' : startsWith(bytes, JPEG) ? 'image/jpeg' : null;
    if (!mime) throw new AppError('LETTERHEAD_LOGO_NOT_IMAGE', 'the logo is not a PNG or JPEG image');
    input = { ...input, logo: { mime, contentBase64: bytes.toString('base64') } };
  }
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    writeSetting(tx, LETTERHEAD_KEY, input, now);
    return readLetterhead(tx);
  });
}
