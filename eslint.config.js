// Lint: typescript-eslint's recommended rules, import hygiene, and the layers' direction.
// Formatting is Prettier's job (eslint-config-prettier turns off the rules that overlap).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import ownKeyLookup from './eslint-rules/own-key-lookup.js';

/** Each zone: files under `target` may not import from `from`. Imports flow one way:
 *  client -> common; server/api -> server/domain -> server/cypher-console -> server/store;
 *  server/loader -> server/domain, server/store; seed -> server. */
const entryPoints = ['./server/app.ts', './server/main.ts'];
const zones = [
  { target: './common', from: ['./server', './client', './seed', './tests', './bench'] },
  { target: './client', from: ['./server', './seed', './tests', './bench'] },
  { target: './server', from: ['./seed', './client', './tests', './bench'] },
  {
    target: './server/store',
    from: ['./server/api', './server/domain', './server/cypher-console', './server/loader', ...entryPoints],
  },
  { target: './server/cypher-console', from: ['./server/api', './server/domain', './server/loader', ...entryPoints] },
  { target: './server/domain', from: ['./server/api', './server/loader', ...entryPoints] },
  { target: './server/loader', from: ['./server/api', ...entryPoints] },
  { target: './server/api', from: ['./server/loader', './server/main.ts'] },
  { target: './seed', from: ['./client', './tests', './bench'] },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test-output/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-duplicates': 'error',
      // `import fc from 'fast-check'`, `import neo4j from 'neo4j-driver'`: their documented forms.
      'import-x/no-named-as-default-member': 'off',
      // CommonJS packages' default exports (cli-progress, @grafeo-db/js): TypeScript checks these.
      'import-x/default': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['client/**'], languageOptions: { globals: globals.browser } },
  { files: ['server/**', 'seed/**', 'bench/**', 'tests/**', '*.config.*'], languageOptions: { globals: globals.node } },
  // Names from the data (labels, types, property keys, columns, ids) are looked up in string-keyed
  // records only as own properties, or kept in Maps: a plain object answers `constructor`,
  // `toString` or `__proto__` from Object.prototype. The rule needs types to tell a record from an
  // array or a closed set of keys, so it alone runs with type information (typescript-eslint's
  // project service), over the code that handles data: the page, the server and what they share.
  {
    files: ['client/src/**/*.ts', 'server/**/*.ts', 'common/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { kg: { rules: { 'own-key-lookup': ownKeyLookup } } },
    rules: { 'kg/own-key-lookup': 'error' },
  },
  // vitest reads a fixture's dependencies from its first parameter, which must be a destructuring
  // pattern even when the fixture needs none: `async ({}, { onCleanup }) => ...`.
  { files: ['tests/**'], rules: { 'no-empty-pattern': 'off' } },
  prettier,
);
