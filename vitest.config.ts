import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Most of the time is spent waiting on child processes, sockets and short real-time checks,
    // not on the CPU: more workers than cores keep a 2-core machine busy.
    maxWorkers: 4,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ['default'],
  },
});
