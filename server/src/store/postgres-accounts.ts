// Who may talk to the Postgres store: accounts and sessions, units and their tree, invite codes
// and devices. The same rules as sqlite-accounts.ts and sqlite-tree.ts; where SQLite's single
// writer made a check-then-write safe, Postgres takes a transaction-scoped advisory lock (the
// first admin, the tree) or lets a unique key decide (usernames, device ids, invite use).
import { unitSeedRow } from '../sync/unit-record';
import type { PgAccess, PgClient, Queryable } from './postgres-connection';
import { patchUnit, toAccount, toDevice, toSummary, toUnit, withDescendants, type AccountRow, type DeviceRow, type SummaryRow, type UnitRow } from './stored-rows';
import type { Account, AccountSummary, DeviceInfo, DeviceRole, RedeemResult, TokenOwner, UnitInfo, UnitPatch, UnitUpdateResult } from './types';

/** Advisory lock keys (any constants): the first admin, and changes to the tree or assignments. */
const FIRST_ADMIN_LOCK = '7591001';
const TREE_LOCK = '7591002';

const UNIQUE_VIOLATION = '23505';
const isUnique = (error: unknown) => (error as { code?: unknown })?.code === UNIQUE_VIOLATION;

// accounts and sessions ---------------------------------------------------------------
export async function hasAccounts(a: PgAccess): Promise<boolean> {
  return (await a.query('SELECT 1 FROM accounts LIMIT 1')).rowCount! > 0;
}

export async function createFirstAdmin(a: PgAccess, account: Account): Promise<boolean> {
  return a.write(async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
    if ((await c.query('SELECT 1 FROM accounts LIMIT 1')).rowCount! > 0) return false;
    await insertAccount(c, account);
    return true;
  });
}

export async function createAccount(a: PgAccess, account: Account, unitIds: readonly string[]): Promise<boolean> {
  try {
    return await a.write(async (c) => {
      await insertAccount(c, account);
      for (const unitId of new Set(unitIds)) await c.query('INSERT INTO account_units (account_id, unit_id) VALUES ($1, $2)', [account.id, unitId]);
      return true;
    });
  } catch (error) {
    if (isUnique(error)) return false; // the username is taken
    throw error;
  }
}

function insertAccount(c: PgClient, account: Account) {
  return c.query('INSERT INTO accounts (id, username, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
    account.id,
    account.username,
    account.role,
    account.passwordHash,
    account.createdAt,
  ]);
}

export async function findAccount(a: PgAccess, username: string): Promise<Account | null> {
  const row = (await a.query<AccountRow>('SELECT id, username, role, password_hash, created_at FROM accounts WHERE username = $1', [username])).rows[0];
  return row ? toAccount(row) : null;
}

