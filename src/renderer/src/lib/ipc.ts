import { useEffect, useRef } from 'react';
import type { AppErrorShape, ErrorCode, Result } from '../../../shared/errors';
import { toErrorShape } from '../../../shared/errors';
import type { CallOptions, Channel, ChannelInput, ChannelOutput, EngineEvent } from '../../../shared/ipc/contract';

/** An engine error surfaced in the renderer: a stable code (mapped to localized text) plus details. */
export class IpcError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'IpcError';
    this.code = shape.code;
    this.details = shape.details;
  }
}

/** Turns anything thrown into an IpcError so the UI only ever deals with codes. */
export function toIpcError(err: unknown): IpcError {
  return err instanceof IpcError ? err : new IpcError(toErrorShape(err));
}

function api(): Window['api'] {
  if (typeof window === 'undefined' || !window.api) {
    throw new IpcError({ code: 'ENGINE_UNAVAILABLE', message: 'window.api is not available' });
  }
  return window.api;
}

/** Calls one contract channel; resolves with its value or throws an IpcError. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>, options?: CallOptions): Promise<ChannelOutput<C>> {
  // window.api is a mapped type over channels; indexing it with a generic C needs this one widening.
  const target = api();
  const fn = target[channel] as unknown as (input: ChannelInput<C>, options?: CallOptions) => Promise<Result<ChannelOutput<C>>>;
  let result: Result<ChannelOutput<C>>;
  try {
    result = await fn.call(target, input, options);
  } catch (err) {
    throw toIpcError(err);
  }
  if (result.ok) return result.value;
  throw new IpcError(result.error);
}

/** Subscribes to engine events for the lifetime of the component; the listener may change freely. */
export function useEngineEvents(listener: (event: EngineEvent) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (typeof window === 'undefined' || !window.api) return undefined;
    return window.api.onEvent((event) => latest.current(event));
  }, []);
}
