import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit tests: real Dexie over fake-indexeddb, real server on loopback. Browser tests live in
// vitest.e2e.config.ts and run against the built app.
export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 20_000,
  },
});
