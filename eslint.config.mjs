// ESLint (flat config) for the whole repository; `npm test` runs it. See scripts/eslint/layers.mjs
// for the layering rule and why each floor exists.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import exportdesk from './scripts/eslint/layers.mjs';

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
  {
    files: ['**/*.{mjs,cjs,js}'],
    languageOptions: { globals: globals.node },
  },
);
