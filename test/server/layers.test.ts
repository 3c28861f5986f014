import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const eslint = new ESLint({ cwd: ROOT });

async function layerProblems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'exportdesk/layers').map((m) => m.message);
}

describe('the server layer (scripts/eslint/layers.mjs)', () => {
  it('lets the server import src/shared and Node, nothing of main, the renderer, the CLI or electron', async () => {
    const file = 'src/server/identity.ts';
    expect(
      await layerProblems(
        file,
        `import { teamApi } from '../shared/team/contract';\nimport { hostname } from 'node:os';\nexport const x = [teamApi, hostname];\n`,
      ),
    ).toEqual([]);
    const problems = await layerProblems(
      file,
      `import { a } from '../main/db/sql';\nimport { b } from '../cli/print-table';\nimport { c } from '../renderer/src/lib/ipc';\nimport { app } from 'electron';\nexport const x = [a, b, c, app];\n`,
    );
    expect(problems).toEqual([
      expect.stringContaining('the team server shares only src/shared with the app'),
      expect.stringContaining('the team server shares only src/shared with the app'),
      expect.stringContaining('the team server shares only src/shared with the app'),
      expect.stringContaining('no electron'),
    ]);
  });

  it('keeps the server out of shared and the page', async () => {
    expect(
      await layerProblems('src/shared/team/contract.ts', `import { x } from '../../server/uuid';\nexport const y = x;\n`),
    ).toHaveLength(1);
    expect(
      await layerProblems('src/renderer/src/lib/ipc.ts', `import { x } from '../../../server/uuid';\nexport const y = x;\n`),
    ).toHaveLength(1);
  });
});
