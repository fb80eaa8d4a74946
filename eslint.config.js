// The project's own lint config: typescript-eslint on the sources, and tlsguard itself (dogfooding).
import tseslint from 'typescript-eslint';
import tlsguard from './dist/eslint-plugin.js';
import { layerRules } from './eslint.layers.js';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'fixtures/**',
      'bench/.corpus/**',
      'bench/.realcode/**',
      '.cache/**',
      'coverage/**',
      'test/.virtual/**',
      'test/.tmp-e2e/**',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Thin rules and small functions (issue 15): a function that outgrows this is split, not waived.
  {
    files: ['src/**/*.ts', 'rules/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }] },
  },
  // The layers (docs/architecture.md): rules -> rule-kit -> analysis -> policy; runtime on policy only.
  ...layerRules,
  // Issue 16: what the plugin loads at import. typescript-eslint's packages only as types (their
  // indexes load ESLint's classes and the scope manager; `typescript` is loaded lazily by
  // src/analysis/types.ts when a program exists). test/package/plugin-import.test.ts checks the result.
  {
    files: ['eslint-plugin.ts', 'rules/**/*.ts', 'src/rule-kit/**/*.ts', 'src/analysis/**/*.ts', 'src/policy/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@typescript-eslint/*', 'typescript', 'typescript/*'],
              allowTypeImports: true,
              message:
                'the plugin must not load typescript-eslint or TypeScript at import (issue 16): import types only (`import type`), and use string literals for node types.',
            },
          ],
        },
      ],
    },
  },
  // Tests and the runtime deliberately contain insecure TLS options as data; the rules check the rest.
  { files: ['src/**/*.ts', 'rules/**/*.ts', 'eslint-plugin.ts', 'bench/**/*.{ts,js,mjs}'], ...tlsguard.configs.recommended },
);
