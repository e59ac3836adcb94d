import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A hang guard, not a performance assertion (DESIGN.md §8).
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
