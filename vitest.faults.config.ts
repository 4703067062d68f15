import { defineConfig } from 'vitest/config';

// `npm run test:faults`: crash, kill, memory, corruption and disk-full scenarios with real processes.
export default defineConfig({
  test: {
    include: ['electron/**/*.faults.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
