import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

/**
 * The files share one database, so their order must not depend on timings cached from an
 * earlier run: alphabetical, every time (the import of L'Îlot comes after the directory's).
 */
class ByFileName extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return Promise.resolve([...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId)));
  }
}

/**
 * Browser tests: the built SPA (web/dist) served by the real API, driven in Chromium.
 * `pnpm test:e2e` builds first; the global setup starts and stops the server.
 */
export default defineConfig({
  // The route check reads the router's own configuration (src/app/router.tsx).
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // One server, one database: files run one after another, each with its own browser.
    fileParallelism: false,
    sequence: { sequencer: ByFileName },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
