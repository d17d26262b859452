import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Child processes, not worker threads: in a worker thread V8 intermittently aborted the run with
    // "RegExpCompiler Allocation failed" after the Compose loader tests (2 runs in 6); never in a process.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
