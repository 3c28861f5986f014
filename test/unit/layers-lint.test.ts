import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** The messages of the layering rule (and the ipcRenderer ban) for `code` as if it were the file at `path`. */
async function layerProblems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'exportdesk/layers' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('the layering lint (npm test runs it over the repository)', () => {
  it('refuses electron in a service, and window/ or platform/ from the engine', async () => {
    expect(await layerProblems('src/main/services/customers.ts', `import { app } from 'electron';\nexport const x = app;\n`)).toEqual([
      expect.stringContaining('only src/main/index.ts, window/ and platform/ import electron'),
    ]);
    expect(await layerProblems('src/main/engine/engine.ts', `import { x } from '../platform/menu';\nexport const y = x;\n`)).toEqual([
      expect.stringContaining('do not import window/ or platform/'),
    ]);
    expect(await layerProblems('src/main/window/create-window.ts', `import { app } from 'electron';\nexport const x = app;\n`)).toEqual([]);
  });

  it('keeps shared free of main, the renderer and Node', async () => {
    const problems = await layerProblems(
      'src/shared/domain/customer.ts',
      `import { a } from '../../main/db/sql';\nimport { b } from '../../renderer/src/lib/ipc';\nimport { readFileSync } from 'node:fs';\nexport const x = [a, b, readFileSync];\n`,
    );
    expect(problems).toHaveLength(3);
  });

  it("lets a feature reach another only through that feature's index.ts", async () => {
    const file = 'src/renderer/src/features/customers/customer-detail-panel.tsx';
    expect(
      await layerProblems(file, `import { TimelineSection } from '../followups/timeline-section';\nexport const x = TimelineSection;\n`),
    ).toEqual([expect.stringContaining("a feature reaches another only through its index.ts: import from '../followups'")]);
    expect(await layerProblems(file, `import { TimelineSection } from '../followups';\nexport const x = TimelineSection;\n`)).toEqual([]);
    expect(
      await layerProblems(
        file,
        `import { useCustomerFacets } from '../../lib/use-customer-facets';\nexport const x = useCustomerFacets;\n`,
      ),
    ).toEqual([]);
  });

  it('keeps raw SQL out of services: the builder through ctx.read / ctx.db, hot(figure) only on the measured paths', async () => {
    const rawSql = async (path: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: join(root, path) });
      return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
    };
    const prepare = `export const f = (db: { prepare(s: string): unknown }) => db.prepare('SELECT 1');\n`;
    const hot = `export const f = (db: { hot(f: string): unknown }) => db.hot('grid: first page (+ total)');\n`;
    expect(await rawSql('src/main/services/surveys/surveys.ts', prepare)).toEqual([expect.stringContaining('build the query with Kysely')]);
    expect(await rawSql('src/main/services/surveys/surveys.ts', hot)).toEqual([expect.stringContaining('measured hot paths only')]);
    expect(await rawSql('src/main/import/import-targets.ts', prepare)).toEqual([expect.stringContaining('build the query with Kysely')]);
    expect(await rawSql('src/main/import/import-targets.ts', hot)).toEqual([]);
    expect(await rawSql('src/main/classify/stored-classes.ts', hot)).toEqual([]);
  });

  it('keeps ipcRenderer in the preload and main out of the page', async () => {
    expect(
      await layerProblems('src/renderer/src/lib/ipc.ts', `import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n`),
    ).not.toEqual([]);
    expect(
      await layerProblems(
        'src/renderer/src/lib/x.ts',
        `import { openDatabase } from '../../../main/db/open';\nexport const x = openDatabase;\n`,
      ),
    ).toEqual([expect.stringContaining('only through window.api')]);
    expect(await layerProblems('src/preload/index.ts', `import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n`)).toEqual(
      [],
    );
  });
});
