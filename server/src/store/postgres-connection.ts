// The Postgres connection pool and its error handling, shared by the postgres-*.ts modules:
// transactions, the migration runner (under an advisory lock, so several processes starting
// together migrate once) and which failures are transient (503, try again) rather than a wrong
// request. Every process on the database keeps nothing that correctness depends on: per-unit
// order comes from a row lock on the unit (postgres-sync.ts), rate limits live in a table.
import pg from 'pg';
import type { PgMigration } from './postgres-migrations';
import { StoreUnavailableError, type StoreFault } from './types';

export type PgClient = pg.PoolClient;

/** Anything that runs one statement: the pool (through PgAccess) or a transaction's connection. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** What a store module gets: a transaction and a plain query, both guarded against transient failures. */
export interface PgAccess {
  /** Runs `fn` in one READ COMMITTED transaction on one connection; commits when it returns. */
  write<T>(fn: (c: PgClient) => Promise<T>): Promise<T>;
  /** One statement on any connection of the pool (its own snapshot). */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** int8 (counts, versions, seqs) as a JS number: the values stay far below 2^53. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PgPoolOptions {
  connectionString: string;
  /** DATABASE_POOL_MAX: connections this process keeps (default 10) */
  max?: number;
  /** how long a statement waits for a lock (a push for its unit) before answering 503; default 10 s */
  lockTimeoutMs?: number;
}

export function createPool(options: PgPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    // A push waits for the unit's row lock behind another push of the same unit; past this it
    // answers 503 and the phone tries again, instead of piling up connections.
    options: `-c lock_timeout=${options.lockTimeoutMs ?? 10_000} -c statement_timeout=60000 -c idle_in_transaction_session_timeout=120000`,
    application_name: 'so-chi-doan',
  });
  // An idle connection the server dropped (restart, admin shutdown) must not crash the process.
  pool.on('error', (error) => console.error('[server] Postgres connection lost (the pool reconnects):', error.message));
  return pool;
}

export function pgAccess(pool: pg.Pool): PgAccess {
  return {
    async write(fn) {
      const client = await connect(pool);
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken = isConnectionError(error) ? (error as Error) : undefined;
        if (!broken) await client.query('ROLLBACK').catch((e: unknown) => (broken = e as Error));
        throw transient(error);
      } finally {
        // a connection in an unknown state is closed, not handed to the next request
        client.release(broken);
      }
    },
    async query(sql, params) {
      try {
        return await pool.query(sql, params);
      } catch (error) {
        throw transient(error);
      }
    },
  };
}

async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    throw transient(error);
  }
}

/** Postgres SQLSTATEs that mean "try again later", not "this request is wrong". */
const TRANSIENT_STATES: Record<string, string> = {
  '40001': 'serialization failure',
  '40P01': 'deadlock',
  '55P03': 'lock wait timed out',
  '57014': 'statement timed out',
  '57P01': 'admin shutdown',
  '57P02': 'crash shutdown',
  '57P03': 'cannot connect now',
  '53000': 'insufficient resources',
  '53100': 'disk full',
  '53200': 'out of memory',
  '53300': 'too many connections',
  '25006': 'read-only transaction (standby)',
  '58030': 'I/O error',
  XX001: 'data corrupted',
  XX002: 'index corrupted',
};

/** Which of them an administrator must fix (the rest pass by themselves: 'busy'). */
const FAULTS: Record<string, StoreFault> = { '53100': 'disk_full', '25006': 'read_only', XX001: 'corrupt', XX002: 'corrupt' };

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && (code.startsWith('08') || code.startsWith('57P') || /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH|NOTFOUND|AI_AGAIN)$/.test(code))) return true;
  return error instanceof Error && /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(error.message);
}

/** The error to throw: a StoreUnavailableError for a transient failure, else the error itself. */
export function transient(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && TRANSIENT_STATES[code]) {
    return new StoreUnavailableError(`database busy or failing (${code} ${TRANSIENT_STATES[code]})`, { cause: error, fault: FAULTS[code] ?? 'busy' });
  }
  if (isConnectionError(error)) return new StoreUnavailableError(`database connection failed (${typeof code === 'string' ? code : (error as Error).message})`, { cause: error });
  return error;
}

/** The key of the advisory lock migrations run under (any constant; this one spells "scd-mig"). */
const MIGRATION_LOCK = 0x7363_642d_6d69_67n;

/**
 * Applies every migration newer than the database, each in its own transaction, holding a
 * session advisory lock: a second process starting at the same moment waits, then finds them
 * applied. Refuses a database migrated by a newer server.
 */
export async function runPgMigrations(pool: pg.Pool, migrations: readonly PgMigration[]): Promise<void> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration "${m.name}" has version ${m.version}; expected ${i + 1} (versions count up from 1 with no gaps)`);
  });
  const client = await connect(pool);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at text NOT NULL
      )`);
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const newestKnown = migrations.at(-1)?.version ?? 0;
      const newestApplied = Math.max(0, ...applied);
      if (newestApplied > newestKnown) {
        throw new Error(
          `Database schema version ${newestApplied} is newer than this server knows (${newestKnown}). Run the newer server version, or restore a backup.`,
        );
      }
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await migration.up(client);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, new Date().toISOString()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]).catch(() => {});
    }
  } finally {
    client.release();
  }
}
