import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // One output boundary: only src/output/runner.ts writes to the runner, and only through
    // src/output/log.ts does text reach it. (That only the input helper reads inputs is a test:
    // test/metadata.test.ts.)
    files: ['src/**/*.ts', 'src/**/*.js'],
    ignores: ['src/output/runner.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@actions/core', message: 'The runner protocol is src/output/runner.ts; log through src/output/log.ts.' }] },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'stdout', message: 'Write through src/output/log.ts, the one sanitising boundary.' },
        { object: 'process', property: 'stderr', message: 'Write through src/output/log.ts, the one sanitising boundary.' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
