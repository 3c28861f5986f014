import type { z } from 'zod';
import { AppError, toErrorShape, type Result } from '../errors';
import {
  contract,
  isChannel,
  type CallOptions,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type ChannelParsedInput,
} from './contract';

/** What a front door (ipcMain, the browser bridge, the CLI) hands validated calls to. */
export type EngineCall = <C extends Channel>(
  channel: C,
  input: ChannelParsedInput<C>,
  options?: CallOptions,
) => Promise<Result<ChannelOutput<C>>>;

const MAX_ISSUES = 20;

function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, MAX_ISSUES).map((i) => ({
    path: i.path.map((p) => String(p)).join('.'),
    message: i.message,
  }));
}

/**
 * Validates a raw call against the contract and hands it to the engine.
 * Unknown channels and invalid input never reach a service.
 */
export async function dispatch(
  engine: EngineCall,
  channel: unknown,
  rawInput: unknown,
  options: CallOptions = {},
  checkOutput = false,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `unknown channel: ${String(channel).slice(0, 80)}` } };
  }
  const def = contract[channel];
  const parsed = def.input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'input does not match the contract', details: describeIssues(parsed.error) },
    };
  }
  let jobId: string | undefined;
  if (options.jobId !== undefined) {
    if (typeof options.jobId !== 'string' || options.jobId.length === 0 || options.jobId.length > 100) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'jobId must be a short string' } };
    }
    jobId = options.jobId;
  }
  try {
    const result = await engine(channel, parsed.data as never, jobId === undefined ? {} : { jobId });
    if (checkOutput && result.ok) {
      const out = def.output.safeParse(result.value);
      if (!out.success) {
        throw new AppError('INTERNAL', `output of ${channel} does not match the contract`, describeIssues(out.error));
      }
    }
    return result;
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}

/**
 * A call made by trusted code outside the page (main's menu language, reminders; the CLI), typed by
 * channel and validated exactly as the page's calls are: input as the page would send it, defaults
 * filled in by the contract, a bad input an error value rather than a throw.
 */
export function callChannel<C extends Channel>(
  engine: EngineCall,
  channel: C,
  input: ChannelInput<C>,
  options: CallOptions = {},
): Promise<Result<ChannelOutput<C>>> {
  return dispatch(engine, channel, input, options) as Promise<Result<ChannelOutput<C>>>;
}
