// SQLite store: one file, ${DATA_DIR}/so-chi-doan.sqlite, opened by one server process.
// WAL lets readers run beside the single writer; synchronous=FULL makes a committed
// transaction survive power loss (better-sqlite3 is built with WAL synchronous=NORMAL, which
// may lose the last commits — an acknowledged push must never be lost).
// This file opens the connection and answers the Store interface; the work is in the modules
// beside it, one per concern: sqlite-accounts.ts (accounts, sessions, units, invites,
// devices), sqlite-sync.ts (push, pull), sqlite-conflicts.ts, sqlite-connection.ts (pragmas,
// migration runner, transient errors), sqlite-health.ts (integrity, write probe, free space),
// data-dir.ts (the folder, and start-up failures in plain words).
// A file found damaged (at start by quick_check, or by any later statement) is not touched
// again: every call answers StoreUnavailableError 'corrupt' (503 db_corrupt), logged once with
// the path, until it is restored and the server restarted (docs/decisions.md).
import path from 'node:path';
import Database from 'better-sqlite3';
import { toMeta } from './stored-rows';
import type { PushResponse } from '../../../src/protocol/sync';
import { openError, prepareDataDir, readOnlyFileError } from './data-dir';
import * as accounts from './sqlite-accounts';
import * as conflicts from './sqlite-conflicts';
import * as files from './sqlite-files';
import * as rate from './sqlite-rate';
import { applyPragmas, runMigrations, sqliteAccess, sqliteFault, type SqliteAccess } from './sqlite-connection';
import { probeWritable, quickCheck, statfsFreeBytes, type FreeBytes } from './sqlite-health';
import { sqliteMigrations, type SqliteMigration } from './sqlite-migrations';
import * as sync from './sqlite-sync';
import * as tree from './sqlite-tree';
import {
  StoreUnavailableError,
  type Account,
  type AccountSummary,
  type AddFileResult,
  type ConflictView,
  type HealthReport,
  type PullPage,
  type DeviceInfo,
  type DeviceRole,
  type PushInput,
  type RedeemResult,
  type ServerMeta,
  type Store,
  type StoredFile,
  type TokenOwner,
  type UnitInfo,
  type UnitPatch,
  type UnitUpdateResult,
} from './types';

export { runMigrations };

export const SQLITE_FILE_NAME = 'so-chi-doan.sqlite';

export interface SqliteStoreOptions {
  dataDir: string;
  /** Tests pass their own list; the server always uses the built-in history. */
  migrations?: readonly SqliteMigration[];
  /**
   * Fault injection for the crash test (RELIABILITY.md 6): halfway through every push batch,
   * inside its transaction, log "[fault] stalled mid-batch" and block, so a test can SIGKILL
   * the process with a batch half-applied in the open transaction. Never set in production.
   */
  stallMidBatch?: boolean;
  /** Free bytes where the file lives (health's spaceBytes); tests fake a full disk. Default: statfs. */
  freeBytes?: FreeBytes;
}

