import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A hang guard, not a performance assertion (DESIGN.md §8).
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
  },
});
