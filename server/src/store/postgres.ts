// Postgres store (DATABASE_URL=postgres://…): several server processes on one database. Nothing
// that correctness depends on lives in a process: a push serialises on its unit's row lock
// (postgres-sync.ts), rate-limit failures are a table, and migrations run under an advisory
// lock. The work is in the modules beside it: postgres-accounts.ts, postgres-sync.ts,
// postgres-misc.ts (conflicts, files, rate limits), postgres-connection.ts (pool, transactions,
// transient errors, migrations).
import type pg from 'pg';
import { toMeta } from './stored-rows';
import type { PushResponse } from '../../../src/protocol/sync';
import * as accounts from './postgres-accounts';
import { createPool, pgAccess, runPgMigrations, type PgAccess } from './postgres-connection';
import * as misc from './postgres-misc';
import { pgMigrations, type PgMigration } from './postgres-migrations';
import * as sync from './postgres-sync';
import type {
  Account,
  AccountSummary,
  AddFileResult,
  ConflictView,
  DeviceInfo,
  DeviceRole,
  HealthReport,
  PullPage,
  PushInput,
  RedeemResult,
  ServerMeta,
  Store,
  StoredFile,
  TokenOwner,
  UnitInfo,
  UnitPatch,
  UnitUpdateResult,
} from './types';
import { StoreUnavailableError } from './types';
import { StartupError } from '../startup-error';

export interface PostgresStoreOptions {
  connectionString: string;
  /** DATABASE_POOL_MAX: connections this process keeps */
  poolMax?: number;
  /** Tests pass their own list; the server always uses the built-in history. */
  migrations?: readonly PgMigration[];
  /** tests: a short wait for the unit's lock (default 10 s) */
  lockTimeoutMs?: number;
  /** crash-test fault injection (see SqliteStoreOptions.stallMidBatch) */
  stallMidBatch?: boolean;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private closed = false;

  private constructor(
    /** The pool itself, for tests; routes go through Store methods. */
    readonly pool: pg.Pool,
    private readonly a: PgAccess,
    private readonly stallMidBatch: boolean,
  ) {}

