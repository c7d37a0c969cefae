// Unit reads, without zod (list screens import this).
import type { Unit } from '../../protocol/unit';
import { activeDb, activeUnitId } from '../../data/session';

export async function getUnit(): Promise<Unit | undefined> {
  const db = await activeDb();
  return db.units.get(await activeUnitId());
}
