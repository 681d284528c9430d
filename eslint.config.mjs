// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      'node_modules/**',
      'var/**',
      'eslint.config.mjs',
      'jest.config.js',
      'web/.react-router/**',
      'web/app/api/schema.d.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'ioredis', 'bullmq'],
              message: 'src/core is pure domain logic: no Nest, no TypeORM, no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // The restriction above is for src/core only.
    ignores: ['src/core/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The booking records are below bookings, seasons and caretaking; bookings does not reach into
    // seasons (BookingIntakeModule joins the two), so the modules cannot depend on each other again.
    files: ['src/booking-records/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../bookings/*', '../seasons/*', '../caretaking/*', '../booking-intake/*'],
              message: 'src/booking-records is below the feature modules that use it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/bookings/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../seasons/*', '../../seasons/*', '../booking-intake/*', '../../booking-intake/*'],
              message: 'seasons builds on bookings, not the other way round (see src/booking-intake).',
            },
          ],
        },
      ],
    },
  },
  {
    // Rows of the booking tables are inserted by their one owner, src/booking-records, and nowhere else
    // in the service (the seed included), so there is no second copy of how a request is written.
    files: ['src/**/*.ts'],
    ignores: ['src/booking-records/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'TemplateElement[value.raw=/INSERT\\s+INTO\\s+booking_(requests|occurrences|events|claims)/i]',
          message: 'Insert booking rows through src/booking-records (request-queries.ts).',
        },
        {
          selector: 'Literal[value=/INSERT\\s+INTO\\s+booking_(requests|occurrences|events|claims)/i]',
          message: 'Insert booking rows through src/booking-records (request-queries.ts).',
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The web app: React's rules of hooks; its Playwright specs and jest specs like the API's tests.
    files: ['web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    // Loaders answer 404s and redirects by throwing React Router's Responses.
    files: ['web/app/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'lib', name: 'Response' }] }],
    },
  },
  {
    files: ['web/tests/**/*.ts', 'web/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
