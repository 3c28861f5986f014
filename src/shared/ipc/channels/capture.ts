import {
  captureSaveSchema,
  captureSavedSchema,
  captureStatsSchema,
  duplicateMatchSchema,
  duplicateQuerySchema,
} from '../../domain/capture';
import { timeZoneSchema } from '../../domain/followups';
import { z } from 'zod';
import { channel } from '../channel';

export const captureChannels = {
  // Booth quick capture: duplicate hints while a lead is typed, and saving it (customer or contact,
  // fair tag, inquiry, card photo and a proposed follow-up) in one transaction.
  'capture.duplicates': channel('read', duplicateQuerySchema, z.array(duplicateMatchSchema)),
  'capture.save': channel('write', captureSaveSchema, captureSavedSchema),
  'capture.stats': channel('read', z.strictObject({ timeZone: timeZoneSchema }), captureStatsSchema),
} as const;
