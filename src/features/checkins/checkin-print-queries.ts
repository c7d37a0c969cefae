// What the printed check-in is made of: the unit (its name, cấp trên, secretary), the check-in
// and its actions in the order agreed (created first, first). No zod.
import type { UnitDb } from '../../data/db';
import { listActions, unitOf } from './checkins-queries';
import type { CheckinDocInput } from './checkin-document';

export async function loadCheckinPrint(db: UnitDb, id: string): Promise<CheckinDocInput | undefined> {
  const checkIn = await db.checkIns.get(id);
  if (!checkIn || checkIn.deleted) return undefined;
  const [unit, actions] = await Promise.all([unitOf(db), listActions(db, id)]);
  return { unit, checkIn, actions: actions.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)) };
}
