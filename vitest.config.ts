import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/server/**/*.test.ts', 'test/team/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two files at a time on the 2-core CI machine (vitest's default in run mode is cores - 1 = one):
    // the suite's wall time 411 s → 174 s. Tests that measure do so in the bench, not against the clock.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