/** Statements, prepared once per connection. */
function prepare(db: Database.Database) {
  return { ...accounts.prepareAccountStatements(db), tree: tree.prepareTreeStatements(db), ...sync.prepareSyncStatements(db), ...conflicts.prepareConflictStatements(db), files: files.prepareFileStatements(db), rate: rate.prepareRateStatements(db) };
}
type Statements = ReturnType<typeof prepare>;

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly filePath: string;
  /** The connection itself, for migrations and tests; routes go through Store methods. */
  readonly db: Database.Database;
  /** What the store modules get: the statements, and reads and writes guarded against transient failures. */
  private readonly access: SqliteAccess<Statements>;
  private readonly stallMidBatch: boolean;

  private readonly dataDir: string;
  private readonly freeBytes: FreeBytes;
  /** What SQLite said when it found the file damaged; set once, never cleared while running. */
  private damage: string | undefined;

  /** Throws StartupError (plain words, see data-dir.ts) when the folder or file cannot be used. */
  constructor(options: SqliteStoreOptions) {
    prepareDataDir(options.dataDir);
    this.dataDir = options.dataDir;
    this.filePath = path.join(options.dataDir, SQLITE_FILE_NAME);
    this.freeBytes = options.freeBytes ?? statfsFreeBytes;
    try {
      this.db = new Database(this.filePath);
    } catch (error) {
      throw openError(this.filePath, error);
    }
    let statements: Statements | undefined;
    try {
      statements = this.checkAndMigrate(options.migrations ?? sqliteMigrations);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.access = sqliteAccess(this.db, statements, {
      afterWrite: () => this.checkpointSoon(),
      refusal: () => (this.damage === undefined ? undefined : new StoreUnavailableError(`database file is damaged (${this.damage})`, { fault: 'corrupt' })),
      onFault: (error) => {
        const cause = error.cause as { code?: unknown; message?: string } | undefined;
        if (error.fault === 'corrupt') this.markDamaged(`${String(cause?.code)}: ${cause?.message ?? error.message}`);
      },
    });
    this.stallMidBatch = options.stallMidBatch ?? false;
  }

  /**
   * Pragmas, the integrity check, the write probe, migrations, statements. A damaged file is
   * not migrated: the store starts refusing (undefined statements, `damage` set).
   */
  private checkAndMigrate(migrations: readonly SqliteMigration[]): Statements | undefined {
    try {
      applyPragmas(this.db);
      const damage = quickCheck(this.db);
      if (damage !== undefined) return this.markDamaged(damage);
      const probe = probeWritable(this.db);
      if (sqliteFault(probe.code) === 'corrupt') return this.markDamaged(probe.problem ?? '');
      if (!probe.writable) throw readOnlyFileError(this.filePath, probe.problem);
      runMigrations(this.db, migrations);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (sqliteFault(code) === 'corrupt') return this.markDamaged(`${String(code)}: ${(error as Error).message}`);
      // A read-only folder shows first here (SQLite cannot make its -wal and -shm files).
      throw openError(this.filePath, error);
    }
    // Custom migration lists (tests of the runner and of one migration) may stop before the
    // schema the statements need: such a store is only used through its connection.
    const complete = migrations.at(-1)?.version === sqliteMigrations.at(-1)?.version;
    return complete ? prepare(this.db) : undefined;
  }

  /** Stops all use of the file and says so once, with the path and what to do. */
  private markDamaged(problem: string): undefined {
    if (this.damage !== undefined) return undefined;
    this.damage = problem;
    console.error(
      `[server] the database file ${this.filePath} is damaged (${problem}). Nothing more is read or written in it: ` +
        'requests that need it answer 503 db_corrupt. Stop the server, restore the file from a backup (README "When the server will not work"), and start it again.',
    );
    return undefined;
  }

  // accounts and sessions -------------------------------------------------------------
  async hasAccounts(): Promise<boolean> {
    return accounts.hasAccounts(this.access);
  }
  async createFirstAdmin(account: Account): Promise<boolean> {
    return accounts.createFirstAdmin(this.access, account);
  }
  async createAccount(account: Account, unitIds: readonly string[]): Promise<boolean> {
    return accounts.createAccount(this.access, account, unitIds);
  }
  async findAccount(username: string): Promise<Account | null> {
    return accounts.findAccount(this.access, username);
  }
  async listAccounts(): Promise<AccountSummary[]> {
    return tree.listAccounts(this.access);
  }
  async getAccountSummary(id: string): Promise<AccountSummary | null> {
    return tree.getAccountSummary(this.access, id);
  }
  async setAccountUnits(accountId: string, unitIds: readonly string[], now: string): Promise<AccountSummary | null> {
    return tree.setAccountUnits(this.access, accountId, unitIds, now);
  }
  async createSession(tokenHash: Buffer, accountId: string, createdAt: string, expiresAt: string): Promise<void> {
    accounts.createSession(this.access, tokenHash, accountId, createdAt, expiresAt);
  }
  async findTokenOwner(tokenHash: Buffer): Promise<TokenOwner | null> {
    return accounts.findTokenOwner(this.access, tokenHash);
  }
  async touchDevice(deviceId: string, at: string): Promise<void> {
    accounts.touchDevice(this.access, deviceId, at);
  }

  // units, invites, devices -----------------------------------------------------------
  async createUnit(unit: UnitInfo): Promise<void> {
    accounts.createUnit(this.access, unit);
  }
  async getUnit(id: string): Promise<UnitInfo | null> {
    return accounts.getUnit(this.access, id);
  }
  async updateUnit(id: string, patch: UnitPatch, now: string): Promise<UnitUpdateResult> {
    return tree.updateUnit(this.access, id, patch, now);
  }
  async listUnits(ids?: readonly string[]): Promise<UnitInfo[]> {
    return accounts.listUnits(this.access, ids);
  }
  async createInvite(i: { codeHash: Buffer; unitId: string; role: DeviceRole; createdBy: string; createdAt: string; expiresAt: string }): Promise<void> {
    accounts.createInvite(this.access, i);
  }
  async enrollDevice(input: { unitId: string; accountId: string; deviceId: string; deviceName: string; tokenHash: Buffer; now: string }): Promise<RedeemResult> {
    return accounts.enrollDevice(this.access, input);
  }

  async redeemInvite(input: { codeHash: Buffer; deviceId: string; deviceName: string; tokenHash: Buffer; now: string }): Promise<RedeemResult> {
    return accounts.redeemInvite(this.access, input);
  }
  async listDevices(unitId: string): Promise<DeviceInfo[]> {
    return accounts.listDevices(this.access, unitId);
  }
  async revokeDevice(unitId: string, deviceId: string, at: string): Promise<DeviceInfo | null> {
    return accounts.revokeDevice(this.access, unitId, deviceId, at);
  }

  // sync ------------------------------------------------------------------------------
  async push(input: PushInput): Promise<PushResponse> {
    return sync.push(this.access, input, this.stallMidBatch);
  }
  async pull(unitId: string, cursor: number, limit: number, maxBytes: number): Promise<PullPage> {
    return sync.pull(this.access, unitId, cursor, limit, maxBytes);
  }
  async listConflicts(unitId: string, status: 'open' | 'resolved' | 'all', limit: number): Promise<ConflictView[]> {
    return conflicts.listConflicts(this.access, unitId, status, limit);
  }
  async resolveConflict(input: { unitId: string; id: string; by: string; keep: 'winner' | 'loser' | null; at: string }): Promise<{ id: string; resolvedAt: string } | null> {
    return conflicts.resolveConflict(this.access, input);
  }

  // rate limits -----------------------------------------------------------------------
  async countFailures(key: string, windowMs: number, now: number, record: boolean): Promise<{ count: number; oldest: number | null }> {
    return rate.countFailures(this.access, key, windowMs, now, record);
  }
  async clearFailures(key: string): Promise<void> {
    rate.clearFailures(this.access, key);
  }

  // files -----------------------------------------------------------------------------
  async getFile(unitId: string, sha256: string): Promise<StoredFile | null> {
    return files.getFile(this.access, unitId, sha256);
  }
  async fileUsage(unitId: string): Promise<{ usedBytes: number; files: number }> {
    return files.fileUsage(this.access, unitId);
  }
  async addFile(input: { unitId: string; sha256: string; bytes: number; createdAt: string; quotaBytes: number }): Promise<AddFileResult> {
    return files.addFile(this.access, input);
  }

  // the connection --------------------------------------------------------------------
  async health(): Promise<HealthReport> {
    const spaceBytes = this.spaceBytes();
    const space = spaceBytes === null ? 'free space unknown' : `${Math.floor(spaceBytes / 1048576)} MB free in ${this.dataDir}`;
    let answers = false;
    try {
      answers = (this.db.prepare('SELECT 1 AS ok').get() as { ok: number } | undefined)?.ok === 1;
      if (!answers) return { answers, writable: false, spaceBytes, integrity: this.integrity(), problem: 'SQLite health query returned no row' };
      if (this.damage === undefined) {
        const probe = probeWritable(this.db);
        if (sqliteFault(probe.code) === 'corrupt') this.markDamaged(probe.problem ?? '');
        else return { answers, writable: probe.writable, spaceBytes, integrity: 'ok', problem: probe.problem ? `${probe.problem}; ${space}` : space };
      }
      return { answers, writable: false, spaceBytes, integrity: 'corrupt', problem: `${this.filePath} is damaged: ${this.damage}` };
    } catch (error) {
      return { answers, writable: false, spaceBytes, integrity: this.integrity(), problem: (error as Error).message };
    }
  }

  private integrity(): HealthReport['integrity'] {
    return this.damage === undefined ? 'ok' : 'corrupt';
  }

  private spaceBytes(): number | null {
    try {
      return this.freeBytes(this.dataDir);
    } catch {
      return null;
    }
  }

  async meta(): Promise<ServerMeta> {
    const rows = this.access.read(() => this.db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]);
    return toMeta(rows);
  }

  async close(): Promise<void> {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    if (this.db.open) this.db.close();
  }

  /**
   * WAL checkpoints run when the server is idle, not inside a push: SQLite's automatic
   * checkpoint (every 1,000 pages) would copy the WAL into the database file during whichever
   * commit crossed the line, adding 10+ ms to that phone's push. The automatic one stays as a
   * backstop at 10,000 pages (≈ 40 MB of WAL).
   */
  private checkpointTimer: NodeJS.Timeout | undefined;
  private checkpointSoon(): void {
    if (this.checkpointTimer) this.checkpointTimer.refresh();
    else {
      this.checkpointTimer = setTimeout(() => {
        this.checkpointTimer = undefined;
        try {
          if (this.db.open) this.db.pragma('wal_checkpoint(PASSIVE)');
        } catch (error) {
          console.warn('[server] WAL checkpoint failed (will retry after the next write):', (error as Error).message);
        }
      }, IDLE_CHECKPOINT_MS);
      this.checkpointTimer.unref();
    }
  }
}

const IDLE_CHECKPOINT_MS = 1000;

export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  return new SqliteStore(options);
}
