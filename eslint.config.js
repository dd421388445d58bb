import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** Layer boundaries from ARCHITECTURE.md, enforced here so they cannot drift. */
const forbid = (...patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: patterns.map((group) => ({
        group: [group],
        message: 'crosses a layer boundary (see ARCHITECTURE.md)',
      })),
    },
  ],
});

export default ts.config(
  {
    ignores: [
      '**/node_modules',
      '**/build',
      '**/dist',
      '**/.svelte-kit',
      '**/.turbo',
      '**/test-results',
      '**/playwright-report',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['packages/protocol/src/**'],
    rules: forbid('@kring/*', 'yjs', 'socket.io*', 'express', 'node:*'),
  },
  {
    files: ['packages/core/src/**'],
    rules: forbid(
      '@kring/board',
      '@kring/server',
      '@kring/web',
      'yjs',
      'y-*',
      'socket.io*',
      'express',
      'node:*',
    ),
  },
  {
    files: ['packages/board/src/**'],
    rules: forbid('@kring/core', '@kring/server', '@kring/web', 'socket.io*', 'express'),
  },
  { files: ['apps/web/src/**'], rules: forbid('@kring/server', '**/apps/server/**') },
);
