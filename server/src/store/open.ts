// Which store the server uses: Postgres when DATABASE_URL is set, else the embedded SQLite file
// in DATA_DIR (so `npm install && npm start` needs nothing else).
import { openSqliteStore, type SqliteStoreOptions } from './sqlite';
import { PostgresStore } from './postgres';
import type { Store } from './types';

export interface StoreOptions {
  dataDir: string;
  /** postgres://… — empty or undefined: SQLite */
  databaseUrl?: string;
  /** DATABASE_POOL_MAX */
  poolMax?: number;
  stallMidBatch?: boolean;
  /** SQLite: free bytes where the file lives (tests fake a full disk) */
  freeBytes?: SqliteStoreOptions['freeBytes'];
}

export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) return PostgresStore.open({ connectionString: options.databaseUrl, poolMax: options.poolMax, stallMidBatch: options.stallMidBatch });
  return openSqliteStore({ dataDir: options.dataDir, stallMidBatch: options.stallMidBatch, freeBytes: options.freeBytes });
}
