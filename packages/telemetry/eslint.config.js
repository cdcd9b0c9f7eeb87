import base from '@shop/eslint-config/base';

export default [
  ...base,
  {
    rules: {
      // OpenTelemetry's SDK, exporter and instrumentations load only when tracing starts
      // (start-tracing.ts imports install-tracing.ts dynamically): a value import of them anywhere
      // else would load them in every process, traced or not (about 18 MiB each).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@opentelemetry/*', '!@opentelemetry/api'],
              allowTypeImports: true,
              message:
                'Only install-tracing.ts (loaded when tracing starts) and testing.ts may load the OpenTelemetry SDK.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    files: ['src/install-tracing.ts', 'src/testing.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
];
