// The SQLite connection's set-up and error handling, shared by the store modules (sqlite.ts
// and the sqlite-*.ts beside it): pragmas, the migration runner, and which failures are
// transient (503, try again) rather than a wrong request.
import type Database from 'better-sqlite3';
import type { SqliteMigration } from './sqlite-migrations';
import { StoreUnavailableError, type StoreFault } from './types';

/** What a store module needs from the connection: its prepared statements and the two ways to run them. */
export interface SqliteAccess<Statements> {
  /** Throws when the database has no sync tables (a custom migration list in a test). */
  readonly q: Statements;
  /** Runs `fn` in one BEGIN IMMEDIATE transaction; transient SQLite failures become StoreUnavailableError. */
  write<T>(fn: () => T): T;
  read<T>(fn: () => T): T;
}

/**
 * A statement prepared on first use. Tests of older migrations open databases whose tables lack
 * later columns (units.parent_id, devices.account_id): preparing every statement up front
 * would fail before the migration under test ran.
 */
export function lazyStatement(db: Database.Database, sql: string): Database.Statement {
  let statement: Database.Statement | undefined;
  return new Proxy({} as Database.Statement, {
    get(_, key) {
      statement ??= db.prepare(sql);
      const value: unknown = Reflect.get(statement, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(statement) : value;
    },
  });
}

export interface AccessHooks {
  /** after every committed write (the store schedules its idle checkpoint) */
  afterWrite(): void;
  /** a reason to refuse every call before it touches the file (the file is known damaged), or undefined */
  refusal(): StoreUnavailableError | undefined;
  /** every store fault on its way to the caller (the store marks itself damaged and logs it once) */
  onFault(error: StoreUnavailableError): void;
}

/** `statements` undefined: the database has no sync tables (a test's own migrations). */
export function sqliteAccess<S>(db: Database.Database, statements: S | undefined, hooks: AccessHooks): SqliteAccess<S> {
  const run = <T>(fn: () => T): T => {
    const refused = hooks.refusal();
    if (refused) throw refused;
    try {
      return guard(fn);
    } catch (error) {
      if (error instanceof StoreUnavailableError) hooks.onFault(error);
      throw error;
    }
  };
  return {
    get q(): S {
      const refused = hooks.refusal();
      if (refused) throw refused;
      if (!statements) throw new Error('this database has no sync tables (custom migrations)');
      return statements;
    },
    write: (fn) => {
      const result = run(() => db.transaction(fn).immediate());
      hooks.afterWrite();
      return result;
    },
    read: (fn) => run(fn),
  };
}

/** How long a statement waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

export function applyPragmas(db: Database.Database): void {
  // First: a second process opening the file at the same moment (or a backup, the sqlite3
  // shell) waits for the other's lock — the switch to WAL, its migrations — instead of failing.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (String(mode).toLowerCase() !== 'wal') {
    throw new Error(`SQLite refused WAL mode (got "${mode}"); is DATA_DIR on a network file system?`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // See SqliteStore.checkpointSoon: checkpoints happen when idle; this is only the backstop.
  db.pragma('wal_autocheckpoint = 10000');
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
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      // Another process opening the same file at the same moment may have applied it while
      // this one waited for the write lock: checked again inside the lock, applied once.
      if (isApplied.get(migration.version)) return;
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

/** SQLite result codes that mean "try again later", not "this request is wrong". */
const TRANSIENT = /^SQLITE_(BUSY|LOCKED|IOERR|NOMEM|INTERRUPT|CANTOPEN|PROTOCOL)/;

/** The store fault a SQLite error code means, or undefined when it is not one (a bug: a 500). */
export function sqliteFault(code: unknown): StoreFault | undefined {
  if (typeof code !== 'string') return undefined;
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return 'corrupt';
  if (/^SQLITE_FULL/.test(code)) return 'disk_full';
  if (/^SQLITE_READONLY/.test(code)) return 'read_only';
  return TRANSIENT.test(code) ? 'busy' : undefined;
}

const FAULT_WORDS: Record<StoreFault, string> = {
  busy: 'database busy or failing',
  read_only: 'database cannot be written',
  disk_full: 'database or disk is full',
  corrupt: 'database file is damaged',
};

export function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const fault = sqliteFault(code);
    if (fault) throw new StoreUnavailableError(`${FAULT_WORDS[fault]} (${String(code)}: ${(error as Error).message})`, { cause: error, fault });
    if (error instanceof TypeError && /database connection is not open/.test(error.message)) {
      throw new StoreUnavailableError('database is closed (server shutting down)', { cause: error });
    }
    throw error;
  }
}
