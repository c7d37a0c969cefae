// Unit reads, without zod (list screens import this).
import type { Unit } from '../../protocol/unit';
import { activeDb, activeUnitId } from '../../data/session';

/**
 * The unit's record. On a phone that syncs it is the row with the server's unit id (seeded by
 * the server, edited by every phone of the unit); else the row of this database's own id. A
 * phone of a unit joined before the server seeded records may only hold the creating phone's
 * row (its local id): then the first one that is not deleted.
 */
export async function getUnit(): Promise<Unit | undefined> {
  const db = await activeDb();
  const serverId = (await db.syncState.get('device'))?.server?.unitId;
  const ownId = await activeUnitId();
  for (const id of serverId ? [serverId, ownId] : [ownId]) {
    const u = await db.units.get(id);
    if (u && !u.deleted) return u;
  }
  return (await db.units.filter((u) => !u.deleted).first()) ?? (await db.units.get(ownId));
}
