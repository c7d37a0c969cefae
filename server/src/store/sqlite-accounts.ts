// Who may talk to the SQLite store: accounts and their sessions, units, one-time invite codes
// and the devices that redeemed them. The Store methods in sqlite.ts call these.
import type Database from 'better-sqlite3';
import { lazyStatement, type SqliteAccess } from './sqlite-connection';
import { unitSeedRow } from '../sync/unit-record';
import { toAccount, toDevice, toUnit, withDescendants, type AccountRow, type DeviceRow, type UnitRow } from './stored-rows';
import type { Account, DeviceInfo, DeviceRole, RedeemResult, TokenOwner, UnitInfo } from './types';

export function prepareAccountStatements(db: Database.Database) {
  // prepared on first use (sqlite-connection.ts lazyStatement): older schemas in migration tests
  const p = (sql: string) => lazyStatement(db, sql);
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
    insertUnit: p('INSERT INTO units (id, name, parent_unit, parent_id, in_charge, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertUnitRecord: p(`INSERT INTO rows (unit_id, tbl, id, data, versions, hlcs, deleted, version) VALUES (?, 'units', ?, ?, ?, ?, 0, ?)`),
    unitById: p('SELECT id, name, parent_unit, parent_id, in_charge, created_at FROM units WHERE id = ?'),
    allUnits: p('SELECT id, name, parent_unit, parent_id, in_charge, created_at FROM units ORDER BY created_at, id'),
    unitTree: p('SELECT id, parent_id FROM units'),
    insertInvite: p('INSERT INTO invites (code_hash, unit_id, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)'),
    openInvite: p('SELECT unit_id, role FROM invites WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?'),
    useInvite: p('UPDATE invites SET used_at = ?, used_by_device = ? WHERE code_hash = ? AND used_at IS NULL'),
    insertDevice: p(`INSERT INTO devices (id, unit_id, name, role, token_hash, last_seq, created_at, last_seen_at)
      VALUES (?, ?, ?, ?, ?, 0, ?, ?)`),
    setDeviceAccount: p('UPDATE devices SET account_id = ? WHERE id = ?'),
    readmitDevice: p('UPDATE devices SET name = ?, role = ?, token_hash = ?, revoked_at = NULL, last_seen_at = ? WHERE id = ?'),
    devicesOfUnit: p('SELECT * FROM devices WHERE unit_id = ? ORDER BY created_at, id'),
    revokeDevice: p('UPDATE devices SET revoked_at = ? WHERE id = ? AND unit_id = ? AND revoked_at IS NULL'),
  };
}
type Access = SqliteAccess<ReturnType<typeof prepareAccountStatements>>;

// accounts and sessions ---------------------------------------------------------------
export function hasAccounts(a: Access): boolean {
  return a.read(() => !!a.q.anyAccount.get());
}

export function createFirstAdmin(a: Access, account: Account): boolean {
  return a.write(() => {
    if (a.q.anyAccount.get()) return false;
    a.q.insertAccount.run(account.id, account.username, account.role, account.passwordHash, account.createdAt);
    return true;
  });
}

export function createAccount(a: Access, account: Account, unitIds: readonly string[]): boolean {
  return a.write(() => {
    if (a.q.accountByName.get(account.username)) return false;
    a.q.insertAccount.run(account.id, account.username, account.role, account.passwordHash, account.createdAt);
    for (const unitId of new Set(unitIds)) a.q.insertAccountUnit.run(account.id, unitId);
    return true;
  });
}

export function findAccount(a: Access, username: string): Account | null {
  return a.read(() => {
    const row = a.q.accountByName.get(username) as AccountRow | undefined;
    return row ? toAccount(row) : null;
  });
}

export function createSession(a: Access, tokenHash: Buffer, accountId: string, createdAt: string, expiresAt: string): void {
  a.write(() => {
    a.q.deleteExpiredSessions.run(accountId, createdAt);
    a.q.insertSession.run(tokenHash, accountId, createdAt, expiresAt);
  });
}

export function findTokenOwner(a: Access, tokenHash: Buffer): TokenOwner | null {
  return a.read(() => {
    const session = a.q.sessionByHash.get(tokenHash) as (AccountRow & { expires_at: string }) | undefined;
    if (session) {
      const assigned = a.q.accountUnits.pluck().all(session.id) as string[];
      // A supervisor sees the units assigned to it and, through the tree, their children.
      const unitIds = withDescendants(assigned, a.q.unitTree.all() as { id: string; parent_id: string | null }[]);
      return { kind: 'account', account: toAccount(session), expiresAt: session.expires_at, unitIds };
    }
    const device = a.q.deviceByHash.get(tokenHash) as DeviceRow | undefined;
    return device ? { kind: 'device', device: toDevice(device) } : null;
  });
}

