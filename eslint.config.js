// ESLint 9 flat config. Recommended rules of ESLint and typescript-eslint (syntactic only, not
// type-checked, so `npm run lint` stays fast) and the rules of hooks for React components.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['build/', 'data/', 'node_modules/', '.test-data/', 'scratch/', 'db/migrations/meta/', 'tests/e2e/screenshots/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,jsx}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // Unused arguments named `_x` are deliberate (handler signatures).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Declaration merging of Remix's and Vitest's interfaces uses `declare module` blocks.
      '@typescript-eslint/no-namespace': 'off',
    },
  },
  {
    // The rules of hooks for React code; tests are left out (`useTestDatabase()` is a vitest
    // fixture named in the same style, not a React hook).
    files: ['app/**/*.{ts,tsx}', 'emails/**/*.tsx'],
    ignores: ['**/*.test.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
)
