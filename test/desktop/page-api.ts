/** Calls window.api in a page of the built app, as the renderer does (through the preload and main's handlers). */
import type { Page } from '@playwright/test';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract';

export async function api<C extends Channel>(page: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  return page.evaluate(
    async ([ch, inp]) => {
      const fn = (
        window as unknown as { api: Record<string, (i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>> }
      ).api[ch];
      if (!fn) throw new Error(`no window.api.${ch}`);
      const r = await fn(inp);
      if (!r.ok) throw new Error(r.error?.message);
      return r.value;
    },
    [channel, input] as const,
  ) as Promise<ChannelOutput<C>>;
}
