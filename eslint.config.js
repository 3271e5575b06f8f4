// Lint rules the code keeps: no import cycles, no unused names (a leading `_`
// marks one as deliberately unused), and the module boundaries of
// docs/architecture.md. Formatting is prettier's job (`npm run format`).
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const noServer = { group: ['**/server/*', '**/server'], message: 'src/ never imports server/ (docs/architecture.md)' };
const unused = ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'notebooks/dist/',
      'notebooks/lib/',
      'notebooks/data/',
      'notebooks/.observablehq/',
      'docs/grammar/',
      'examples/*/data/',
      'bench/data/',
      'test/.tmp/',
      '.scratch/',
    ],
  },
  {
    files: ['**/*.{ts,js,mjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // no-cycle parses every imported module: it must know .ts files and their parser.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-unused-vars': unused,
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': unused,
    },
  },
  {
    // The grammar is pure syntax: the front end imports it, never the other way round.
    files: ['grammar/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['../src/*', '**/src/**'], message: 'grammar/ imports nothing of src/ (docs/architecture.md)' }] }] },
  },
  {
    // src/ is the library: it never reaches into the server.
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noServer] }] },
  },
  {
    // SQL emission reads the plan (src/compile/) and the function registry; of the
    // front end it may name types only, never run it.
    files: ['src/compile/emit-sql.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            noServer,
            { group: ['../lang/*', '!../lang/functions.js'], allowTypeImports: true, message: 'emit-sql sees only the plan: import types, or move the logic into src/compile/plan.ts' },
          ],
        },
      ],
    },
  },
  {
    // The browser bundle's entry and what only the browser loads: no Node built-ins.
    files: ['src/browser.ts', 'src/editor/**/*.ts'],
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  { files: ['**/*.{js,mjs}'], rules: { 'no-undef': 'error' } },
);
