import { defineConfig } from 'vitest/config';

// Unit tests: engine maths, linalg kernels, store, jobs. Seeded and deterministic; sizes chosen so the
// whole suite stays within a few minutes on 2 cores. Faults live in vitest.faults.config.ts.
export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'electron/**/*.test.ts', 'bench/**/*.test.ts', 'renderer/src/lib/**/*.test.ts', 'renderer/src/charts/**/*.test.ts'],
    exclude: ['**/*.faults.test.ts', 'node_modules/**', 'dist/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
