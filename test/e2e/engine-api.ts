import type { Page } from '@playwright/test';
import type { ExportDeskApi } from '../../src/shared/ipc/api';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract';

/** Calls the engine through the page's window.api (the same contract the UI uses); an engine error throws. */
export async function api<C extends Channel>(page: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  await page.waitForFunction(() => 'api' in window);
  return page.evaluate(
    async ({ channel, input }) => {
      const target = (window as unknown as { api: ExportDeskApi }).api;
      const fn = target[channel] as unknown as (
        i: unknown,
      ) => Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>;
      const res = await fn.call(target, input);
      if (!res.ok) throw new Error(res.error.message);
      return res.value;
    },
    { channel, input: input as unknown },
  ) as Promise<ChannelOutput<C>>;
}
