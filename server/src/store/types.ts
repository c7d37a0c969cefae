// The one storage interface the HTTP layer talks to. SQLite (sqlite.ts) is the embedded default;
// Postgres (postgres.ts, DATABASE_URL) serves several server processes on one database. The
// interface is backend-neutral (async methods, no SQL or driver types, push as one call that
// the store runs in ONE transaction around the pure server/src/sync/push.ts), and every test of
// test/unit/sync-server runs against both.
import type { SyncedTable } from '../../../src/protocol/outbox';
import type { PushResponse, Role } from '../../../src/protocol/sync';
import type { RawMutation } from '../sync/push';
import type { ConflictKind } from '../sync/types';

/** Which backend answers; reported by GET /api/v1/health. */
export type StoreKind = 'sqlite' | 'postgres';

/** Facts about this server installation, written once by the first migration. */
export interface ServerMeta {
  /** Random UUID, stable across restarts: lets a phone notice it talks to a different server. */
  serverId: string;
  /** ISO 8601 time the database was created. */
  createdAt: string;
}

export type AccountRole = Extract<Role, 'admin' | 'supervisor'>;
export type DeviceRole = Extract<Role, 'secretary' | 'deputy' | 'viewer' | 'supervisor'>;

export interface Account {
  id: string;
  username: string;
  role: AccountRole;
  passwordHash: string;
  createdAt: string;
}

/** An account as the admin lists it: never its password hash. */
export interface AccountSummary {
  id: string;
  username: string;
  role: AccountRole;
  /** the units assigned to it (a supervisor also sees their descendants; not expanded here) */
  unitIds: string[];
  createdAt: string;
}

/** What the admin may change of a unit on the server (its synced record is the unit's own). */
export interface UnitPatch {
  name?: string;
  /** null = a unit at the top of the tree */
  parentId?: string | null;
  parentUnit?: string | null;
  inCharge?: string | null;
}

export type UnitUpdateResult = { ok: true; unit: UnitInfo } | { ok: false; reason: 'not_found' | 'unknown_parent' | 'cycle' };

export interface UnitInfo {
  id: string;
  name: string;
  parentUnit: string | null;
  /** the unit above in the tree (issue 11); null at the top */
  parentId?: string | null;
  /** the cadre of the level above in charge of this unit (phụ trách) */
  inCharge?: string | null;
  createdAt: string;
}

export interface DeviceInfo {
  deviceId: string;
  unitId: string;
  deviceName: string;
  role: DeviceRole;
  createdAt: string;
  lastSeenAt: string | null;
  lastSeq: number;
  revokedAt: string | null;
}

/** Who holds a token (looked up by its sha256). */
export type TokenOwner =
  | { kind: 'account'; account: Account; expiresAt: string; unitIds: string[] }
  | { kind: 'device'; device: DeviceInfo };

export type RedeemResult =
  | { ok: true; unit: UnitInfo; role: DeviceRole }
  | { ok: false; reason: 'invalid_code' | 'device_exists' };

/**
 * A pulled row with its JSON kept as stored, text or UTF-8 bytes (SQLite gives bytes: no
 * string is made of it); the route splices it into the answer unparsed (sync/pull-page.ts).
 */
export interface RawPulledRow {
  table: SyncedTable;
  id: string;
  fieldsJson: string | Uint8Array;
  versionsJson: string | Uint8Array;
  deleted: boolean;
  version: number;
}

export interface ConflictView {
  id: string;
  table: SyncedTable;
  rowId: string;
  field: string;
  kind: ConflictKind;
  winnerValue: unknown;
  loserValue: unknown;
  winnerDeviceId: string;
  loserDeviceId: string;
  winnerHlc: string;
  loserHlc: string;
  createdAt: string;
  resolvedAt: string | null;
}

export interface PushInput {
  unitId: string;
  deviceId: string;
  /** the device's role: which tables it may write */
  role: string;
  schemaVersion: number;
  mutations: readonly RawMutation[];
  now: number;
}

/** A photo the unit's phones uploaded (the bytes are on disk, server/src/files/blob-files.ts). */
export interface StoredFile {
  sha256: string;
  bytes: number;
  createdAt: string;
}

export interface AddFileResult {
  /** created: counted now · exists: the unit had it already (nothing counted) · quota: refused, nothing counted */
  status: 'created' | 'exists' | 'quota';
  /** the unit's usage after this call */
  usedBytes: number;
}

/**
 * What GET /api/v1/health reports of the database. `answers`: a trivial query returned;
 * `writable`: a write transaction can start (not read-only, not a standby); `spaceBytes`: free
 * bytes where the data lives (null when the store cannot know, e.g. a remote Postgres);
 * `integrity`: the start-up check's verdict ('unchecked' when the store has none).
 */
export interface HealthReport {
  answers: boolean;
  writable: boolean;
  spaceBytes: number | null;
  integrity: 'ok' | 'corrupt' | 'unchecked';
  /** a few words for the log when something is wrong */
  problem?: string;
}

/** A pull page: rows with version > cursor, in version order. */
export interface PullPage {
  rows: RawPulledRow[];
  /** more rows wait after the last one (the row limit or the byte limit was reached) */
  hasMore: boolean;
  unitVersion: number;
}