export async function createSession(a: PgAccess, tokenHash: Buffer, accountId: string, createdAt: string, expiresAt: string): Promise<void> {
  await a.write(async (c) => {
    await c.query('DELETE FROM sessions WHERE account_id = $1 AND expires_at <= $2', [accountId, createdAt]);
    await c.query('INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [tokenHash, accountId, createdAt, expiresAt]);
  });
}

export async function findTokenOwner(a: PgAccess, tokenHash: Buffer): Promise<TokenOwner | null> {
  const session = (
    await a.query<AccountRow & { expires_at: string }>(
      `SELECT a.id, a.username, a.role, a.password_hash, a.created_at, s.expires_at
       FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1`,
      [tokenHash],
    )
  ).rows[0];
  if (session) {
    const assigned = (await a.query<{ unit_id: string }>('SELECT unit_id FROM account_units WHERE account_id = $1 ORDER BY unit_id', [session.id])).rows.map((r) => r.unit_id);
    const unitIds = assigned.length ? withDescendants(assigned, await unitParents(a)) : [];
    return { kind: 'account', account: toAccount(session), expiresAt: session.expires_at, unitIds };
  }
  const device = (await a.query<DeviceRow>('SELECT * FROM devices WHERE token_hash = $1', [tokenHash])).rows[0];
  return device ? { kind: 'device', device: toDevice(device) } : null;
}

export async function touchDevice(a: PgAccess, deviceId: string, at: string): Promise<void> {
  await a.query('UPDATE devices SET last_seen_at = $1 WHERE id = $2', [at, deviceId]);
}

// units -------------------------------------------------------------------------------
/** The unit and its own record (server/src/sync/unit-record.ts, version 1), in one transaction. */
export async function createUnit(a: PgAccess, unit: UnitInfo): Promise<void> {
  const row = unitSeedRow(unit, 1);
  await a.write(async (c) => {
    await c.query('INSERT INTO units (id, name, parent_unit, parent_id, in_charge, version, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      unit.id,
      unit.name,
      unit.parentUnit,
      unit.parentId ?? null,
      unit.inCharge ?? null,
      row.version,
      unit.createdAt,
    ]);
    await c.query(`INSERT INTO rows (unit_id, tbl, id, data, versions, hlcs, deleted, version) VALUES ($1, 'units', $1, $2, $3, $4, false, $5)`, [
      unit.id,
      JSON.stringify(row.data),
      JSON.stringify(row.versions),
      JSON.stringify(row.hlcs),
      row.version,
    ]);
  });
}

const UNIT_COLUMNS = 'id, name, parent_unit, parent_id, in_charge, created_at';

export async function getUnit(a: PgAccess, id: string): Promise<UnitInfo | null> {
  const row = (await a.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units WHERE id = $1`, [id])).rows[0];
  return row ? toUnit(row) : null;
}

export async function listUnits(a: PgAccess, ids?: readonly string[]): Promise<UnitInfo[]> {
  const rows = ids
    ? (await a.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units WHERE id = ANY($1::text[]) ORDER BY created_at, id`, [[...ids]])).rows
    : (await a.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units ORDER BY created_at, id`)).rows;
  return rows.map(toUnit);
}

async function unitParents(a: Queryable): Promise<{ id: string; parent_id: string | null }[]> {
  return (await a.query<{ id: string; parent_id: string | null }>('SELECT id, parent_id FROM units')).rows;
}

/** Renames or moves a unit; a parent below the unit itself (or the unit) would close a loop. */
export async function updateUnit(a: PgAccess, id: string, patch: UnitPatch, now: string): Promise<UnitUpdateResult> {
  return a.write(async (c): Promise<UnitUpdateResult> => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [TREE_LOCK]);
    const row = await unitRowIn(c, id);
    if (!row) return { ok: false, reason: 'not_found' };
    const parent = typeof patch.parentId === 'string' ? await unitRowIn(c, patch.parentId) : undefined;
    const below = parent ? withDescendants([id], await unitParents(c)) : [];
    const next = patchUnit(row, patch, parent, below);
    if (!next.ok) return next;
    const u = next.row;
    await c.query('UPDATE units SET name = $1, parent_unit = $2, parent_id = $3, in_charge = $4 WHERE id = $5', [u.name, u.parent_unit, u.parent_id, u.in_charge, id]);
    if (u.parent_id !== row.parent_id) await revokeUncovered(c, now);
    return { ok: true, unit: toUnit(u) };
  });
}

async function unitRowIn(c: Queryable, id: string): Promise<UnitRow | undefined> {
  return (await c.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units WHERE id = $1`, [id])).rows[0];
}

// who supervises what -------------------------------------------------------------------
export async function listAccounts(a: PgAccess): Promise<AccountSummary[]> {
  const units = await unitsByAccount(a);
  const rows = (await a.query<SummaryRow>('SELECT id, username, role, created_at FROM accounts ORDER BY created_at, username')).rows;
  return rows.map((r) => toSummary(r, units.get(r.id) ?? []));
}

