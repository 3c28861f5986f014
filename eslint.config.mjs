// ESLint (flat config) for the whole repository; `npm test` runs it. See scripts/eslint/layers.mjs
// for the layering rule and why each floor exists.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import exportdesk from './scripts/eslint/layers.mjs';

const RAW_PREPARE = {
  selector: "CallExpression[callee.property.name='prepare']",
  message: 'build the query with Kysely and run it through ctx.read / ctx.db (src/main/db/sql.ts); raw SQL only through hot(figure)',
};
const HOT_OFF_PATH = {
  selector: "CallExpression[callee.property.name='hot']",
  message: 'raw SQL (hot) is for the measured hot paths only: import writing, classification, sample generation',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.native/**',
      '.tmp/**',
      '.bench/**',
      'test-results/**',
      'playwright-report/**',
      'resources/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    plugins: { exportdesk },
    rules: {
      'exportdesk/layers': 'error',
      // A variable read by closures made before its one assignment (engine.ts's safety) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Only the preload may touch ipcRenderer: the page gets window.api, built from the contract.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcRenderer'], message: 'only src/preload uses ipcRenderer' }] },
      ],
    },
  },
  // One SQL style (src/main/db/sql.ts): services build queries with Kysely and run them through
  // ctx.read / ctx.db; raw SQL only through hot(figure), and only on the measured hot paths.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/db/**'],
    rules: { 'no-restricted-syntax': ['error', RAW_PREPARE, HOT_OFF_PATH] },
  },
  {
    files: ['src/main/import/**', 'src/main/classify/**', 'src/main/services/app/sample-data.ts', 'src/main/sync/apply.ts'],
    rules: { 'no-restricted-syntax': ['error', RAW_PREPARE] },
  },
  {
    // VACUUM INTO (a backup, a restore's copy) runs on a raw connection before any service context.
    files: ['src/main/safety/backups.ts', 'src/main/safety/restore.ts'],
    rules: { 'no-restricted-syntax': ['error', HOT_OFF_PATH] },
  },
  {
    files: ['**/*.{mjs,cjs,js}'],
    languageOptions: { globals: globals.node },
  },
);
