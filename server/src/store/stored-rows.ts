// The server's own tables as both stores read them (snake_case columns) and the shapes the
// Store interface answers with: one conversion for SQLite and Postgres, and the pure rules of
// the unit tree (who is below whom, what a patch makes of a unit).
import type { SyncedTable } from '../../../src/protocol/outbox';
import type { Account, AccountSummary, ConflictView, DeviceInfo, DeviceRole, ServerMeta, UnitInfo, UnitPatch } from './types';

export interface AccountRow {
  id: string;
  username: string;
  role: Account['role'];
  password_hash: string;
  created_at: string;
}
/** An account as the admin lists it (never its password hash). */
export interface SummaryRow {
  id: string;
  username: string;
  role: Account['role'];
  created_at: string;
}
export interface UnitRow {
  id: string;
  name: string;
  parent_unit: string | null;
  parent_id: string | null;
  in_charge: string | null;
  created_at: string;
}
export interface DeviceRow {
  id: string;
  unit_id: string;
  name: string;
  role: DeviceRole;
  last_seq: number;
  created_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
}
export interface ConflictRow {
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

export const toAccount = (r: AccountRow): Account => ({ id: r.id, username: r.username, role: r.role, passwordHash: r.password_hash, createdAt: r.created_at });
export const toSummary = (r: SummaryRow, unitIds: string[]): AccountSummary => ({ id: r.id, username: r.username, role: r.role, unitIds, createdAt: r.created_at });
export const toUnit = (r: UnitRow): UnitInfo => ({ id: r.id, name: r.name, parentUnit: r.parent_unit, parentId: r.parent_id, inCharge: r.in_charge, createdAt: r.created_at });
export const toDevice = (r: DeviceRow): DeviceInfo => ({
  deviceId: r.id,
  unitId: r.unit_id,
  deviceName: r.name,
  role: r.role,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  lastSeq: r.last_seq,
  revokedAt: r.revoked_at,
});
export const toConflict = (r: ConflictRow): ConflictView => ({
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

/** The meta table's rows (written by migration 1) as ServerMeta. */
export function toMeta(rows: readonly { key: string; value: string }[]): ServerMeta {
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const serverId = byKey.get('server_id');
  const createdAt = byKey.get('created_at');
  if (!serverId || !createdAt) throw new Error('meta table is missing server_id or created_at');
  return { serverId, createdAt };
}

/** The given units and every unit below them in the tree (a cycle cannot loop: each id once). */
export function withDescendants(ids: readonly string[], tree: readonly { id: string; parent_id: string | null }[]): string[] {
  const children = new Map<string, string[]>();
  for (const u of tree) if (u.parent_id) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u.id]);
  const out = new Set<string>();
  const stack = [...ids];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...out].sort();
}

/**
 * What a patch makes of a unit: a rename, a new phụ trách, a move under `parent` (looked up by
 * the store when the patch names one; undefined = no such unit). `below` is the unit and every
 * unit under it: a parent among them would close a loop.
 */
export function patchUnit(
  row: UnitRow,
  patch: UnitPatch,
  parent: UnitRow | undefined,
  below: readonly string[],
): { ok: true; row: UnitRow } | { ok: false; reason: 'unknown_parent' | 'cycle' } {
  let parentId = row.parent_id;
  let parentUnit = row.parent_unit;
  if (patch.parentId !== undefined) {
    parentId = patch.parentId;
    if (parentId !== null) {
      if (!parent) return { ok: false, reason: 'unknown_parent' };
      if (below.includes(parentId)) return { ok: false, reason: 'cycle' };
      // as when creating: cấp trên printed on documents defaults to the new parent's name
      if (parentId !== row.parent_id) parentUnit = parent.name;
    }
  }
  if (patch.parentUnit !== undefined) parentUnit = patch.parentUnit;
  const inCharge = patch.inCharge !== undefined ? patch.inCharge : row.in_charge;
  return { ok: true, row: { ...row, name: patch.name ?? row.name, parent_unit: parentUnit, parent_id: parentId, in_charge: inCharge } };
}