/**
 * Why a store cannot answer: `busy` (momentarily: locked, an I/O hiccup, a lost connection —
 * try again soon), or a fault of the database itself that an administrator must fix and that
 * /health names too: `read_only`, `disk_full`, `corrupt` (the file is damaged: nothing more is
 * read or written until it is restored).
 */
export type StoreFault = 'busy' | 'read_only' | 'disk_full' | 'corrupt';

/**
 * Thrown by a store when the database cannot answer; whatever the call was writing was rolled
 * back. Every route answers 503 with a code for the fault (http/errors.ts).
 */
export class StoreUnavailableError extends Error {
  readonly fault: StoreFault;
  constructor(message: string, options?: { cause?: unknown; fault?: StoreFault }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
    this.fault = options?.fault ?? 'busy';
  }
}

export interface Store {
  readonly kind: StoreKind;
  /** Never throws: what is wrong is in the report. */
  health(): Promise<HealthReport>;
  meta(): Promise<ServerMeta>;
  /** Idempotent; the store is unusable afterwards. */
  close(): Promise<void>;

  // accounts and sessions
  hasAccounts(): Promise<boolean>;
  /** Creates the first admin; false (nothing written) when any account exists already. */
  createFirstAdmin(account: Account): Promise<boolean>;
  /** false when the username is taken */
  createAccount(account: Account, unitIds: readonly string[]): Promise<boolean>;
  findAccount(username: string): Promise<Account | null>;
  listAccounts(): Promise<AccountSummary[]>;
  getAccountSummary(id: string): Promise<AccountSummary | null>;
  /**
   * Replaces the units assigned to an account (ids checked by the caller); null when no such
   * account. Its supervisor phones enrolled in a unit it no longer covers are revoked with it.
   */
  setAccountUnits(accountId: string, unitIds: readonly string[], now: string): Promise<AccountSummary | null>;
  createSession(tokenHash: Buffer, accountId: string, createdAt: string, expiresAt: string): Promise<void>;
  findTokenOwner(tokenHash: Buffer): Promise<TokenOwner | null>;
  touchDevice(deviceId: string, at: string): Promise<void>;

  // units, invites, devices
  createUnit(unit: UnitInfo): Promise<void>;
  getUnit(id: string): Promise<UnitInfo | null>;
  /**
   * Renames or moves a unit in the server's tree, refusing a parent that is the unit or below
   * it; a move revokes supervisor phones whose account no longer covers the unit.
   */
  updateUnit(id: string, patch: UnitPatch, now: string): Promise<UnitUpdateResult>;
  /** all units, or only these ids */
  listUnits(ids?: readonly string[]): Promise<UnitInfo[]>;
  createInvite(invite: { codeHash: Buffer; unitId: string; role: DeviceRole; createdBy: string; createdAt: string; expiresAt: string }): Promise<void>;
  /** Consumes the code and registers the device in one transaction: of two racing phones exactly one wins. */
  redeemInvite(input: { codeHash: Buffer; deviceId: string; deviceName: string; tokenHash: Buffer; now: string }): Promise<RedeemResult>;
  /** A supervisor account's phone takes (or takes back) its supervisor device in a unit. */
  enrollDevice(input: { unitId: string; accountId: string; deviceId: string; deviceName: string; tokenHash: Buffer; now: string }): Promise<RedeemResult>;
  listDevices(unitId: string): Promise<DeviceInfo[]>;
  /** null when the unit has no such device; revoking twice keeps the first time */
  revokeDevice(unitId: string, deviceId: string, at: string): Promise<DeviceInfo | null>;

  // sync
  /** Runs one push batch in one transaction (throws StoreUnavailableError on a transient failure). */
  push(input: PushInput): Promise<PushResponse>;
  /**
   * Rows with version > cursor in version order: at most `limit` rows, and stopping before the
   * row that would take the page's stored JSON (fields + versions) past `maxBytes` — but always
   * at least one row, so a page moves the cursor. The store never holds more than about one
   * page in memory.
   */
  pull(unitId: string, cursor: number, limit: number, maxBytes: number): Promise<PullPage>;
  listConflicts(unitId: string, status: 'open' | 'resolved' | 'all', limit: number): Promise<ConflictView[]>;
  /** null when the unit has no such conflict; resolving twice keeps the first time */
  resolveConflict(input: { unitId: string; id: string; by: string; keep: 'winner' | 'loser' | null; at: string }): Promise<{ id: string; resolvedAt: string } | null>;

  // rate limits (shared by every server process on the database)
  /**
   * Failures of `key` within the last `windowMs` before `now` (ms since epoch), after recording
   * one more at `now` when `record` is set. Old entries are forgotten.
   */
  countFailures(key: string, windowMs: number, now: number, record: boolean): Promise<{ count: number; oldest: number | null }>;
  /** Forgets the failures of `key` (a successful sign-in). */
  clearFailures(key: string): Promise<void>;

  // files (photos): the bytes are on disk, the store counts them per unit
  getFile(unitId: string, sha256: string): Promise<StoredFile | null>;
  fileUsage(unitId: string): Promise<{ usedBytes: number; files: number }>;
  /** Records a blob already written to disk, in one transaction with the quota check. */
  addFile(input: { unitId: string; sha256: string; bytes: number; createdAt: string; quotaBytes: number }): Promise<AddFileResult>;
}
