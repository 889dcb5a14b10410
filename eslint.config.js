// One lint configuration for the workspace (api, web, shared).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The layers, held by lint (see the README's architecture): SQL lives in repositories, figure
 * definitions and api/src/db; the environment is read by the config module only; a web feature
 * uses another through its public entry (`index.ts`), or shares through components/ and lib/.
 * Each allow-list below is the whole list: widen it only with a reason.
 */
export const layers = [
  {
    files: ['api/**/*.ts'],
    ignores: [
      'api/src/db/**',
      'api/src/modules/**/repository.ts',
      'api/src/modules/**/figures.ts',
      'api/src/modules/reports/**',
      'api/**/*.test.ts',
      'api/test/**',
      'api/bench/**',
      'api/drizzle.config.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*'],
              message: 'Queries belong in a repository (or a figure definition, or api/src/db).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['api/src/**/*.ts', 'shared/src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    ignores: ['api/src/config.ts', 'api/src/scripts/**', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read settings from the config module (api/src/config.ts).',
        },
      ],
    },
  },
  {
    files: ['web/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@/features/[^/]+/.+',
              message: "Use the other feature's public entry (@/features/<name>), or components/ and lib/.",
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'migrations/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly' } },
  },
  ...layers,
);
