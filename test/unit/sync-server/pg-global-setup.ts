// Global set-up of the `sync-postgres` test project (vitest.config.ts): one throwaway Postgres
// cluster for the run; each test server gets its own database on it (helpers.ts).
import type { TestProject } from 'vitest/node';
import { startPgCluster } from '../../pg/cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPgCluster();
  project.provide('pgAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
