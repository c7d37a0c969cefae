// SQLite store: one file, ${DATA_DIR}/so-chi-doan.sqlite, opened by one server process.
// WAL lets readers run beside the single writer; synchronous=FULL makes a committed
// transaction survive power loss (better-sqlite3 is built with WAL synchronous=NORMAL, which
// may lose the last commits — an acknowledged push must never be lost).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sqliteMigrations, type SqliteMigration } from './sqlite-migrations';
import type { ServerMeta, Store } from './types';

export const SQLITE_FILE_NAME = 'so-chi-doan.sqlite';

export interface SqliteStoreOptions {
  dataDir: string;
  /** Tests pass their own list; the server always uses the built-in history. */
  migrations?: readonly SqliteMigration[];
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly filePath: string;
  /** The connection itself, for migrations and tests; routes go through Store methods. */
  readonly db: Database.Database;

  constructor(options: SqliteStoreOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.filePath = path.join(options.dataDir, SQLITE_FILE_NAME);
    this.db = new Database(this.filePath);
    try {
      applyPragmas(this.db);
      runMigrations(this.db, options.migrations ?? sqliteMigrations);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  async health(): Promise<void> {
    const row = this.db.prepare('SELECT 1 AS ok').get() as { ok: number } | undefined;
    if (row?.ok !== 1) throw new Error('SQLite health query returned no row');
  }

  async meta(): Promise<ServerMeta> {
    const rows = this.db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
    const byKey = new Map(rows.map((r) => [r.key, r.value]));
    const serverId = byKey.get('server_id');
    const createdAt = byKey.get('created_at');
    if (!serverId || !createdAt) throw new Error('meta table is missing server_id or created_at');
    return { serverId, createdAt };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  return new SqliteStore(options);
}

function applyPragmas(db: Database.Database): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (String(mode).toLowerCase() !== 'wal') {
    throw new Error(`SQLite refused WAL mode (got "${mode}"); is DATA_DIR on a network file system?`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // A second connection (a backup, the sqlite3 shell) waits instead of failing at once.
  db.pragma('busy_timeout = 5000');
}

/** Applies every migration newer than the database, each in its own IMMEDIATE transaction. */
export function runMigrations(db: Database.Database, migrations: readonly SqliteMigration[]): void {
  assertOrdered(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  const newestKnown = migrations.at(-1)?.version ?? 0;
  const newestApplied = Math.max(0, ...applied);
  if (newestApplied > newestKnown) {
    // Opening a database written by a newer server would silently ignore its tables.
    throw new Error(
      `Database schema version ${newestApplied} is newer than this server knows (${newestKnown}). ` +
        'Run the newer server version, or restore a backup.',
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}

function assertOrdered(migrations: readonly SqliteMigration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration "${m.name}" has version ${m.version}; expected ${i + 1} (versions count up from 1 with no gaps)`);
    }
  });
}
