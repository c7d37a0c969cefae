import { defineConfig } from 'vitest/config';

// Browser tests (RELIABILITY.md 15, 16; DESIGN.md PWA): the built app (dist/) served by the
// real server in a child process, driven through playwright-core in Debian Chromium. One file
// at a time: each starts its own server and browser, and this machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
});
