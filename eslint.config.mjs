// Lint rules: typescript-eslint's recommended set and a line-length limit, run by `npm test`.
// Generated provider bindings, build output and chart files are not linted.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'cdktf.out/**', 'charts/**', 'provider/**', 'src/providers/oscar/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/max-len': ['error', { code: 160, ignoreUrls: true, ignoreRegExpLiterals: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // CDK for Terraform and its provider bindings are reached through src/private/cdktf.ts only.
      'no-restricted-imports': ['error', {
        paths: [{ name: 'cdktf', message: 'import CDK for Terraform from src/private/cdktf.ts' }],
        patterns: [{ group: ['@cdktf/*'], message: 'import provider bindings from src/private/cdktf.ts' }],
      }],
    },
  },
  {
    files: ['src/private/cdktf.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Node scripts and tool settings written as CommonJS.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read synthesized Terraform JSON, which has no static type.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