  /** Connects, migrates (once, under the advisory lock) and answers. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const pool = createPool({ connectionString: options.connectionString, max: options.poolMax, lockTimeoutMs: options.lockTimeoutMs });
    try {
      await runPgMigrations(pool, options.migrations ?? pgMigrations);
    } catch (error) {
      await pool.end().catch(() => {});
      throw explainOpenError(error, options.connectionString);
    }
    return new PostgresStore(pool, pgAccess(pool), options.stallMidBatch ?? false);
  }

  // accounts and sessions
  hasAccounts = (): Promise<boolean> => accounts.hasAccounts(this.a);
  createFirstAdmin = (account: Account): Promise<boolean> => accounts.createFirstAdmin(this.a, account);
  createAccount = (account: Account, unitIds: readonly string[]): Promise<boolean> => accounts.createAccount(this.a, account, unitIds);
  findAccount = (username: string): Promise<Account | null> => accounts.findAccount(this.a, username);
  listAccounts = (): Promise<AccountSummary[]> => accounts.listAccounts(this.a);
  getAccountSummary = (id: string): Promise<AccountSummary | null> => accounts.getAccountSummary(this.a, id);
  setAccountUnits = (accountId: string, unitIds: readonly string[], now: string): Promise<AccountSummary | null> => accounts.setAccountUnits(this.a, accountId, unitIds, now);
  createSession = (tokenHash: Buffer, accountId: string, createdAt: string, expiresAt: string): Promise<void> => accounts.createSession(this.a, tokenHash, accountId, createdAt, expiresAt);
  findTokenOwner = (tokenHash: Buffer): Promise<TokenOwner | null> => accounts.findTokenOwner(this.a, tokenHash);
  touchDevice = (deviceId: string, at: string): Promise<void> => accounts.touchDevice(this.a, deviceId, at);

  // units, invites, devices
  createUnit = (unit: UnitInfo): Promise<void> => accounts.createUnit(this.a, unit);
  getUnit = (id: string): Promise<UnitInfo | null> => accounts.getUnit(this.a, id);
  updateUnit = (id: string, patch: UnitPatch, now: string): Promise<UnitUpdateResult> => accounts.updateUnit(this.a, id, patch, now);
  listUnits = (ids?: readonly string[]): Promise<UnitInfo[]> => accounts.listUnits(this.a, ids);
  createInvite = (i: { codeHash: Buffer; unitId: string; role: DeviceRole; createdBy: string; createdAt: string; expiresAt: string }): Promise<void> => accounts.createInvite(this.a, i);
  redeemInvite = (input: { codeHash: Buffer; deviceId: string; deviceName: string; tokenHash: Buffer; now: string }): Promise<RedeemResult> => accounts.redeemInvite(this.a, input);
  enrollDevice = (input: { unitId: string; accountId: string; deviceId: string; deviceName: string; tokenHash: Buffer; now: string }): Promise<RedeemResult> =>
    accounts.enrollDevice(this.a, input);
  listDevices = (unitId: string): Promise<DeviceInfo[]> => accounts.listDevices(this.a, unitId);
  revokeDevice = (unitId: string, deviceId: string, at: string): Promise<DeviceInfo | null> => accounts.revokeDevice(this.a, unitId, deviceId, at);

  // sync
  push = (input: PushInput): Promise<PushResponse> => sync.push(this.a, input, this.stallMidBatch);
  pull = (unitId: string, cursor: number, limit: number, maxBytes: number): Promise<PullPage> => sync.pull(this.a, unitId, cursor, limit, maxBytes);
  listConflicts = (unitId: string, status: 'open' | 'resolved' | 'all', limit: number): Promise<ConflictView[]> => misc.listConflicts(this.a, unitId, status, limit);
  resolveConflict = (input: { unitId: string; id: string; by: string; keep: 'winner' | 'loser' | null; at: string }): Promise<{ id: string; resolvedAt: string } | null> =>
    misc.resolveConflict(this.a, input);

  // rate limits
  countFailures = (key: string, windowMs: number, now: number, record: boolean): Promise<{ count: number; oldest: number | null }> =>
    misc.countFailures(this.a, key, windowMs, now, record);
  clearFailures = (key: string): Promise<void> => misc.clearFailures(this.a, key);

  // files
  getFile = (unitId: string, sha256: string): Promise<StoredFile | null> => misc.getFile(this.a, unitId, sha256);
  fileUsage = (unitId: string): Promise<{ usedBytes: number; files: number }> => misc.fileUsage(this.a, unitId);
  addFile = (input: { unitId: string; sha256: string; bytes: number; createdAt: string; quotaBytes: number }): Promise<AddFileResult> => misc.addFile(this.a, input);

  // the connection
  /**
   * Whether the database answers and takes writes (not a standby, not read-only). Free disk
   * space is the database host's to watch (spaceBytes null); Postgres itself refuses writes
   * with "disk full" (53100), which a push answers as 503. Page corruption is Postgres's to
   * detect (data checksums, `initdb -k`); integrity stays 'unchecked' here.
   */
  async health(): Promise<HealthReport> {
    if (this.closed) return { answers: false, writable: false, spaceBytes: null, integrity: 'unchecked', problem: 'the store is closed' };
    try {
      const r = (await this.pool.query<{ standby: boolean; read_only: string }>("SELECT pg_is_in_recovery() AS standby, current_setting('default_transaction_read_only') AS read_only")).rows[0];
      const writable = !r.standby && r.read_only !== 'on';
      return { answers: true, writable, spaceBytes: null, integrity: 'unchecked', ...(writable ? {} : { problem: r.standby ? 'the database is a standby (read-only)' : 'default_transaction_read_only is on' }) };
    } catch (error) {
      return { answers: false, writable: false, spaceBytes: null, integrity: 'unchecked', problem: (error as Error).message };
    }
  }

  async meta(): Promise<ServerMeta> {
    const rows = (await this.a.query<{ key: string; value: string }>('SELECT key, value FROM meta')).rows;
    return toMeta(rows);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** A start-up failure in words: which database, what went wrong, what to do. */
function explainOpenError(outer: unknown, connectionString: string): StartupError {
  const where = redact(connectionString);
  // a connection failure arrives wrapped as "try again" (StoreUnavailableError): its cause says what
  const error = outer instanceof StoreUnavailableError && outer.cause ? outer.cause : outer;
  const code = (error as { code?: string }).code;
  const message = (error as Error).message ?? String(error);
  let hint = 'Check DATABASE_URL and that the Postgres server is running and reachable.';
  if (code === 'ECONNREFUSED') hint = 'Nothing listens there: start Postgres, or fix the host and port in DATABASE_URL.';
  else if (code === '28P01' || code === '28000') hint = 'The user name or password in DATABASE_URL is wrong, or pg_hba.conf does not let this host in.';
  else if (code === '3D000') hint = 'That database does not exist: create it (createdb) or fix its name in DATABASE_URL.';
  else if (code === '42501') hint = 'The user may not create tables there: give it CREATE on the schema, or run the first start as the owner.';
  return new StartupError(`Cannot use the Postgres database ${where}: ${message.replace(/\.$/, '')}. ${hint}`, { cause: error });
}

/** The URL without its password, for logs. */
export function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}
