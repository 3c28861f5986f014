import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { ExportDeskApi } from '../../src/shared/ipc/api';

export const FIXTURES = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');

export const ALL_FIXTURES = [
  'alibaba-inquiries-zh.xlsx',
  'alibaba-inquiries-en.csv',
  'alibaba-inquiries-zh-gbk.csv',
  'alibaba-customers-zh.xlsx',
  'alibaba-orders-zh.csv',
  'trade-fair-leads.csv',
] as const;

/**
 * Test setup through the page's own window.api (the same contract the UI uses): imports sample
 * files with their recognised mapping, after setting exchange rates. Each import reclassifies.
 */
export async function seedFixtures(
  page: Page,
  files: readonly string[] = ALL_FIXTURES,
  rates: Record<string, number> = { EUR: 1.08, GBP: 1.27 },
): Promise<void> {
  await page.waitForFunction(() => 'api' in window);
  await page.evaluate(async (r) => {
    const res = await (window as unknown as { api: ExportDeskApi }).api['currency.save']({ base: 'USD', rates: r });
    if (!res.ok) throw new Error(res.error.message);
  }, rates);
  for (const name of files) {
    const contentBase64 = readFileSync(join(FIXTURES, name)).toString('base64');
    await page.evaluate(
      async ({ name, contentBase64 }) => {
        const a = await (window as unknown as { api: ExportDeskApi }).api['import.analyze']({ fileName: name, contentBase64 });
        if (!a.ok) throw new Error(a.error.message);
        const c = await (window as unknown as { api: ExportDeskApi }).api['import.commit']({
          fileId: a.value.fileId,
          kind: a.value.kind,
          mapping: a.value.mapping,
        });
        if (!c.ok) throw new Error(c.error.message);
      },
      { name, contentBase64 },
    );
  }
}