export async function getAccountSummary(a: PgAccess, id: string): Promise<AccountSummary | null> {
  const row = (await a.query<SummaryRow>('SELECT id, username, role, created_at FROM accounts WHERE id = $1', [id])).rows[0];
  return row ? toSummary(row, (await unitsByAccount(a)).get(id) ?? []) : null;
}

/** Replaces a supervisor's assigned units and revokes its phones in units it no longer covers. */
export async function setAccountUnits(a: PgAccess, accountId: string, unitIds: readonly string[], now: string): Promise<AccountSummary | null> {
  return a.write(async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [TREE_LOCK]);
    const row = (await c.query<SummaryRow>('SELECT id, username, role, created_at FROM accounts WHERE id = $1', [accountId])).rows[0];
    if (!row) return null;
    const ids = [...new Set(unitIds)];
    await c.query('DELETE FROM account_units WHERE account_id = $1', [accountId]);
    if (ids.length) await c.query('INSERT INTO account_units (account_id, unit_id) SELECT $1, unnest($2::text[])', [accountId, ids]);
    await revokeUncovered(c, now);
    return toSummary(row, ids.sort());
  });
}

/** Revokes every supervisor device whose account no longer covers its unit (inside a write). */
async function revokeUncovered(c: PgClient, now: string): Promise<void> {
  const tree = await unitParents(c);
  const assigned = await unitsByAccount(c);
  const devices = (await c.query<{ id: string; unit_id: string; account_id: string }>(
    "SELECT id, unit_id, account_id FROM devices WHERE role = 'supervisor' AND account_id IS NOT NULL AND revoked_at IS NULL",
  )).rows;
  const covered = new Map<string, Set<string>>();
  const revoke: string[] = [];
  for (const d of devices) {
    let units = covered.get(d.account_id);
    if (!units) covered.set(d.account_id, (units = new Set(withDescendants(assigned.get(d.account_id) ?? [], tree))));
    if (!units.has(d.unit_id)) revoke.push(d.id);
  }
  if (revoke.length) await c.query('UPDATE devices SET revoked_at = $1 WHERE id = ANY($2::text[]) AND revoked_at IS NULL', [now, revoke]);
}

async function unitsByAccount(a: Queryable): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const rows = (await a.query<{ account_id: string; unit_id: string }>('SELECT account_id, unit_id FROM account_units ORDER BY unit_id')).rows;
  for (const r of rows) out.set(r.account_id, [...(out.get(r.account_id) ?? []), r.unit_id]);
  return out;
}

// invites and devices -------------------------------------------------------------------
export async function createInvite(a: PgAccess, i: { codeHash: Buffer; unitId: string; role: DeviceRole; createdBy: string; createdAt: string; expiresAt: string }): Promise<void> {
  await a.query('INSERT INTO invites (code_hash, unit_id, role, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    i.codeHash,
    i.unitId,
    i.role,
    i.createdBy,
    i.createdAt,
    i.expiresAt,
  ]);
}

export async function redeemInvite(a: PgAccess, input: { codeHash: Buffer; deviceId: string; deviceName: string; tokenHash: Buffer; now: string }): Promise<RedeemResult> {
  try {
    return await a.write(async (c): Promise<RedeemResult> => {
      // The UPDATE takes the invite's row lock: of two phones racing with one code, the second
      // waits, re-reads the row and finds it used.
      const used = await c.query<{ unit_id: string; role: DeviceRole }>(
        'UPDATE invites SET used_at = $1, used_by_device = $2 WHERE code_hash = $3 AND used_at IS NULL AND expires_at > $1 RETURNING unit_id, role',
        [input.now, input.deviceId, input.codeHash],
      );
      const invite = used.rows[0];
      if (!invite) return { ok: false, reason: 'invalid_code' };
      const existing = (await c.query<DeviceRow>('SELECT * FROM devices WHERE id = $1 FOR UPDATE', [input.deviceId])).rows[0];
      // A device id is global. Only a revoked device of the same unit may come back (keeping
      // its lastSeq, so its outbox seqs still fit); anything else must not take over a device.
      if (existing && !(existing.unit_id === invite.unit_id && existing.revoked_at !== null)) throw new DeviceExists();
      if (existing) await readmit(c, existing.unit_id, input.deviceId, input.deviceName, invite.role, input.tokenHash, input.now);
      else await insertDevice(c, input.deviceId, invite.unit_id, input.deviceName, invite.role, input.tokenHash, input.now);
      return { ok: true, unit: (await unitIn(c, invite.unit_id))!, role: invite.role };
    });
  } catch (error) {
    // thrown so the invite stays unused (the transaction rolls back), as SQLite's check-first does
    if (error instanceof DeviceExists || isUnique(error)) return { ok: false, reason: 'device_exists' };
    throw error;
  }
}

