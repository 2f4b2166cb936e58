// Flat config: typescript-eslint type-checked rules, Nx module boundaries and import order (style.md §12).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';
import { ensureProjectGraph } from './scripts/ensure-project-graph.mjs';

// @nx/enforce-module-boundaries reads only a cached project graph and skips itself without one: build it first,
// however ESLint was started.
ensureProjectGraph(import.meta.dirname);

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '.nx/**',
      '.cache/**',
      'tmp/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
      // A forbidden import on purpose (scripts/module-boundaries.int-spec.ts lints it).
      'libs/config/test/fixtures/module-boundaries/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx, import: importPlugin },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          // chain's integration specs use the testing launchers, and the testing factories build chain's types
          // (type-only imports, erased at runtime): a cycle in the graph, not in any loaded module.
          ignoredCircularDependencies: [['testing', 'chain']],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:contract', 'type:testing'],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:contract', 'type:testing'],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:testing'] },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:contract', 'type:testing'],
            },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:cli', 'scope:shared'] },
            { sourceTag: 'scope:devnet', onlyDependOnLibsWithTags: ['scope:devnet', 'scope:shared'] },
            { sourceTag: 'scope:chain-sync', onlyDependOnLibsWithTags: ['scope:chain-sync', 'scope:shared'] },
            { sourceTag: 'scope:axon-gateway', onlyDependOnLibsWithTags: ['scope:axon-gateway', 'scope:shared'] },
            {
              sourceTag: 'scope:inference-worker',
              onlyDependOnLibsWithTags: ['scope:inference-worker', 'scope:shared'],
            },
            {
              sourceTag: 'scope:validator-scorer',
              onlyDependOnLibsWithTags: ['scope:validator-scorer', 'scope:shared'],
            },
            { sourceTag: 'scope:weight-setter', onlyDependOnLibsWithTags: ['scope:weight-setter', 'scope:shared'] },
            { sourceTag: 'scope:kserve-server', onlyDependOnLibsWithTags: ['scope:kserve-server', 'scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-console': 'error',
      'import/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          pathGroups: [{ pattern: '@taonode/**', group: 'internal' }],
          pathGroupsExcludedImportTypes: ['builtin'],
          alphabetize: { order: 'asc', caseInsensitive: true },
          'newlines-between': 'never',
        },
      ],
    },
  },
  {
    // Tests: type:testing libs are allowed only here (style.md §12).
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Production code must not import the testing lib.
    files: ['apps/**/src/**/*.ts', 'libs/**/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', 'libs/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@taonode/testing', message: 'test-only library' }] }],
    },
  },
  prettier,
);
