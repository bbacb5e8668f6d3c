// ESLint flat config. One import style: relative paths with their extension (`./view.ts`), so the
// same specifier works in Node's type stripping, Vite and Astro; the `~/` alias is for MDX pages only.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'bench-results/', 'test-results/', 'scripts/_*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^~/',
              message: 'Import by relative path; the ~/ alias is for MDX pages.',
            },
            {
              regex: '^\\.{1,2}/(?!.*\\.(ts|js|mjs|astro|css|json|svg|mdx)$)',
              message: 'Write the file extension (./view.ts), as Node and Astro resolve it.',
            },
          ],
        },
      ],
    },
  },
);