class DeviceExists extends Error {}

/**
 * A supervisor account's phone takes a device of its own in a unit it supervises (role
 * supervisor). The same phone signing in again gets a new token (lastSeq kept); a device id of
 * another unit is refused.
 */
export async function enrollDevice(a: PgAccess, input: { unitId: string; accountId: string; deviceId: string; deviceName: string; tokenHash: Buffer; now: string }): Promise<RedeemResult> {
  try {
    return await a.write(async (c): Promise<RedeemResult> => {
      const existing = (await c.query<DeviceRow>('SELECT * FROM devices WHERE id = $1 FOR UPDATE', [input.deviceId])).rows[0];
      if (existing && !(existing.unit_id === input.unitId && existing.role === 'supervisor')) return { ok: false, reason: 'device_exists' };
      if (existing) await readmit(c, input.unitId, input.deviceId, input.deviceName, 'supervisor', input.tokenHash, input.now);
      else await insertDevice(c, input.deviceId, input.unitId, input.deviceName, 'supervisor', input.tokenHash, input.now);
      // whose phone it is: losing the unit revokes it
      await c.query('UPDATE devices SET account_id = $1 WHERE unit_id = $2 AND id = $3', [input.accountId, input.unitId, input.deviceId]);
      return { ok: true, unit: (await unitIn(c, input.unitId))!, role: 'supervisor' };
    });
  } catch (error) {
    if (isUnique(error)) return { ok: false, reason: 'device_exists' };
    throw error;
  }
}

function insertDevice(c: PgClient, id: string, unitId: string, name: string, role: DeviceRole, tokenHash: Buffer, now: string) {
  return c.query('INSERT INTO devices (id, unit_id, name, role, token_hash, last_seq, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, 0, $6, $6)', [
    id,
    unitId,
    name,
    role,
    tokenHash,
    now,
  ]);
}

function readmit(c: PgClient, unitId: string, id: string, name: string, role: DeviceRole, tokenHash: Buffer, now: string) {
  return c.query('UPDATE devices SET name = $1, role = $2, token_hash = $3, revoked_at = NULL, last_seen_at = $4 WHERE unit_id = $5 AND id = $6', [
    name,
    role,
    tokenHash,
    now,
    unitId,
    id,
  ]);
}

async function unitIn(c: PgClient, id: string): Promise<UnitInfo | null> {
  const row = await unitRowIn(c, id);
  return row ? toUnit(row) : null;
}

export async function listDevices(a: PgAccess, unitId: string): Promise<DeviceInfo[]> {
  return (await a.query<DeviceRow>('SELECT * FROM devices WHERE unit_id = $1 ORDER BY created_at, id', [unitId])).rows.map(toDevice);
}

export async function revokeDevice(a: PgAccess, unitId: string, deviceId: string, at: string): Promise<DeviceInfo | null> {
  const row = (
    await a.query<DeviceRow>(
      // COALESCE keeps the first revocation time when revoked twice
      'UPDATE devices SET revoked_at = COALESCE(revoked_at, $1) WHERE unit_id = $2 AND id = $3 RETURNING *',
      [at, unitId, deviceId],
    )
  ).rows[0];
  return row ? toDevice(row) : null;
}
