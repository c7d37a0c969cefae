// The one storage interface the HTTP layer talks to. SQLite (sqlite.ts) is the default;
// Postgres (postgres.ts, when DATABASE_URL is set) arrives with the sync issue and must pass
// the same tests. Methods are async so both backends fit behind it.

/** Which backend answers; reported by GET /api/v1/health. */
export type StoreKind = 'sqlite';

/** Facts about this server installation, written once by the first migration. */
export interface ServerMeta {
  /** Random UUID, stable across restarts: lets a phone notice it talks to a different server. */
  serverId: string;
  /** ISO 8601 time the database was created. */
  createdAt: string;
}

export interface Store {
  readonly kind: StoreKind;
  /** Throws if the database cannot answer a trivial query. */
  health(): Promise<void>;
  meta(): Promise<ServerMeta>;
  /** Idempotent; the store is unusable afterwards. */
  close(): Promise<void>;
}
