import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    // A hang guard, not a performance assertion (docs/design.md §8).
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
  },
});
