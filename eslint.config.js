import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import unicorn from 'eslint-plugin-unicorn';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.config.ts', '**/testdata/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { unicorn },
    rules: {
      'unicorn/filename-case': ['error', { case: 'kebabCase' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@kubelab/*/src/*'], message: 'Import the package, not its src.' }] },
      ],
    },
  },
  // Plain JavaScript (the committed bin shims) runs on Node.js.
  { files: ['**/*.js'], languageOptions: { globals: globals.node } },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/apiserver/src/storage/leveldb/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'level', message: 'LevelDB is used only in apiserver/src/storage/leveldb.' }],
          patterns: [{ group: ['@kubelab/*/src/*'], message: 'Import the package, not its src.' }],
        },
      ],
    },
  },
);
