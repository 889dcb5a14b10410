import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the built SPA (web/dist) served by the real API, driven in Chromium.
 * `pnpm test:e2e` builds first; the global setup starts and stops the server.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // One server, one database: files run one after another, each with its own browser.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
