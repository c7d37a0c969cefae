// Unit reads, without zod (list screens import this).
import type { Unit } from '../../protocol/unit';
import { activeDb, activeUnitId } from '../../data/session';

export async function getUnit(): Promise<Unit | undefined> {
  const db = await activeDb();
  const own = await db.units.get(await activeUnitId());
  if (own && !own.deleted) return own;
  // A phone that joined a server unit receives the unit row under the id of the phone that
  // created it (the secretary's local id): take the first one that is not deleted.
  return (await db.units.filter((u) => !u.deleted).first()) ?? own;
}
