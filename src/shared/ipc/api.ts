import type { Result } from '../errors';
import type { CallOptions, Channel, ChannelInput, ChannelOutput, EngineEvent } from './contract';

/**
 * The shape of `window.api`: one function per contract channel (and nothing else that calls),
 * plus a subscription to engine events. Preload builds it in Electron; the browser bridge's
 * script builds the same shape over HTTP for development and e2e.
 */
export type ChannelFunctions = {
  [C in Channel]: (input: ChannelInput<C>, options?: CallOptions) => Promise<Result<ChannelOutput<C>>>;
};

export type ExportDeskApi = ChannelFunctions & {
  onEvent(listener: (event: EngineEvent) => void): () => void;
};
