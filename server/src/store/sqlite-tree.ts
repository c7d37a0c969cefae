// The unit tree and who supervises what (issue 11): the admin's list of accounts, a supervisor
// account's assigned units, and moving or renaming a unit in the tree. Called by sqlite.ts.
// A change of either may leave a supervisor's phone enrolled in a unit its account no longer
// covers (unassigned, or moved out from under an assigned unit): that phone's device is revoked
// in the same transaction, so the level above loses a unit on the spot, not at its next sign-in.
import type Database from 'better-sqlite3';
import { lazyStatement, type SqliteAccess } from './sqlite-connection';
import { patchUnit, toSummary, toUnit, withDescendants, type SummaryRow, type UnitRow } from './stored-rows';
import type { AccountSummary, UnitPatch, UnitUpdateResult } from './types';

export function prepareTreeStatements(db: Database.Database) {
  // prepared on first use (sqlite-connection.ts lazyStatement): older schemas in migration tests
  const p = (sql: string) => lazyStatement(db, sql);
  return {
    allAccounts: p('SELECT id, username, role, created_at FROM accounts ORDER BY created_at, username'),
    accountById: p('SELECT id, username, role, created_at FROM accounts WHERE id = ?'),
    allAccountUnits: p('SELECT account_id, unit_id FROM account_units ORDER BY unit_id'),
    clearAccountUnits: p('DELETE FROM account_units WHERE account_id = ?'),
    addAccountUnit: p('INSERT INTO account_units (account_id, unit_id) VALUES (?, ?)'),
    unitRow: p('SELECT id, name, parent_unit, parent_id, in_charge, created_at FROM units WHERE id = ?'),
    unitParents: p('SELECT id, parent_id FROM units'),
    updateUnit: p('UPDATE units SET name = ?, parent_unit = ?, parent_id = ?, in_charge = ? WHERE id = ?'),
    enrolledDevices: p("SELECT id, unit_id, account_id FROM devices WHERE role = 'supervisor' AND account_id IS NOT NULL AND revoked_at IS NULL"),
    revoke: p('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
  };
}
type Access = SqliteAccess<{ tree: ReturnType<typeof prepareTreeStatements> }>;


export function listAccounts(a: Access): AccountSummary[] {
  return a.read(() => {
    const units = unitsByAccount(a);
    return (a.q.tree.allAccounts.all() as SummaryRow[]).map((r) => toSummary(r, units.get(r.id) ?? []));
  });
}

export function getAccountSummary(a: Access, id: string): AccountSummary | null {
  return a.read(() => {
    const row = a.q.tree.accountById.get(id) as SummaryRow | undefined;
    return row ? toSummary(row, unitsByAccount(a).get(id) ?? []) : null;
  });
}

/** Replaces a supervisor's assigned units (the caller checked the ids exist and the role). */
export function setAccountUnits(a: Access, accountId: string, unitIds: readonly string[], now: string): AccountSummary | null {
  return a.write(() => {
    const row = a.q.tree.accountById.get(accountId) as SummaryRow | undefined;
    if (!row) return null;
    a.q.tree.clearAccountUnits.run(accountId);
    for (const id of new Set(unitIds)) a.q.tree.addAccountUnit.run(accountId, id);
    revokeUncovered(a, now);
    return toSummary(row, [...new Set(unitIds)].sort());
  });
}

/** Renames or moves a unit; a parent below the unit itself (or the unit) would close a loop. */
export function updateUnit(a: Access, id: string, patch: UnitPatch, now: string): UnitUpdateResult {
  return a.write((): UnitUpdateResult => {
    const row = a.q.tree.unitRow.get(id) as UnitRow | undefined;
    if (!row) return { ok: false, reason: 'not_found' };
    const moving = typeof patch.parentId === 'string';
    const parent = moving ? (a.q.tree.unitRow.get(patch.parentId) as UnitRow | undefined) : undefined;
    const below = parent ? withDescendants([id], a.q.tree.unitParents.all() as { id: string; parent_id: string | null }[]) : [];
    const next = patchUnit(row, patch, parent, below);
    if (!next.ok) return next;
    const u = next.row;
    a.q.tree.updateUnit.run(u.name, u.parent_unit, u.parent_id, u.in_charge, id);
    if (u.parent_id !== row.parent_id) revokeUncovered(a, now);
    return { ok: true, unit: toUnit(u) };
  });
}

/** Revokes every supervisor device whose account no longer covers its unit (inside a write). */
function revokeUncovered(a: Access, now: string): void {
  const tree = a.q.tree.unitParents.all() as { id: string; parent_id: string | null }[];
  const assigned = unitsByAccount(a);
  const covered = new Map<string, Set<string>>();
  for (const d of a.q.tree.enrolledDevices.all() as { id: string; unit_id: string; account_id: string }[]) {
    let units = covered.get(d.account_id);
    if (!units) covered.set(d.account_id, (units = new Set(withDescendants(assigned.get(d.account_id) ?? [], tree))));
    if (!units.has(d.unit_id)) a.q.tree.revoke.run(now, d.id);
  }
}

function unitsByAccount(a: Access): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of a.q.tree.allAccountUnits.all() as { account_id: string; unit_id: string }[]) out.set(r.account_id, [...(out.get(r.account_id) ?? []), r.unit_id]);
  return out;
}
