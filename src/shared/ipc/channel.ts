import { z } from 'zod';

/**
 * What every channel file (channels/<prefix>.ts) builds its declarations from.
 *
 * kind: 'read' runs on the engine's read connection; 'write' on the single write connection;
 * 'job' is a long write that reports progress and can be cancelled (jobs.cancel); 'read-job' is a
 * long read that does the same and changes nothing.
 */
export type ChannelKind = 'read' | 'write' | 'job' | 'read-job';

export interface ChannelDef<I extends z.ZodType, O extends z.ZodType> {
  kind: ChannelKind;
  input: I;
  output: O;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(kind: ChannelKind, input: I, output: O): ChannelDef<I, O> => ({
  kind,
  input,
  output,
});

export const none = z.strictObject({});

export const idInput = z.strictObject({ id: z.number().int().positive() });

export const countMap = z.record(z.string(), z.number().int());

/** A file travels as base64 (IPC and the browser bridge alike); 100 MB of file is ~134 MB of text. */
export const MAX_FILE_BASE64 = 140_000_000;

export const fileDownloadSchema = z.object({ fileName: z.string(), mime: z.string(), contentBase64: z.string(), rows: z.number().int() });

export const exportFormatSchema = z.enum(['csv', 'xlsx']);
