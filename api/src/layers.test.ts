import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './config.js';

/** The workspace's lint configuration, run on small snippets as if they sat at `filePath`. */
async function problems(code: string, filePath: string) {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const drizzle = "import { eq } from 'drizzle-orm';\nexport const byId = eq;\n";

describe('the layers lint holds', () => {
  it('rejects a Drizzle import in a service, and accepts it in a repository', async () => {
    expect(await problems(drizzle, 'api/src/modules/connect/intervision/service.ts')).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Queries belong in a repository/),
    ]);
    expect(await problems(drizzle, 'api/src/modules/connect/intervision/repository.ts')).toEqual([]);
    expect(await problems(drizzle, 'api/src/db/scope.ts')).toEqual([]);
  });

  it('rejects reading the environment outside the config module', async () => {
    const code = 'export const port = process.env.PORT;\n';
    expect(await problems(code, 'api/src/modules/platform/health/routes.ts')).toEqual([
      expect.stringMatching(/^no-restricted-properties: .*config module/),
    ]);
    expect(await problems(code, 'api/src/config.ts')).toEqual([]);
  });

  it("rejects a web feature reaching into another feature's files, not its public entry", async () => {
    const deep =
      "import { PersonPicker } from '@/features/directory/components/person-picker';\nexport { PersonPicker };\n";
    const entry = "import { PersonPicker } from '@/features/directory';\nexport { PersonPicker };\n";
    const file = 'web/src/features/intervision/components/example.tsx';
    expect(await problems(deep, file)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*public entry/),
    ]);
    expect(await problems(entry, file)).toEqual([]);
  });
});
