import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The API suite runs twice: against a real PostgreSQL server (TEST_DATABASE_URL, the local
 * server in CI) and against the embedded PGlite the app uses when no DATABASE_URL is set.
 */
const pgUrl = process.env.TEST_DATABASE_URL;
const shared = {
  include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  testTimeout: 30_000,
  // An embedded database starts by compiling its WebAssembly: up to a minute on a loaded 2-core machine.
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    projects: [
      ...(pgUrl
        ? [
            {
              test: {
                ...shared,
                name: 'postgres',
                env: { TEST_DB: 'postgres' },
                // `*.pglite.test.ts` is about the embedded engine's own files: PGlite only.
                exclude: [...configDefaults.exclude, '**/*.pglite.test.ts'],
                globalSetup: ['test/setup/postgres-template.ts'],
              },
            },
          ]
        : []),
      // `*.postgres.test.ts` needs a server (e.g. to drop its connections): PostgreSQL only.
      {
        test: {
          ...shared,
          name: 'pglite',
          env: { TEST_DB: 'pglite' },
          exclude: [...configDefaults.exclude, '**/*.postgres.test.ts'],
        },
      },
    ],
  },
});
