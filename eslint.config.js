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
    // One runner boundary: only src/runner/runner.ts speaks to the runner (through @actions/core),
    // and only through src/runner/log.ts does text reach it; src/inputs/action-inputs.ts reads the
    // inputs. (That nothing else reads inputs is a test: test/metadata.test.ts.)
    files: ['src/**/*.ts', 'src/**/*.js'],
    ignores: ['src/runner/runner.ts', 'src/inputs/action-inputs.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@actions/core', message: 'The runner is spoken in src/runner/runner.ts; log through src/runner/log.ts.' }] },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'stdout', message: 'Write through src/runner/log.ts, the one sanitising boundary.' },
        { object: 'process', property: 'stderr', message: 'Write through src/runner/log.ts, the one sanitising boundary.' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