export function touchDevice(a: Access, deviceId: string, at: string): void {
  a.write(() => a.q.touchDevice.run(at, deviceId));
}

// units, invites, devices -------------------------------------------------------------
/** The unit and its own record (server/src/sync/unit-record.ts, version 1), in one transaction. */
export function createUnit(a: Access, unit: UnitInfo): void {
  const row = unitSeedRow(unit, 1);
  a.write(() => {
    a.q.insertUnit.run(unit.id, unit.name, unit.parentUnit, unit.parentId ?? null, unit.inCharge ?? null, row.version, unit.createdAt);
    a.q.insertUnitRecord.run(unit.id, unit.id, JSON.stringify(row.data), JSON.stringify(row.versions), JSON.stringify(row.hlcs), row.version);
  });
}

export function getUnit(a: Access, id: string): UnitInfo | null {
  return a.read(() => {
    const row = a.q.unitById.get(id) as UnitRow | undefined;
    return row ? toUnit(row) : null;
  });
}

export function listUnits(a: Access, ids?: readonly string[]): UnitInfo[] {
  return a.read(() => {
    const rows = a.q.allUnits.all() as UnitRow[];
    const wanted = ids ? new Set(ids) : null;
    return rows.filter((r) => !wanted || wanted.has(r.id)).map(toUnit);
  });
}

export function createInvite(a: Access, i: { codeHash: Buffer; unitId: string; role: DeviceRole; createdBy: string; createdAt: string; expiresAt: string }): void {
  a.write(() => a.q.insertInvite.run(i.codeHash, i.unitId, i.role, i.createdBy, i.createdAt, i.expiresAt));
}

export function redeemInvite(a: Access, input: { codeHash: Buffer; deviceId: string; deviceName: string; tokenHash: Buffer; now: string }): RedeemResult {
  return a.write((): RedeemResult => {
    const invite = a.q.openInvite.get(input.codeHash, input.now) as { unit_id: string; role: DeviceRole } | undefined;
    if (!invite) return { ok: false, reason: 'invalid_code' };
    const existing = a.q.deviceById.get(input.deviceId) as DeviceRow | undefined;
    // A device id is global. Only a revoked device of the same unit may come back (keeping
    // its lastSeq, so its outbox seqs still fit); anything else must not take over a device.
    if (existing && !(existing.unit_id === invite.unit_id && existing.revoked_at !== null)) return { ok: false, reason: 'device_exists' };
    if (a.q.useInvite.run(input.now, input.deviceId, input.codeHash).changes !== 1) return { ok: false, reason: 'invalid_code' };
    if (existing) a.q.readmitDevice.run(input.deviceName, invite.role, input.tokenHash, input.now, input.deviceId);
    else a.q.insertDevice.run(input.deviceId, invite.unit_id, input.deviceName, invite.role, input.tokenHash, input.now, input.now);
    const unit = toUnit(a.q.unitById.get(invite.unit_id) as UnitRow);
    return { ok: true, unit, role: invite.role };
  });
}

/**
 * A supervisor account's phone takes a device of its own in a unit it supervises (role
 * supervisor): it pulls the unit and pushes the level above's tables. The same phone signing
 * in again gets a new token for its device (lastSeq kept); a device id of another unit is refused.
 */
export function enrollDevice(a: Access, input: { unitId: string; accountId: string; deviceId: string; deviceName: string; tokenHash: Buffer; now: string }): RedeemResult {
  return a.write((): RedeemResult => {
    const existing = a.q.deviceById.get(input.deviceId) as DeviceRow | undefined;
    if (existing && !(existing.unit_id === input.unitId && existing.role === 'supervisor')) return { ok: false, reason: 'device_exists' };
    if (existing) a.q.readmitDevice.run(input.deviceName, 'supervisor', input.tokenHash, input.now, input.deviceId);
    else a.q.insertDevice.run(input.deviceId, input.unitId, input.deviceName, 'supervisor', input.tokenHash, input.now, input.now);
    // whose phone it is: losing the unit (sqlite-tree.ts) revokes it
    a.q.setDeviceAccount.run(input.accountId, input.deviceId);
    return { ok: true, unit: toUnit(a.q.unitById.get(input.unitId) as UnitRow), role: 'supervisor' };
  });
}

export function listDevices(a: Access, unitId: string): DeviceInfo[] {
  return a.read(() => (a.q.devicesOfUnit.all(unitId) as DeviceRow[]).map(toDevice));
}

export function revokeDevice(a: Access, unitId: string, deviceId: string, at: string): DeviceInfo | null {
  return a.write(() => {
    a.q.revokeDevice.run(at, deviceId, unitId);
    const row = a.q.deviceById.get(deviceId) as DeviceRow | undefined;
    return row && row.unit_id === unitId ? toDevice(row) : null;
  });
}
