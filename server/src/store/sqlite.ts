// SQLite store: one file, ${DATA_DIR}/so-chi-doan.sqlite, opened by one server process.
// WAL lets readers run beside the single writer; synchronous=FULL makes a committed
// transaction survive power loss (better-sqlite3 is built with WAL synchronous=NORMAL, which
// may lose the last commits — an acknowledged push must never be lost).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SyncedTable } from '../../../src/protocol/outbox';
import type { PushResponse } from '../../../src/protocol/sync';
import { processPush, type PushTx } from '../sync/push';
import type { ConflictRecord, RowState, StoredResult } from '../sync/types';
import { sqliteMigrations, type SqliteMigration } from './sqlite-migrations';
import {
  StoreUnavailableError,
  type Account,
  type ConflictView,
  type DeviceInfo,
  type DeviceRole,
  type PushInput,
  type RawPulledRow,
  type RedeemResult,
  type ServerMeta,
  type Store,
  type TokenOwner,
  type UnitInfo,
} from './types';

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
      // Custom migration lists (tests of the runner) may stop before the sync tables.
      this.sql = this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'rows'").get() ? prepare(this.db) : undefined;
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.stallMidBatch = options.stallMidBatch ?? false;
  }

  private readonly sql: Statements | undefined;
  private readonly stallMidBatch: boolean;

  private get q(): Statements {
    if (!this.sql) throw new Error('this database has no sync tables (custom migrations)');
    return this.sql;
  }

  /** Runs `fn` in one BEGIN IMMEDIATE transaction; transient SQLite failures become StoreUnavailableError. */
  private write<T>(fn: () => T): T {
    const result = guard(() => this.db.transaction(fn).immediate());
    this.checkpointSoon();
    return result;
  }

  private read<T>(fn: () => T): T {
    return guard(fn);
  }

  // accounts and sessions -------------------------------------------------------------
  async hasAccounts(): Promise<boolean> {
    return this.read(() => !!this.q.anyAccount.get());
  }

  async createFirstAdmin(account: Account): Promise<boolean> {
    return this.write(() => {
      if (this.q.anyAccount.get()) return false;
      this.q.insertAccount.run(account.id, account.username, account.role, account.passwordHash, account.createdAt);
      return true;
    });
  }

  async createAccount(account: Account, unitIds: readonly string[]): Promise<boolean> {
    return this.write(() => {
      if (this.q.accountByName.get(account.username)) return false;
      this.q.insertAccount.run(account.id, account.username, account.role, account.passwordHash, account.createdAt);
      for (const unitId of new Set(unitIds)) this.q.insertAccountUnit.run(account.id, unitId);
      return true;
    });
  }

  async findAccount(username: string): Promise<Account | null> {
    return this.read(() => {
      const row = this.q.accountByName.get(username) as AccountRow | undefined;
      return row ? toAccount(row) : null;
    });
  }

  async createSession(tokenHash: Buffer, accountId: string, createdAt: string, expiresAt: string): Promise<void> {
    this.write(() => {
      this.q.deleteExpiredSessions.run(accountId, createdAt);
      this.q.insertSession.run(tokenHash, accountId, createdAt, expiresAt);
    });
  }

  async findTokenOwner(tokenHash: Buffer): Promise<TokenOwner | null> {
    return this.read(() => {
      const session = this.q.sessionByHash.get(tokenHash) as (AccountRow & { expires_at: string }) | undefined;
      if (session) {
        const unitIds = this.q.accountUnits.pluck().all(session.id) as string[];
        return { kind: 'account', account: toAccount(session), expiresAt: session.expires_at, unitIds };
      }
      const device = this.q.deviceByHash.get(tokenHash) as DeviceRow | undefined;
      return device ? { kind: 'device', device: toDevice(device) } : null;
    });
  }

  async touchDevice(deviceId: string, at: string): Promise<void> {
    this.write(() => this.q.touchDevice.run(at, deviceId));
  }

  // units, invites, devices -----------------------------------------------------------
  async createUnit(unit: UnitInfo): Promise<void> {
    this.write(() => this.q.insertUnit.run(unit.id, unit.name, unit.parentUnit, unit.createdAt));
  }

  async getUnit(id: string): Promise<UnitInfo | null> {
    return this.read(() => {
      const row = this.q.unitById.get(id) as UnitRow | undefined;
      return row ? toUnit(row) : null;
    });
  }

  async listUnits(ids?: readonly string[]): Promise<UnitInfo[]> {
    return this.read(() => {
      const rows = this.q.allUnits.all() as UnitRow[];
      const wanted = ids ? new Set(ids) : null;
      return rows.filter((r) => !wanted || wanted.has(r.id)).map(toUnit);
    });
  }

  async createInvite(i: { codeHash: Buffer; unitId: string; role: DeviceRole; createdBy: string; createdAt: string; expiresAt: string }): Promise<void> {
    this.write(() => this.q.insertInvite.run(i.codeHash, i.unitId, i.role, i.createdBy, i.createdAt, i.expiresAt));
  }

  async redeemInvite(input: { codeHash: Buffer; deviceId: string; deviceName: string; tokenHash: Buffer; now: string }): Promise<RedeemResult> {
    return this.write((): RedeemResult => {
      const invite = this.q.openInvite.get(input.codeHash, input.now) as { unit_id: string; role: DeviceRole } | undefined;
      if (!invite) return { ok: false, reason: 'invalid_code' };
      const existing = this.q.deviceById.get(input.deviceId) as DeviceRow | undefined;
      // A device id is global. Only a revoked device of the same unit may come back (keeping
      // its lastSeq, so its outbox seqs still fit); anything else must not take over a device.
      if (existing && !(existing.unit_id === invite.unit_id && existing.revoked_at !== null)) return { ok: false, reason: 'device_exists' };
      if (this.q.useInvite.run(input.now, input.deviceId, input.codeHash).changes !== 1) return { ok: false, reason: 'invalid_code' };
      if (existing) this.q.readmitDevice.run(input.deviceName, invite.role, input.tokenHash, input.now, input.deviceId);
      else this.q.insertDevice.run(input.deviceId, invite.unit_id, input.deviceName, invite.role, input.tokenHash, input.now, input.now);
      const unit = toUnit(this.q.unitById.get(invite.unit_id) as UnitRow);
      return { ok: true, unit, role: invite.role };
    });
  }

  async listDevices(unitId: string): Promise<DeviceInfo[]> {
    return this.read(() => (this.q.devicesOfUnit.all(unitId) as DeviceRow[]).map(toDevice));
  }

  async revokeDevice(unitId: string, deviceId: string, at: string): Promise<DeviceInfo | null> {
    return this.write(() => {
      this.q.revokeDevice.run(at, deviceId, unitId);
      const row = this.q.deviceById.get(deviceId) as DeviceRow | undefined;
      return row && row.unit_id === unitId ? toDevice(row) : null;
    });
  }

  // sync ------------------------------------------------------------------------------
  async push(input: PushInput): Promise<PushResponse> {
    const q = this.q;
    const { unitId, deviceId } = input;
    const half = Math.floor(input.mutations.length / 2);
    const stall = this.stallMidBatch;
    return this.write(() => {
      // One query each for the batch's rows and mids (instead of one per mutation); the maps
      // then follow the batch's own writes, so later mutations see earlier ones.
      const rows = this.prefetchRows(unitId, input.mutations);
      const mids = new Map<string, { deviceId: string; seq: number; result: StoredResult }>();
      const midList = input.mutations.map((m) => m.mid);
      for (const r of q.resultsByMids.all(unitId, JSON.stringify(midList)) as { mid: string; device_id: string; seq: number; result: string }[]) {
        mids.set(r.mid, { deviceId: r.device_id, seq: r.seq, result: JSON.parse(r.result) as StoredResult });
      }
      const tx: PushTx = {
        lastSeq: () => (q.deviceSeq.pluck().get(deviceId, unitId) as number | undefined) ?? 0,
        unitVersion: () => (q.unitVersion.pluck().get(unitId) as number | undefined) ?? 0,
        storedResult: (seq) => {
          const r = q.resultBySeq.get(deviceId, seq) as { mid: string | null; result: string } | undefined;
          return r ? { mid: r.mid, result: JSON.parse(r.result) as StoredResult } : undefined;
        },
        midOwner: (mid) => mids.get(mid),
        getRow: (table, id) => {
          const key = rowKey(table, id);
          let row = rows.get(key);
          if (row === undefined) {
            const r = q.rowById.get(unitId, table, id) as StoredRowColumns | undefined;
            row = r ? toRowState(r) : null;
            rows.set(key, row);
          }
          return row;
        },
        putRow: (table, id, row: RowState) => {
          const key = rowKey(table, id);
          // The batch knows whether the row exists: an UPDATE or INSERT probes the key once.
          const stmt = rows.get(key) ? q.updateRow : q.insertRow;
          rows.set(key, row);
          stmt.run(JSON.stringify(row.data), JSON.stringify(row.versions), JSON.stringify(row.hlcs), row.deleted ? 1 : 0, row.version, unitId, table, id);
        },
        addConflict: (c: ConflictRecord) => {
          q.insertConflict.run(
            c.id, unitId, c.table, c.rowId, c.field, c.kind,
            JSON.stringify(c.winnerValue ?? null), JSON.stringify(c.loserValue ?? null),
            c.winnerDeviceId, c.loserDeviceId, c.winnerHlc, c.loserHlc, c.mid, c.version, c.createdAt,
          );
        },
        putResult: (seq, mid, result) => {
          q.insertResult.run(unitId, deviceId, seq, mid, resultJson(result));
          if (mid !== null) mids.set(mid, { deviceId, seq, result });
        },
        finish: (lastSeq, unitVersion) => {
          q.setDeviceSeq.run(lastSeq, deviceId, unitId);
          q.setUnitVersion.run(unitVersion, unitId);
        },
      };
      return processPush(tx, input.mutations, {
        deviceId,
        schemaVersion: input.schemaVersion,
        now: input.now,
        newConflictId: randomUUID,
        beforeMutation: stall ? (i) => i === half && stallForever() : undefined,
      });
    });
  }

  /** The stored rows a batch touches (and the minutes its attendance ticks depend on), by "table\0id"; null = no such row. */
  private prefetchRows(unitId: string, mutations: PushInput['mutations']): Map<string, RowState | null> {
    const byTable = new Map<string, Set<string>>();
    const add = (table: string, id: string) => {
      let ids = byTable.get(table);
      if (!ids) byTable.set(table, (ids = new Set()));
      ids.add(id);
    };
    for (const m of mutations) {
      if (typeof m.table !== 'string' || typeof m.rowId !== 'string') continue;
      add(m.table, m.rowId);
      const eventId = m.table === 'attendance' && m.fields && typeof m.fields === 'object' ? (m.fields as { eventId?: unknown }).eventId : undefined;
      if (typeof eventId === 'string') add('minutes', eventId);
    }
    const rows = new Map<string, RowState | null>();
    for (const [table, ids] of byTable) {
      for (const id of ids) rows.set(rowKey(table, id), null);
      for (const r of this.q.rowsByIds.all(unitId, table, JSON.stringify([...ids])) as (StoredRowColumns & { id: string })[]) {
        rows.set(rowKey(table, r.id), toRowState(r));
      }
    }
    return rows;
  }

  async pull(unitId: string, cursor: number, limit: number): Promise<{ rows: RawPulledRow[]; hasMore: boolean; unitVersion: number }> {
    return this.read(() => {
      const found = this.q.rowsAfter.all(unitId, cursor, limit + 1) as { tbl: SyncedTable; id: string; data: string; versions: string; deleted: number; version: number }[];
      const unitVersion = (this.q.unitVersion.pluck().get(unitId) as number | undefined) ?? 0;
      const hasMore = found.length > limit;
      const rows = (hasMore ? found.slice(0, limit) : found).map((r) => ({
        table: r.tbl,
        id: r.id,
        fieldsJson: r.data,
        versionsJson: r.versions,
        deleted: r.deleted === 1,
        version: r.version,
      }));
      return { rows, hasMore, unitVersion };
    });
  }

  async listConflicts(unitId: string, status: 'open' | 'resolved' | 'all', limit: number): Promise<ConflictView[]> {
    return this.read(() => {
      const stmt = status === 'open' ? this.q.openConflicts : status === 'resolved' ? this.q.resolvedConflicts : this.q.allConflicts;
      return (stmt.all(unitId, limit) as ConflictRow[]).map(toConflict);
    });
  }

  async resolveConflict(input: { unitId: string; id: string; by: string; keep: 'winner' | 'loser' | null; at: string }): Promise<{ id: string; resolvedAt: string } | null> {
    return this.write(() => {
      this.q.resolveConflict.run(input.at, input.by, input.keep, input.id, input.unitId);
      const row = this.q.conflictById.get(input.id, input.unitId) as { resolved_at: string } | undefined;
      return row ? { id: input.id, resolvedAt: row.resolved_at } : null;
    });
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

function applyPragmas(db: Database.Database): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (String(mode).toLowerCase() !== 'wal') {
    throw new Error(`SQLite refused WAL mode (got "${mode}"); is DATA_DIR on a network file system?`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // A second connection (a backup, the sqlite3 shell) waits instead of failing at once.
  db.pragma('busy_timeout = 5000');
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

// ---------------------------------------------------------------------------------------
// Statements, prepared once per connection.

function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  const conflictColumns = `id, tbl, row_id, field, kind, winner_value, loser_value, winner_device, loser_device, winner_hlc, loser_hlc, created_at, resolved_at`;
  return {
    anyAccount: p('SELECT 1 FROM accounts LIMIT 1'),
    insertAccount: p('INSERT INTO accounts (id, username, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)'),
    insertAccountUnit: p('INSERT INTO account_units (account_id, unit_id) VALUES (?, ?)'),
    accountByName: p('SELECT id, username, role, password_hash, created_at FROM accounts WHERE username = ?'),
    accountUnits: p('SELECT unit_id FROM account_units WHERE account_id = ? ORDER BY unit_id'),
    insertSession: p('INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    deleteExpiredSessions: p('DELETE FROM sessions WHERE account_id = ? AND expires_at <= ?'),
    sessionByHash: p(`SELECT a.id, a.username, a.role, a.password_hash, a.created_at, s.expires_at
      FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ?`),
    deviceByHash: p('SELECT * FROM devices WHERE token_hash = ?'),
    deviceById: p('SELECT * FROM devices WHERE id = ?'),
    touchDevice: p('UPDATE devices SET last_seen_at = ? WHERE id = ?'),
    insertUnit: p('INSERT INTO units (id, name, parent_unit, created_at) VALUES (?, ?, ?, ?)'),
    unitById: p('SELECT id, name, parent_unit, created_at FROM units WHERE id = ?'),
    allUnits: p('SELECT id, name, parent_unit, created_at FROM units ORDER BY created_at, id'),
    insertInvite: p('INSERT INTO invites (code_hash, unit_id, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)'),
    openInvite: p('SELECT unit_id, role FROM invites WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?'),
    useInvite: p('UPDATE invites SET used_at = ?, used_by_device = ? WHERE code_hash = ? AND used_at IS NULL'),
    insertDevice: p(`INSERT INTO devices (id, unit_id, name, role, token_hash, last_seq, created_at, last_seen_at)
      VALUES (?, ?, ?, ?, ?, 0, ?, ?)`),
    readmitDevice: p('UPDATE devices SET name = ?, role = ?, token_hash = ?, revoked_at = NULL, last_seen_at = ? WHERE id = ?'),
    devicesOfUnit: p('SELECT * FROM devices WHERE unit_id = ? ORDER BY created_at, id'),
    revokeDevice: p('UPDATE devices SET revoked_at = ? WHERE id = ? AND unit_id = ? AND revoked_at IS NULL'),
    deviceSeq: p('SELECT last_seq FROM devices WHERE id = ? AND unit_id = ?'),
    setDeviceSeq: p('UPDATE devices SET last_seq = ? WHERE id = ? AND unit_id = ?'),
    unitVersion: p('SELECT version FROM units WHERE id = ?'),
    setUnitVersion: p('UPDATE units SET version = ? WHERE id = ?'),
    resultBySeq: p('SELECT mid, result FROM mutation_results WHERE device_id = ? AND seq = ?'),
    resultsByMids: p(`SELECT mid, device_id, seq, result FROM mutation_results
      WHERE unit_id = ? AND mid IN (SELECT value FROM json_each(?))`),
    insertResult: p('INSERT INTO mutation_results (unit_id, device_id, seq, mid, result) VALUES (?, ?, ?, ?, ?)'),
    rowById: p('SELECT data, versions, hlcs, deleted, version FROM rows WHERE unit_id = ? AND tbl = ? AND id = ?'),
    rowsByIds: p(`SELECT id, data, versions, hlcs, deleted, version FROM rows
      WHERE unit_id = ? AND tbl = ? AND id IN (SELECT value FROM json_each(?))`),
    insertRow: p(`INSERT INTO rows (data, versions, hlcs, deleted, version, unit_id, tbl, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    updateRow: p(`UPDATE rows SET data = ?, versions = ?, hlcs = ?, deleted = ?, version = ? WHERE unit_id = ? AND tbl = ? AND id = ?`),
    rowsAfter: p('SELECT tbl, id, data, versions, deleted, version FROM rows WHERE unit_id = ? AND version > ? ORDER BY version LIMIT ?'),
    insertConflict: p(`INSERT INTO conflicts (id, unit_id, tbl, row_id, field, kind, winner_value, loser_value, winner_device,
      loser_device, winner_hlc, loser_hlc, mid, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    openConflicts: p(`SELECT ${conflictColumns} FROM conflicts WHERE unit_id = ? AND resolved_at IS NULL ORDER BY created_at, rowid LIMIT ?`),
    resolvedConflicts: p(`SELECT ${conflictColumns} FROM conflicts WHERE unit_id = ? AND resolved_at IS NOT NULL ORDER BY created_at, rowid LIMIT ?`),
    allConflicts: p(`SELECT ${conflictColumns} FROM conflicts WHERE unit_id = ? ORDER BY created_at, rowid LIMIT ?`),
    resolveConflict: p('UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolved_keep = ? WHERE id = ? AND unit_id = ? AND resolved_at IS NULL'),
    conflictById: p('SELECT resolved_at FROM conflicts WHERE id = ? AND unit_id = ?'),
  };
}
type Statements = ReturnType<typeof prepare>;

interface StoredRowColumns {
  data: string;
  versions: string;
  hlcs: string;
  deleted: number;
  version: number;
}

/** JSON.stringify of a stored result, by hand for the common shapes (one per mutation). */
function resultJson(r: StoredResult): string {
  if (r.conflictId === undefined && r.error === undefined && r.field === undefined) {
    return r.version === undefined ? `{"status":"${r.status}"}` : `{"status":"${r.status}","version":${r.version}}`;
  }
  return JSON.stringify(r);
}

const rowKey = (table: string, id: string) => `${table}\u0000${id}`;

function toRowState(r: StoredRowColumns): RowState {
  return { data: JSON.parse(r.data), versions: JSON.parse(r.versions), hlcs: JSON.parse(r.hlcs), deleted: r.deleted === 1, version: r.version };
}

interface AccountRow {
  id: string;
  username: string;
  role: Account['role'];
  password_hash: string;
  created_at: string;
}
interface UnitRow {
  id: string;
  name: string;
  parent_unit: string | null;
  created_at: string;
}
interface DeviceRow {
  id: string;
  unit_id: string;
  name: string;
  role: DeviceRole;
  last_seq: number;
  created_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
}
interface ConflictRow {
  id: string;
  tbl: SyncedTable;
  row_id: string;
  field: string;
  kind: ConflictView['kind'];
  winner_value: string;
  loser_value: string;
  winner_device: string;
  loser_device: string;
  winner_hlc: string;
  loser_hlc: string;
  created_at: string;
  resolved_at: string | null;
}

const toAccount = (r: AccountRow): Account => ({ id: r.id, username: r.username, role: r.role, passwordHash: r.password_hash, createdAt: r.created_at });
const toUnit = (r: UnitRow): UnitInfo => ({ id: r.id, name: r.name, parentUnit: r.parent_unit, createdAt: r.created_at });
const toDevice = (r: DeviceRow): DeviceInfo => ({
  deviceId: r.id,
  unitId: r.unit_id,
  deviceName: r.name,
  role: r.role,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  lastSeq: r.last_seq,
  revokedAt: r.revoked_at,
});
const toConflict = (r: ConflictRow): ConflictView => ({
  id: r.id,
  table: r.tbl,
  rowId: r.row_id,
  field: r.field,
  kind: r.kind,
  winnerValue: JSON.parse(r.winner_value),
  loserValue: JSON.parse(r.loser_value),
  winnerDeviceId: r.winner_device,
  loserDeviceId: r.loser_device,
  winnerHlc: r.winner_hlc,
  loserHlc: r.loser_hlc,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
});

/** SQLite result codes that mean "try again later", not "this request is wrong". */
const TRANSIENT = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|NOMEM|INTERRUPT|CANTOPEN|PROTOCOL)/;

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT.test(code)) throw new StoreUnavailableError(`database busy or failing (${code})`, { cause: error });
    if (error instanceof TypeError && /database connection is not open/.test(error.message)) {
      throw new StoreUnavailableError('database is closed (server shutting down)', { cause: error });
    }
    throw error;
  }
}

function stallForever(): void {
  console.log('[fault] stalled mid-batch');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 * 60_000);
}
