// The unit's own record: the `units` row whose id is the unit's server id. The server writes it
// when the admin creates the unit, so every phone that joins holds the unit's name, kind and
// cấp trên from its first pull (before this, only a phone that had set the unit up itself had
// one; a phone joining a unit made on the server had none: no name in settings, "CHI ĐOÀN ……"
// on printed minutes, no backup). Phones of the unit (secretary, deputy) edit it like any row.
//
// What the admin typed is a placeholder: its fields carry SEED_STAMP, which merge.ts lets any
// phone's edit overwrite without a conflict. So a secretary who set the unit up on her phone
// before joining sends her own details, and they replace the admin's label silently; once a
// phone has written a field, later concurrent edits are ordinary conflicts (docs/decisions.md).
import type { RowState } from './types';

/** The stamp of what the server seeded: older than any phone's (ms 0), never a device's. */
export const SEED_STAMP = '0000000000000:0000:server-seed';

/** The row the admin's "create unit" seeds: kind defaults to a chi đoàn, no sub-groups yet. */
export function unitSeedRow(unit: { name: string; parentUnit: string | null; createdAt: string }, version: number): RowState {
  const data: Record<string, unknown> = { name: unit.name, kind: 'branch', subGroups: [], createdAt: unit.createdAt };
  if (unit.parentUnit) data.parentUnit = unit.parentUnit;
  const versions: Record<string, number> = {};
  for (const field of Object.keys(data)) versions[field] = version;
  return { data, versions, hlcs: { [version]: SEED_STAMP }, deleted: false, version };
}
