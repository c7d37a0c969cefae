import { configDefaults, defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit tests: real Dexie over fake-indexeddb, real server on loopback. Browser tests live in
// vitest.e2e.config.ts and run against the built app.
// The sync server's tests (test/unit/sync-server) run twice, once per store: on a SQLite file
// and on a throwaway Postgres cluster (test/pg/cluster.ts) — one suite, two projects.
const SYNC_SERVER = 'test/unit/sync-server/**/*.test.ts';
/** what only Postgres has (its migrations lock, its errors, a standby): in the Postgres project only */
const POSTGRES_ONLY = 'test/unit/postgres/**/*.test.ts';

export default defineConfig({
  plugins: [preact()],
  test: {
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 20_000,
    // Two workers, not vitest's default of cores − 1 (one, on a 2-core machine): most of these
    // tests wait on a server, a child process or Postgres rather than compute. Measured on the
    // 2-core VM: 261 s instead of 388–460 s, the timing-bound tests (body-flood) well inside.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}', 'server/**/*.test.ts'], exclude: [...configDefaults.exclude, SYNC_SERVER, POSTGRES_ONLY] },
      },
      { extends: true, test: { name: 'sync-sqlite', include: [SYNC_SERVER], env: { SYNC_STORE: 'sqlite' } } },
      {
        extends: true,
        test: { name: 'sync-postgres', include: [SYNC_SERVER, POSTGRES_ONLY], env: { SYNC_STORE: 'postgres' }, globalSetup: ['test/unit/sync-server/pg-global-setup.ts'] },
      },
    ],
  },
});
