// SQLite store: one file, ${DATA_DIR}/so-chi-doan.sqlite, opened by one server process.
// WAL lets readers run beside the single writer; synchronous=FULL makes a committed
// transaction survive power loss (better-sqlite3 is built with WAL synchronous=NORMAL, which
// may lose the last commits — an acknowledged push must never be lost).
// This file opens the connection and answers the Store interface; the work is in the modules
// beside it, one per concern: sqlite-accounts.ts (accounts, sessions, units, invites,
// devices), sqlite-sync.ts (push, pull), sqlite-conflicts.ts, sqlite-connection.ts (pragmas,
// migration runner, transient errors).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { PushResponse } from '../../../src/protocol/sync';
import * as accounts from './sqlite-accounts';
import * as conflicts from './sqlite-conflicts';
import * as files from './sqlite-files';
import * as rate from './sqlite-rate';
import { applyPragmas, runMigrations, sqliteAccess, type SqliteAccess } from './sqlite-connection';
import { sqliteMigrations, type SqliteMigration } from './sqlite-migrations';
import * as sync from './sqlite-sync';
import * as tree from './sqlite-tree';
import type {
  Account,
  AccountSummary,
  AddFileResult,
  ConflictView,
  HealthReport,
  PullPage,
  DeviceInfo,
  DeviceRole,
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

  constructor(options: SqliteStoreOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.filePath = path.join(options.dataDir, SQLITE_FILE_NAME);
    this.db = new Database(this.filePath);
    try {
      applyPragmas(this.db);
      const migrations = options.migrations ?? sqliteMigrations;
      runMigrations(this.db, migrations);
      // Custom migration lists (tests of the runner and of one migration) may stop before the
      // schema the statements need: such a store is only used through its connection.
      const complete = migrations.at(-1)?.version === sqliteMigrations.at(-1)?.version;
      const statements = complete ? prepare(this.db) : undefined;
      this.access = sqliteAccess(this.db, statements, () => this.checkpointSoon());
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.stallMidBatch = options.stallMidBatch ?? false;
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
    try {
      const row = this.db.prepare('SELECT 1 AS ok').get() as { ok: number } | undefined;
      if (row?.ok !== 1) return { answers: false, writable: false, spaceBytes: null, integrity: 'unchecked', problem: 'SQLite health query returned no row' };
      return { answers: true, writable: true, spaceBytes: null, integrity: 'unchecked' };
    } catch (error) {
      return { answers: false, writable: false, spaceBytes: null, integrity: 'unchecked', problem: (error as Error).message };
    }
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
