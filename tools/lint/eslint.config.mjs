// eslint for polyaxon-sso (run with `npm run lint`, from the repository root). The toolchain has
// its own install in tools/lint: typescript-eslint needs TypeScript's JS API (< 6.1), and the
// project compiles with TypeScript 7, which has none.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The tiers of docs/design.md §4: core is pure, the library face never reaches the CLI. */
const CLI_LAYERS = ['**/cli/**', '**/cli.js', '**/main.js', '**/commands/**', '**/bin-entry.js'];
const CLI_PACKAGES = ['commander', 'chalk', '@inquirer/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tools/**', 'bench/work/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        fetch: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        Response: 'readonly',
        Headers: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        globalThis: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Control characters in regexes are the point here: the gates refuse them in hostile input.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['bin/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: CLI_LAYERS, message: 'src/core is pure: it never imports the CLI or the commands (docs/design.md §4).' },
            { group: CLI_PACKAGES, message: 'src/core has no terminal, prompts or colour (docs/design.md §4).' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'console', message: 'src/core returns values; the CLI prints them.' }],
    },
  },
  {
    files: ['src/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['./cli/**', './cli.js', './main.js', './commands/**', './bin-entry.js'],
              message: 'The library face exports core functions and types only.',
            },
            { group: CLI_PACKAGES, message: 'The library face loads no CLI package.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.mjs', 'scripts/**/*.mjs'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
