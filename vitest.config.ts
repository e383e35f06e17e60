import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@authhooks/source'] },
  ssr: { resolve: { conditions: ['@authhooks/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    typecheck: {
      enabled: true,
      include: ['packages/*/test/**/*.test-d.ts', 'test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
